// Which functions make the long main-thread tasks: a CPU profile's samples are cut into busy stretches
// (consecutive samples that are not `(idle)`), and in the stretches of at least `minMs` each function's
// inclusive time is summed (a function counts once per sample, however deep it recurses). Self time over
// a whole flood (cpu-profile.ts) names what is busy on average; this names what the long tasks are made of.
import type { CpuProfile } from './cpu-profile';
import type { SourcePositionMapper } from './source-positions';

export interface BusyStretches {
  /** Busy stretches of at least `minMs`, and the longest one (ms). */
  count: number;
  longestMs: number;
  /** ms of all those stretches together. */
  totalMs: number;
  /** Functions (those `include` accepts) by inclusive time inside those stretches, largest first. */
  functions: StretchFunction[];
  /** Functions by self time inside those stretches, largest first. */
  selfTime: StretchFunction[];
}

export interface StretchFunction {
  name: string;
  ms: number;
  /** Share of the stretches' time, 0–1. */
  share: number;
}

export interface BusyStretchOptions {
  minMs: number;
  limit?: number;
  mapPosition?: SourcePositionMapper;
  /** Which functions the inclusive list names (default: all). */
  include?(name: string): boolean;
}

function nameOf(callFrame: CpuProfile['nodes'][number]['callFrame'], mapPosition?: SourcePositionMapper): string {
  const { functionName, url, lineNumber, columnNumber } = callFrame;
  const file = url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : '';
  const where = file ? (mapPosition?.(file, lineNumber, columnNumber) ?? `${file}:${lineNumber + 1}`) : '';
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/** The busy stretches of `profile` of at least `minMs` and what they spent their time in (see the module comment). */
export function busyStretches(profile: CpuProfile, options: BusyStretchOptions): BusyStretches {
  const { minMs, limit = 10, mapPosition, include = () => true } = options;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const names = new Map<number, string>();
  const named = (id: number): string | undefined => {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(root)') return undefined;
    let name = names.get(id);
    if (name === undefined) {
      name = nameOf(node.callFrame, mapPosition);
      names.set(id, name);
    }
    return name;
  };
  const stackOf = (id: number): Set<string> => {
    const stack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const name = named(at);
      if (name !== undefined && include(name)) stack.add(name);
    }
    return stack;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let count = 0;
  let longest = 0;
  let total = 0;
  let stretch: { id: number; micros: number }[] = [];
  const close = (): void => {
    const micros = stretch.reduce((sum, sample) => sum + sample.micros, 0);
    if (micros >= minMs * 1000) {
      count += 1;
      longest = Math.max(longest, micros);
      total += micros;
      for (const sample of stretch) {
        for (const name of stackOf(sample.id)) inclusive.set(name, (inclusive.get(name) ?? 0) + sample.micros);
        const leaf = named(sample.id);
        if (leaf !== undefined) self.set(leaf, (self.get(leaf) ?? 0) + sample.micros);
      }
    }
    stretch = [];
  };
  for (let i = 0; i < samples.length; i += 1) {
    const id = samples[i] as number;
    if (byId.get(id)?.callFrame.functionName === '(idle)') close();
    else stretch.push({ id, micros: deltas[i + 1] ?? deltas[i] ?? 0 });
  }
  close();
  const top = (times: Map<string, number>): StretchFunction[] =>
    [...times.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / Math.max(1, total) }));
  return { count, longestMs: longest / 1000, totalMs: total / 1000, functions: top(inclusive), selfTime: top(self) };
}

/** "3 busy stretches of 50 ms or more (…); inclusive time in them: name 80%, …; self time in them: …" for a note. */
export function describeBusyStretches(stretches: BusyStretches, minMs: number): string {
  if (stretches.count === 0) return `no busy stretch of ${minMs} ms or more`;
  const list = (functions: readonly StretchFunction[]) => functions.map((fn) => `${fn.name} ${Math.round(fn.share * 100)}%`).join('; ');
  return `${stretches.count} busy stretches of ${minMs} ms or more (longest ${Math.round(stretches.longestMs)} ms, ${Math.round(stretches.totalMs)} ms together); inclusive time in them: ${list(stretches.functions)}; self time in them: ${list(stretches.selfTime)}`;
}
