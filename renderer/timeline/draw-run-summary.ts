// The "Whole run" band under the timeline's lanes: the engine's summary of every entry of the live capture
// per time bucket (docs/behaviour.md#a28-whole-run-timeline-summary) — data frames in and out as a
// histogram, opens and closes as ticks, error codes as red marks with their codes — on the lanes' time axis,
// so what the panel ring evicted stays on the timeline.
import type { RunSummary, SummaryBucket } from '../../shared/run-summary';
import type { TimelineTheme } from './draw-timeline';
import { LabelSpace } from './label-space';
import { bucketText } from './run-summary-hit';
import type { TimelineViewport } from './timeline-viewport';
import { timeToX } from './timeline-viewport';

/** Height of the band (CSS px). */
export const SUMMARY_BAND_HEIGHT = 40;

interface BandPlace {
  top: number;
  gutter: number;
  width: number;
}

/** Draws the band at `place.top`; ctx must already be scaled for devicePixelRatio. */
export function drawRunSummary(ctx: CanvasRenderingContext2D, summary: RunSummary, viewport: TimelineViewport, theme: TimelineTheme, place: BandPlace): void {
  const { top, gutter, width } = place;
  ctx.fillStyle = theme.laneAlt;
  ctx.fillRect(0, top, width, SUMMARY_BAND_HEIGHT);
  ctx.fillStyle = theme.grid;
  ctx.fillRect(0, top, width, 1);
  ctx.font = `bold 11px ${theme.font}`;
  ctx.fillStyle = theme.text;
  ctx.textBaseline = 'middle';
  ctx.fillText('Whole run', 8, top + 13);
  ctx.font = `10px ${theme.font}`;
  ctx.fillStyle = theme.muted;
  ctx.fillText(`every entry, ${bucketText(summary.bucketMs)} buckets`, 8, top + 28);

  ctx.save();
  ctx.beginPath();
  ctx.rect(gutter, top, width - gutter, SUMMARY_BAND_HEIGHT);
  ctx.clip();
  ctx.translate(gutter, 0);
  const shown: [x0: number, x1: number, bucket: SummaryBucket][] = [];
  summary.buckets.forEach((bucket, i) => {
    if (!bucket) return;
    const start = summary.startTime + i * summary.bucketMs;
    const x0 = timeToX(viewport, start);
    const x1 = timeToX(viewport, start + summary.bucketMs);
    if (x1 >= 0 && x0 <= viewport.width) shown.push([x0, x1, bucket]);
  });
  drawHistogram(ctx, shown, theme, top);
  drawErrors(ctx, shown, theme, top);
  ctx.restore();
}

function drawHistogram(ctx: CanvasRenderingContext2D, shown: readonly [number, number, SummaryBucket][], theme: TimelineTheme, top: number): void {
  const most = Math.max(1, ...shown.map(([, , bucket]) => bucket.in + bucket.out));
  const room = SUMMARY_BAND_HEIGHT - 14;
  const base = top + SUMMARY_BAND_HEIGHT - 4;
  for (const [x0, x1, bucket] of shown) {
    const barWidth = Math.max(1, x1 - x0 - 0.5);
    const frames = bucket.in + bucket.out;
    if (frames > 0) {
      // Log scale: a flood's buckets and a quiet minute's few frames both stay visible.
      const height = Math.max(1.5, (room * Math.log1p(frames)) / Math.log1p(most));
      const incoming = (height * bucket.in) / frames;
      ctx.fillStyle = theme.incoming;
      ctx.fillRect(x0, base - incoming, barWidth, incoming);
      ctx.fillStyle = theme.outgoing;
      ctx.fillRect(x0, base - height, barWidth, height - incoming);
    }
    if (bucket.opens > 0) {
      ctx.fillStyle = theme.open;
      ctx.fillRect(x0, top + 3, Math.max(2, barWidth / 2), 4);
    }
    if (bucket.closes > 0) {
      ctx.fillStyle = theme.close;
      ctx.fillRect(x0 + Math.max(2, barWidth / 2), top + 3, Math.max(2, barWidth / 2), 4);
    }
  }
}

// Every red mark first, then each mark's codes right of it where they cross no other mark or label (the
// bucket's tooltip still tells them).
function drawErrors(ctx: CanvasRenderingContext2D, shown: readonly [number, number, SummaryBucket][], theme: TimelineTheme, top: number): void {
  const words = new LabelSpace();
  const bottom = top + SUMMARY_BAND_HEIGHT;
  const marks = shown.filter(([, , bucket]) => Object.keys(bucket.errors).length > 0).map(([x0, x1, bucket]) => ({ x: Math.round((x0 + x1) / 2), bucket }));
  ctx.fillStyle = theme.error;
  for (const { x } of marks) {
    ctx.fillRect(x - 1, top + 2, 3, SUMMARY_BAND_HEIGHT - 4);
    words.take({ lane: 0, left: x - 1, right: x + 2, top, bottom });
  }
  ctx.font = `bold 10px ${theme.font}`;
  for (const { x, bucket } of marks) {
    const label = Object.entries(bucket.errors)
      .map(([code, n]) => (n > 1 ? `${code}×${n}` : code))
      .join(' ');
    const labelWidth = ctx.measureText(label).width;
    if (words.claim({ lane: 0, left: x + 4, right: x + 4 + labelWidth, top, bottom })) ctx.fillText(label, x + 4, top + 12);
  }
}
