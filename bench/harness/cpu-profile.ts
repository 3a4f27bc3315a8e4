// Where the time goes: reduces a V8 CPU profile (Chromium's Profiler domain or Node's --cpu-prof) to
// the functions with the most self time, for the notes of a measurement that missed its target.
import type { SourcePositionMapper } from './source-positions';

/** A V8 .cpuprofile (the parts used here). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileHotspot {
  name: string;
  /** Share of all samples (idle included), 0–1. */
  share: number;
  ms: number;
}

/**
 * The `limit` functions with the most self time; `(idle)` and `(program)` are kept, as they tell the
 * story. `mapPosition` names bundle positions by their TypeScript source (see source-positions.ts).
 */
export function hotspots(profile: CpuProfile, limit = 12, mapPosition?: SourcePositionMapper): ProfileHotspot[] {
  const selfMicros = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const id = samples[i] as number;
    const delta = deltas[i + 1] ?? deltas[i] ?? 0;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  }
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : '';
    const where = file ? (mapPosition?.(file, lineNumber, columnNumber) ?? `${file}:${lineNumber + 1}`) : '';
    const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    byName.set(name, (byName.get(name) ?? 0) + micros);
  }
  const total = Math.max(1, profile.endTime - profile.startTime);
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, micros]) => ({ name, share: micros / total, ms: micros / 1000 }));
}

/** "name 23.1%, name 10.2%, …" for a note. */
export function describeHotspots(spots: readonly ProfileHotspot[]): string {
  return spots.map((spot) => `${spot.name} ${(spot.share * 100).toFixed(1)}%`).join('; ');
}
