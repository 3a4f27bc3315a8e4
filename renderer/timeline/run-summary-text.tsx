// The "Whole run" band as text (the canvas is an image): what the engine counted over the whole live capture,
// for screen readers and tests (docs/behaviour.md#a28-whole-run-timeline-summary).
import type { RunSummary } from '../../shared/run-summary';
import { useRunSummaryStore } from './run-summary-store';

const count = (n: number) => n.toLocaleString('en-US');

/** One line: frames in and out, opens, closes, and each error code with how often it happened. */
export function describeRunSummary(summary: RunSummary): string {
  const sum = { in: 0, out: 0, opens: 0, closes: 0 };
  const errors = new Map<number, number>();
  for (const bucket of summary.buckets) {
    if (!bucket) continue;
    sum.in += bucket.in;
    sum.out += bucket.out;
    sum.opens += bucket.opens;
    sum.closes += bucket.closes;
    for (const [code, n] of Object.entries(bucket.errors)) errors.set(Number(code), (errors.get(Number(code)) ?? 0) + n);
  }
  const codes = [...errors].sort(([a], [b]) => a - b).map(([code, n]) => `code ${code} ×${count(n)}`);
  return `Whole run: ${count(sum.in)} frames in, ${count(sum.out)} out, ${count(sum.opens)} opened, ${count(sum.closes)} closed; ${codes.length > 0 ? `errors ${codes.join(', ')}` : 'no errors'}.`;
}

export function RunSummaryText() {
  const summary = useRunSummaryStore((state) => state.summary);
  if (!summary) return null;
  return (
    <p className="visually-hidden" data-testid="run-summary">
      {describeRunSummary(summary)}
    </p>
  );
}
