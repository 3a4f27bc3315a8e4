// The problems list (warnings, error events, failed calls) as a virtualized, keyboard-navigable listbox
// with fixed-height rows, each warning's occurrences folded into one row with their count, plus a detail pane
// explaining the chosen one. Presentational: the connected ProblemsList feeds it from the capture and the store.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CaptureEntry } from '../../shared/capture';
import { describeProblem } from '../warnings/describe-problem';
import { ProblemDetails } from '../warnings/problem-details';
import { createProblemGrouper, describeFigureSpan, shortFigureSpan, type ProblemGroup } from './group-problems';
import '../timeline/timeline-theme.css';
import '../warnings/warnings.css';

export const PROBLEM_ROW_HEIGHT = 26;

export interface ProblemsListViewProps {
  /** Problem entries in seq order. */
  problems: readonly CaptureEntry[];
  selectedSeq: number | null;
  onSelect(seq: number): void;
  /** Initial viewport size for the virtualizer (tests, first paint). */
  initialHeight?: number;
}

type Show = 'all' | 'error' | 'warning';

/** Formats monotonic ms as seconds since the engine started, fixed width. */
export function formatSeconds(monoTime: number): string {
  return `${(monoTime / 1000).toFixed(3)} s`;
}

/** The list and its detail pane (see the module comment). */
export function ProblemsListView({ problems, selectedSeq, onSelect, initialHeight = 240 }: ProblemsListViewProps) {
  const [show, setShow] = useState<Show>('all');
  const scrollRef = useRef<HTMLDivElement>(null);
  const errorCount = useMemo(() => problems.filter((entry) => entry.kind !== 'warning').length, [problems]);
  const [grouper] = useState(createProblemGrouper);
  const grouped = useMemo(() => grouper(problems), [grouper, problems]);
  const visible = useMemo(
    () => (show === 'all' ? grouped.groups : grouped.groups.filter((group) => (group.latest.kind === 'warning') === (show === 'warning'))),
    [grouped, show],
  );
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => PROBLEM_ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 600, height: initialHeight },
  });
  const selectedGroup = selectedSeq === null ? undefined : grouped.groupOfSeq.get(selectedSeq);
  const selectedIndex = selectedGroup ? visible.indexOf(selectedGroup) : -1;
  const selected = selectedIndex >= 0 ? problems.find((entry) => entry.seq === selectedSeq) : undefined;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    let next: number | undefined;
    if (event.key in moves) next = (selectedIndex < 0 ? (moves[event.key]! > 0 ? -1 : visible.length) : selectedIndex) + moves[event.key]!;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = visible.length - 1;
    if (next === undefined || visible.length === 0) return;
    event.preventDefault();
    const clamped = Math.min(visible.length - 1, Math.max(0, next));
    const group = visible[clamped];
    if (!group) return;
    onSelect(group.latest.seq);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  }

  return (
    <section className="msd-warnings" aria-label="Warnings and errors">
      <div className="msd-warnings__layout">
        <div className="msd-warnings__main">
          <div className="msd-warnings__header">
            <span className="msd-warnings__heading">Problems</span>
            <span className="msd-warnings__counts">
              {errorCount} error{errorCount === 1 ? '' : 's'} · {problems.length - errorCount} warning{problems.length - errorCount === 1 ? '' : 's'}
            </span>
            <div className="msd-segmented" role="group" aria-label="Show">
              {(['all', 'error', 'warning'] as const).map((option) => (
                <button key={option} type="button" aria-pressed={show === option} onClick={() => setShow(option)}>
                  {option === 'all' ? 'All' : option === 'error' ? 'Errors' : 'Warnings'}
                </button>
              ))}
            </div>
          </div>
          <div
            ref={scrollRef}
            className="msd-warnings__scroll"
            role="listbox"
            aria-label="Problems, newest last"
            aria-activedescendant={selectedGroup && selected ? `msd-problem-${selectedGroup.latest.seq}` : undefined}
            tabIndex={0}
            onKeyDown={onKeyDown}
          >
            {visible.length === 0 && <div className="msd-warnings__empty">No {show === 'all' ? 'problems' : `${show}s`} so far.</div>}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const group = visible[item.index];
                if (!group) return null;
                return <ProblemRow key={group.first.seq} group={group} top={item.start} selected={group === selectedGroup} onSelect={onSelect} />;
              })}
            </div>
          </div>
        </div>
        <aside className={`msd-warnings__details${selected ? '' : ' is-hint'}`} aria-live="polite">
          {selected && selectedGroup && selectedGroup.count > 1 && <Occurrences group={selectedGroup} />}
          {selected ? <ProblemDetails problem={describeProblem(selected)} /> : <p className="msd-muted">Select a problem here, on the timeline or in the log to see what it means and how to fix it.</p>}
        </aside>
      </div>
    </section>
  );
}

/** How often a folded warning happened and how its changing figure moved; each occurrence stays in the log, the capture and the saved session. */
function Occurrences({ group }: { group: ProblemGroup }) {
  const span = group.figure ? ` ${capitalized(describeFigureSpan(group.figure))}.` : '';
  return (
    <p className="msd-warnings__occurrences">
      Seen {group.count} times, first at {formatSeconds(group.first.monoTime)}, last at {formatSeconds(group.latest.monoTime)}.{span} The log keeps each one.
    </p>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ProblemRow({ group, top, selected, onSelect }: { group: ProblemGroup; top: number; selected: boolean; onSelect(seq: number): void }) {
  const entry = group.latest;
  const problem = describeProblem(entry);
  const span = group.figure ? describeFigureSpan(group.figure) : undefined;
  const short = group.figure ? shortFigureSpan(group.figure) : undefined;
  return (
    <div
      id={`msd-problem-${entry.seq}`}
      role="option"
      aria-selected={selected}
      className={`msd-warnings__row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: PROBLEM_ROW_HEIGHT }}
      onClick={() => onSelect(entry.seq)}
    >
      <span className="msd-warnings__time">{formatSeconds(entry.monoTime)}</span>
      <span className="msd-warnings__badge">
        {problem.severity === 'error' ? <span className="msd-code-badge">{problem.code ?? '!'}</span> : <span className="msd-warning-badge">!</span>}
      </span>
      <span className="msd-warnings__conn">{entry.connectionId || entry.clientId}</span>
      <span className="msd-warnings__title">
        <span className="msd-warnings__title-text" title={problem.title}>{problem.title}</span>
        {group.count > 1 && <span className="msd-warnings__count" title={`${group.count} occurrences${span ? `; ${span}` : ''}`}>×{group.count}</span>}
        {group.count > 1 && short && <span className="msd-warnings__figure" title={span}>{short}</span>}
      </span>
      <span className="msd-warnings__message">{problem.cause ?? problem.message ?? ''}</span>
    </div>
  );
}
