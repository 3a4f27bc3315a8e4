// Logic code runs as on a phone: no DOM and no network but `my` (docs/miniprogram-runtime.md#references §10.1, §10.2, pitfall 22).
// The Worker has no DOM to begin with; this removes its ways out (network, storage, script loading, nested
// workers, talking to the page) from the global object and from every prototype on its chain, so neither a
// bare name nor `self.constructor.prototype.fetch` finds them. The runtime keeps what it needs (postMessage,
// importScripts) in its own closure before this runs; eval and `new Function` are already refused by the
// mini-app's CSP (no 'unsafe-eval').

/** Globals project code must not reach; a bare use of one is a ReferenceError, as on a phone. */
export const FORBIDDEN_LOGIC_GLOBALS: readonly string[] = [
  'fetch', 'XMLHttpRequest', 'XMLHttpRequestEventTarget', 'XMLHttpRequestUpload', 'WebSocket', 'WebSocketStream',
  'WebTransport', 'WebTransportError', 'EventSource', 'Request', 'Response', 'Headers',
  'importScripts', 'Worker', 'SharedWorker', 'BroadcastChannel', 'MessageChannel', 'MessagePort',
  'indexedDB', 'IDBFactory', 'caches', 'CacheStorage', 'Cache', 'cookieStore', 'localStorage', 'sessionStorage',
  'navigator', 'WorkerNavigator', 'location', 'WorkerLocation', 'window', 'document',
  'postMessage', 'close', 'webkitRequestFileSystem', 'webkitRequestFileSystemSync', 'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL', 'FileSystemHandle', 'StorageManager', 'Notification', 'ServiceWorkerRegistration',
  'PushManager', 'BackgroundFetchManager', 'LockManager', 'WebSocketError',
  // WebRTC: a Worker has no RTCPeerConnection, but Chromium exposes RTCDataChannel (a channel a page may
  // transfer in) and the encoded-transform types; none belongs in logic code.
  'RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCRtpScriptTransformer', 'RTCTransformEvent',
  'RTCEncodedAudioFrame', 'RTCEncodedVideoFrame',
];

/** Deletes `names` from `scope` and from each object on its prototype chain; returns the names still reachable. */
export function lockDownGlobals(scope: object, names: readonly string[] = FORBIDDEN_LOGIC_GLOBALS): string[] {
  for (let target: object | null = scope; target !== null; target = Object.getPrototypeOf(target) as object | null) {
    for (const name of names) {
      if (!Object.hasOwn(target, name)) continue;
      try {
        Reflect.deleteProperty(target, name);
      } catch {
        // A non-configurable property stays; it is reported below.
      }
    }
  }
  return names.filter((name) => name in scope);
}
