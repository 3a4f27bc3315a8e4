// Problems' rows: occurrences of the same warning (same client, page, id and what its id says is the same problem,
// renderer/problems/warning-grouping.ts) fold into one row with their count, so a misuse repeated all day reads
// once; the figure that changes between them (a count, a size) is kept as its range and newest value. Errors stay
// one row each, as each is its own connection's failure. Presentation only: the capture keeps every occurrence
// (docs/behaviour.md#problems-grouping).
import type { CaptureEntry } from '../../shared/capture';
import { changingFigureOf, warningGroupKey } from './warning-grouping';

/** The changing figure over a row's occurrences: numbers as a range, texts as first and newest. */
export interface FigureSpan {
  label: string;
  first: number | string;
  newest: number | string;
  /** Numbers only. */
  min?: number;
  max?: number;
}

/** One Problems row: one error, or every occurrence of one warning. */
export interface ProblemGroup {
  first: CaptureEntry;
  /** The newest occurrence: the row sits, shows its time and text, and selects it. */
  latest: CaptureEntry;
  count: number;
  figure?: FigureSpan;
}

/** Rows ordered by their newest occurrence, and which row holds each problem's seq. */
export interface GroupedProblems {
  groups: ProblemGroup[];
  groupOfSeq: ReadonlyMap<number, ProblemGroup>;
}

function keyOf(entry: CaptureEntry): string {
  return entry.kind === 'warning' ? warningGroupKey(entry) : `seq:${entry.seq}`;
}

function followFigure(group: ProblemGroup, entry: CaptureEntry): void {
  const figure = entry.kind === 'warning' ? changingFigureOf(entry) : undefined;
  const value = figure?.of(entry);
  if (!figure || value === undefined) return;
  const span = (group.figure ??= { label: figure.label, first: value, newest: value });
  span.newest = value;
  if (typeof value !== 'number') return;
  span.min = Math.min(span.min ?? value, value);
  span.max = Math.max(span.max ?? value, value);
}

/**
 * Folds problems into rows as they arrive: when the list only grew since the last call (the usual case: a new
 * problem appended), just its new tail is folded, so a long run's Problems list is not regrouped on every new
 * problem; a trimmed or cleared list is folded again from its start. A row moves to where its newest
 * occurrence is, so newest stays last.
 */
export function createProblemGrouper(): (problems: readonly CaptureEntry[]) => GroupedProblems {
  let folded: readonly CaptureEntry[] = [];
  let byKey = new Map<string, ProblemGroup>();
  let groupOfSeq = new Map<number, ProblemGroup>();
  return (problems) => {
    const last = folded.length - 1;
    const grew = last >= 0 && problems.length > last && problems[0] === folded[0] && problems[last] === folded[last];
    if (!grew) {
      byKey = new Map();
      groupOfSeq = new Map();
    }
    for (let index = grew ? folded.length : 0; index < problems.length; index += 1) {
      const entry = problems[index] as CaptureEntry;
      const key = keyOf(entry);
      let group = byKey.get(key);
      if (group) {
        group.latest = entry;
        group.count += 1;
        byKey.delete(key); // re-inserted below: the map's order is the order of the rows' newest occurrences
      } else group = { first: entry, latest: entry, count: 1 };
      byKey.set(key, group);
      followFigure(group, entry);
      groupOfSeq.set(entry.seq, group);
    }
    folded = problems;
    return { groups: [...byKey.values()], groupOfSeq };
  };
}

/** Folds `problems` (seq order) into rows at once. */
export function groupProblems(problems: readonly CaptureEntry[]): GroupedProblems {
  return createProblemGrouper()(problems);
}

/** The span in words: `registrations 2–4, newest 4`, `connection s1 first, s4 newest`, or one value. */
export function describeFigureSpan(span: FigureSpan): string {
  if (span.min !== undefined && span.max !== undefined) {
    return span.min === span.max ? `${span.label} ${span.max} each time` : `${span.label} ${span.min}–${span.max}, newest ${span.newest}`;
  }
  return span.first === span.newest ? `${span.label} ${span.newest} each time` : `${span.label} ${span.first} first, ${span.newest} newest`;
}

/** The span for the row, where room is short: a changing number as its range, a changing text as its newest value. */
export function shortFigureSpan(span: FigureSpan): string | undefined {
  if (span.min !== undefined && span.max !== undefined) return span.min === span.max ? undefined : `${span.min}–${span.max}`;
  return span.first === span.newest ? undefined : String(span.newest);
}
