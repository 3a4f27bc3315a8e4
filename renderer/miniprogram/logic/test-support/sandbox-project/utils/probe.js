// Written as ES module syntax on purpose: the served module goes through the import/export transform.
export const NAMES = ['window', 'document', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'navigator', 'location', 'Worker', 'postMessage', 'localStorage'];

export function probe() {
  const reachable = {};
  for (const name of NAMES) {
    let how = 'absent';
    try {
      if (typeof self[name] !== 'undefined') how = 'self';
      else if (typeof self.constructor.prototype[name] !== 'undefined') how = 'prototype';
      else if (Object.getPrototypeOf(Object.getPrototypeOf(self))[name] !== undefined) how = 'deeper prototype';
    } catch {
      how = 'absent';
    }
    reachable[name] = how;
  }
  let bareFetch;
  try {
    fetch('/');
    bareFetch = 'called';
  } catch (error) {
    bareFetch = error.name;
  }
  let evaluated;
  try {
    evaluated = String(eval('1 + 1'));
  } catch (error) {
    evaluated = error.name;
  }
  return { reachable, bareFetch, evaluated, lab: typeof __MSD_LAB__ === 'object' ? __MSD_LAB__.endpoints[0].url : null };
}
