// A CPU profile of just the measured window of a child (node:inspector), with positions mapped back to
// the TypeScript sources through the source maps tsx registers (run the child with --enable-source-maps).
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hotspots, type CpuProfile, type ProfileHotspot } from '../harness/cpu-profile';

/** Positions of a profile's scripts through the source maps tsx registered. */
function sourceMapper(root: string, urlsByFile: Map<string, string>): (file: string, line: number, column: number) => string | undefined {
  return (file, line, column) => {
    const url = urlsByFile.get(file);
    if (!url?.startsWith('file:')) return undefined;
    const entry = findSourceMap(fileURLToPath(url))?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
    if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    return `${relative(root, source)}:${entry.originalLine + 1}`;
  };
}

const fileOf = (url: string): string => url.replace(/^.*\//, '').replace(/\?.*$/, '');

/** Starts the sampling profiler; the returned function stops it and names the top self-time functions. */
export async function startInProcessProfile(root: string): Promise<(limit: number) => Promise<ProfileHotspot[]>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return async (limit) => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();
    const urls = new Map(profile.nodes.map((node) => [fileOf(node.callFrame.url), node.callFrame.url]));
    return hotspots(profile, limit, sourceMapper(root, urls));
  };
}

/** Bytes allocated by one function (location), garbage included. */
export interface AllocationSite {
  name: string;
  bytes: number;
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/**
 * Starts V8's sampling heap profiler counting every allocation, also those already collected; the returned
 * function stops it and answers the allocation sites with the most bytes.
 */
export async function startAllocationProfile(root: string): Promise<(limit: number) => Promise<{ totalBytes: number; sites: AllocationSite[] }>> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async (limit) => {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
    session.disconnect();
    const nodes: SamplingNode[] = [];
    const visit = (node: SamplingNode): void => {
      nodes.push(node);
      node.children.forEach(visit);
    };
    visit(profile.head);
    const mapPosition = sourceMapper(root, new Map(nodes.map((node) => [fileOf(node.callFrame.url), node.callFrame.url])));
    const bySite = new Map<string, number>();
    for (const node of nodes) {
      if (node.selfSize === 0) continue;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const file = fileOf(url);
      const where = file ? (mapPosition(file, lineNumber, columnNumber) ?? `${file}:${lineNumber + 1}`) : '';
      const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
      bySite.set(name, (bySite.get(name) ?? 0) + node.selfSize);
    }
    const totalBytes = [...bySite.values()].reduce((sum, bytes) => sum + bytes, 0);
    const sites = [...bySite.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, bytes]) => ({ name, bytes }));
    return { totalBytes, sites };
  };
}
