// Problems' rows: identical warnings (same client, page, id and text, e.g. the same dropped header on every
// my.request) fold into one row with their count, so a misuse repeated all day reads once; errors stay one row
// each, as each is its own connection's failure. Presentation only: the capture keeps every occurrence
// (docs/behaviour.md#problems-grouping).
import type { CaptureEntry } from '../../shared/capture';

/** One Problems row: one error, or every occurrence of one identical warning. */
export interface ProblemGroup {
  first: CaptureEntry;
  /** The newest occurrence: the row sits, shows its time and selects it. */
  latest: CaptureEntry;
  count: number;
}

/** Rows ordered by their newest occurrence, and which row holds each problem's seq. */
export interface GroupedProblems {
  groups: ProblemGroup[];
  groupOfSeq: ReadonlyMap<number, ProblemGroup>;
}

function keyOf(entry: CaptureEntry): string {
  if (entry.kind !== 'warning') return `seq:${entry.seq}`;
  return JSON.stringify([entry.clientId, entry.page ?? '', entry.name, entry.errorMessage ?? '']);
}

/** Folds `problems` (seq order) into rows; a row moves to where its newest occurrence is, so newest stays last. */
export function groupProblems(problems: readonly CaptureEntry[]): GroupedProblems {
  const byKey = new Map<string, ProblemGroup>();
  const groupOfSeq = new Map<number, ProblemGroup>();
  for (const entry of problems) {
    const key = keyOf(entry);
    let group = byKey.get(key);
    if (group) {
      group.latest = entry;
      group.count += 1;
    } else {
      group = { first: entry, latest: entry, count: 1 };
      byKey.set(key, group);
    }
    groupOfSeq.set(entry.seq, group);
  }
  const groups = [...byKey.values()].sort((a, b) => a.latest.seq - b.latest.seq);
  return { groups, groupOfSeq };
}
