// The "Whole run" band as text (the canvas is an image): what the engine counted over the whole live capture,
// and the bucket chosen with [ and ] from the keyboard, announced, for screen readers and tests
// (docs/behaviour.md#a28-whole-run-timeline-summary).
import { runSummaryTotals, type RunSummary } from '../../shared/run-summary';
import { describeSummaryBucket, summaryBucketSentence, type SummaryBucketHit } from './run-summary-hit';
import { useRunSummaryStore } from './run-summary-store';
import { useActiveClientProfile } from './run-summary-tooltip';

const count = (n: number) => n.toLocaleString('en-US');

/** One line: frames in and out, opens, closes, and each error code with how often it happened. */
export function describeRunSummary(summary: RunSummary): string {
  const sum = runSummaryTotals(summary);
  const codes = Object.entries(sum.errors)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, n]) => `code ${code} ×${count(n)}`);
  return `Whole run: ${count(sum.in)} frames in, ${count(sum.out)} out, ${count(sum.opens)} opened, ${count(sum.closes)} closed; ${codes.length > 0 ? `errors ${codes.join(', ')}` : 'no errors'}.`;
}

export function RunSummaryText({ chosen }: { chosen: SummaryBucketHit | null }) {
  const summary = useRunSummaryStore((state) => state.summary);
  const profile = useActiveClientProfile();
  if (!summary) return null;
  return (
    <>
      <p className="visually-hidden" data-testid="run-summary">
        {describeRunSummary(summary)}
      </p>
      <p className="visually-hidden" role="status" data-testid="run-summary-bucket">
        {chosen ? summaryBucketSentence(describeSummaryBucket(chosen, profile)) : ''}
      </p>
    </>
  );
}
