// A CPU profile of just the measured window of a child (node:inspector), with positions mapped back to
// the TypeScript sources through the source maps tsx registers (run the child with --enable-source-maps).
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hotspots, type CpuProfile, type ProfileHotspot } from '../harness/cpu-profile';

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
    const urls = new Map(profile.nodes.map((node) => [node.callFrame.url.replace(/^.*\//, '').replace(/\?.*$/, ''), node.callFrame.url]));
    return hotspots(profile, limit, (file, line, column) => {
      const url = urls.get(file);
      if (!url?.startsWith('file:')) return undefined;
      const entry = findSourceMap(fileURLToPath(url))?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
      if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
      const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
      return `${relative(root, source)}:${entry.originalLine + 1}`;
    });
  };
}
