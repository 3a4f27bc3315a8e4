// Collecting CPU profiles for a diagnosis run: Node processes write theirs with --cpu-prof into a fresh
// temporary folder; Chromium frames are profiled over CDP (Profiler domain) on their own sessions.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CdpConnection } from '../../e2e/harness/cdp-client';
import type { CpuProfile } from './cpu-profile';

/** A folder for --cpu-prof output: the flags to pass, then the profiles written there. */
export interface NodeProfileFolder {
  flags: string[];
  /** Reads every profile written so far and removes the folder. */
  collect(): Promise<CpuProfile[]>;
}

export async function createNodeProfileFolder(): Promise<NodeProfileFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'msd-bench-prof-'));
  return {
    flags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    async collect() {
      const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
      const profiles = await Promise.all(files.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as CpuProfile));
      await rm(dir, { recursive: true, force: true });
      return profiles;
    },
  };
}

/** Starts the sampling profiler of a page or frame session; the returned function stops it. */
export async function startPageProfile(cdp: CdpConnection, sessionId: string): Promise<() => Promise<CpuProfile>> {
  await cdp.send('Profiler.enable', {}, sessionId);
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 }, sessionId);
  await cdp.send('Profiler.start', {}, sessionId);
  return async () => {
    const { profile } = await cdp.send<{ profile: CpuProfile }>('Profiler.stop', {}, sessionId);
    await cdp.send('Profiler.disable', {}, sessionId);
    return profile;
  };
}
