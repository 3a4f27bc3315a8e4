// Paints a laid-out timeline on a 2D canvas: lane labels in a fixed gutter, the time axis with warning and
// error ticks, each lane's lifetime bar, its message-density histogram and its markers. Pure drawing: the
// layout decides what goes where; colours come from the theme (CSS variables read by the component).
import type { MarkerLayout, TimelineLayout } from './timeline-layout';
import { LabelSpace } from './label-space';
import { formatTickLabel } from './timeline-viewport';

/** Colours of the timeline, resolved from CSS variables so light and dark themes both work. */
export interface TimelineTheme {
  background: string;
  laneAlt: string;
  grid: string;
  text: string;
  muted: string;
  span: string;
  incoming: string;
  outgoing: string;
  call: string;
  open: string;
  close: string;
  network: string;
  app: string;
  warning: string;
  error: string;
  selected: string;
  font: string;
}

export interface DrawOptions {
  /** Width of the label gutter left of the plot (CSS px). */
  gutter: number;
  /** Total canvas width in CSS px. */
  width: number;
  /** The selected log entry: its marker gets a ring, its time a line. */
  selectedSeq: number | null;
  selectedX: number | null;
  /** Text drawn when there are no lanes. */
  emptyText: string;
}

/** Vertical offset of the marker line inside a lane. */
export const MARKER_Y = 15;

/** Draws the whole timeline; ctx must already be scaled for devicePixelRatio. */
export function drawTimeline(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme, options: DrawOptions): void {
  const { gutter, width } = options;
  const plotWidth = layout.viewport.width;
  ctx.clearRect(0, 0, width, layout.height);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, layout.height);
  ctx.font = `11px ${theme.font}`;
  ctx.textBaseline = 'middle';

  layout.lanes.forEach((lane, index) => {
    if (index % 2 === 1) {
      ctx.fillStyle = theme.laneAlt;
      ctx.fillRect(0, lane.top, width, lane.height);
    }
  });
  drawAxis(ctx, layout, theme, gutter);

  ctx.save();
  ctx.beginPath();
  // The clip runs to the canvas edge: labels of markers at the plot's right end stay readable.
  ctx.rect(gutter, 0, width - gutter, layout.height);
  ctx.clip();
  ctx.translate(gutter, 0);
  drawLaneBars(ctx, layout, theme);
  drawBuckets(ctx, layout, theme);
  if (options.selectedX !== null) {
    ctx.strokeStyle = theme.selected;
    ctx.setLineDash([3, 3]);
    line(ctx, options.selectedX, layout.options.axisHeight, options.selectedX, layout.height);
    ctx.setLineDash([]);
  }
  const words = new LabelSpace();
  for (const marker of layout.markers) {
    const lane = layout.lanes[marker.lane];
    if (lane) drawMarker(ctx, marker, lane.top + MARKER_Y, theme, marker.seq === options.selectedSeq, words);
  }
  drawCounts(ctx, layout, theme);
  ctx.restore();

  drawLabels(ctx, layout, theme, gutter);
  if (layout.lanes.length === 0) {
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'center';
    ctx.fillText(options.emptyText, gutter + plotWidth / 2, layout.options.axisHeight + layout.options.laneHeight / 2);
    ctx.textAlign = 'left';
  }
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function drawAxis(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme, gutter: number): void {
  const axis = layout.options.axisHeight;
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  line(ctx, 0, axis - 0.5, gutter + layout.viewport.width, axis - 0.5);
  line(ctx, gutter - 0.5, 0, gutter - 0.5, layout.height);
  ctx.fillStyle = theme.muted;
  ctx.fillText('Connection', 8, axis / 2);
  for (const tick of layout.ticks) {
    const x = Math.round(gutter + tick.x) + 0.5;
    ctx.strokeStyle = theme.grid;
    line(ctx, x, axis - 5, x, layout.height);
    ctx.fillStyle = theme.muted;
    ctx.fillText(formatTickLabel(tick.time, tick.step), x + 3, axis / 2 - 2);
  }
  // Problems on the axis too, so they stand out even when their lane is scrolled away.
  for (const marker of layout.markers) {
    if (marker.kind !== 'warning' && marker.kind !== 'error') continue;
    if (marker.x < 0 || marker.x > layout.viewport.width) continue;
    ctx.fillStyle = marker.kind === 'error' ? theme.error : theme.warning;
    ctx.fillRect(gutter + marker.x - 1.5, axis - 6, 3, 6);
  }
}

function drawLaneBars(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme): void {
  ctx.lineWidth = 2;
  for (const lane of layout.lanes) {
    if (lane.kind !== 'connection' || lane.spanEndX < 0 || lane.spanStartX > layout.viewport.width) continue;
    const y = lane.top + MARKER_Y;
    ctx.strokeStyle = theme.span;
    line(ctx, lane.spanStartX, y, Math.max(lane.spanStartX + 1, lane.spanEndX), y);
    if (lane.live && lane.spanEndX <= layout.viewport.width) {
      ctx.fillStyle = theme.span;
      ctx.beginPath();
      ctx.moveTo(lane.spanEndX, y - 4);
      ctx.lineTo(lane.spanEndX + 6, y);
      ctx.lineTo(lane.spanEndX, y + 4);
      ctx.fill();
    }
  }
  ctx.lineWidth = 1;
}

function drawBuckets(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme): void {
  if (layout.maxBucketCount === 0) return;
  const scale = Math.sqrt(layout.maxBucketCount);
  for (const bucket of layout.buckets) {
    const lane = layout.lanes[bucket.lane];
    if (!lane) continue;
    const base = lane.top + lane.height - 3;
    const room = lane.height - MARKER_Y - 10;
    const total = bucket.incoming + bucket.outgoing;
    const height = Math.max(2, (Math.sqrt(total) / scale) * room);
    const inHeight = (height * bucket.incoming) / total;
    ctx.fillStyle = theme.incoming;
    ctx.fillRect(bucket.x, base - inHeight, bucket.width - 1, inHeight);
    ctx.fillStyle = theme.outgoing;
    ctx.fillRect(bucket.x, base - height, bucket.width - 1, height - inHeight);
  }
}

function drawMarker(ctx: CanvasRenderingContext2D, marker: MarkerLayout, y: number, theme: TimelineTheme, selected: boolean, words: LabelSpace): void {
  const x = marker.x;
  switch (marker.kind) {
    case 'lifecycle':
      ctx.strokeStyle = theme.muted;
      line(ctx, x, y - 5, x, y + 5);
      break;
    case 'call':
      ctx.fillStyle = theme.background;
      ctx.strokeStyle = theme.call;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, y - 5);
      ctx.lineTo(x + 5, y);
      ctx.lineTo(x, y + 5);
      ctx.lineTo(x - 5, y);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      ctx.lineWidth = 1;
      break;
    case 'network':
      // An emulated network change or drop (docs/debugging.md#network-conditions).
      drawWordBar(ctx, { x, y, lane: marker.lane }, theme.network, 'network', theme.font, words);
      break;
    case 'app':
      // The app went to the background, came back, or lost its sockets there.
      drawWordBar(ctx, { x, y, lane: marker.lane }, theme.app, 'app', theme.font, words);
      break;
    case 'open':
      ctx.fillStyle = theme.open;
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'close': {
      ctx.fillStyle = theme.close;
      ctx.fillRect(x - 4, y - 4, 8, 8);
      if (marker.code !== undefined) {
        ctx.font = `10px ${theme.font}`;
        const code = String(marker.code);
        if (words.claim(marker.lane, x + 7, x + 7 + ctx.measureText(code).width)) ctx.fillText(code, x + 7, y + 1);
        ctx.font = `11px ${theme.font}`;
      }
      break;
    }
    case 'warning':
      ctx.fillStyle = theme.warning;
      ctx.beginPath();
      ctx.moveTo(x, y - 7);
      ctx.lineTo(x + 7, y + 5);
      ctx.lineTo(x - 7, y + 5);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = '#000';
      ctx.font = `bold 9px ${theme.font}`;
      ctx.textAlign = 'center';
      ctx.fillText('!', x, y + 1);
      ctx.textAlign = 'left';
      ctx.font = `11px ${theme.font}`;
      break;
    case 'error': {
      const text = marker.code !== undefined ? String(marker.code) : '!';
      ctx.font = `bold 10px ${theme.font}`;
      const w = Math.max(16, ctx.measureText(text).width + 8);
      ctx.fillStyle = theme.error;
      roundRect(ctx, x - w / 2, y - 8, w, 16, 8);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.textAlign = 'center';
      ctx.fillText(text, x, y + 1);
      ctx.textAlign = 'left';
      ctx.font = `11px ${theme.font}`;
      break;
    }
  }
  if (selected) {
    ctx.strokeStyle = theme.selected;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, 11, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = 1;
  }
}

/** A tall bar with its word beside it, for moments that are not a connection's own; the word only where it has room (as a close code's). */
function drawWordBar(ctx: CanvasRenderingContext2D, at: { x: number; y: number; lane: number }, colour: string, word: string, font: string, words: LabelSpace): void {
  ctx.fillStyle = colour;
  ctx.fillRect(at.x - 1.5, at.y - 9, 3, 18);
  ctx.font = `10px ${font}`;
  if (words.claim(at.lane, at.x + 4, at.x + 4 + ctx.measureText(word).width)) ctx.fillText(word, at.x + 4, at.y - 2);
  ctx.font = `11px ${font}`;
}

// "×N" on collapsed markers, most important kinds first; a label without room is left out (the tooltip still
// tells the count).
function drawCounts(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme): void {
  ctx.font = `9px ${theme.font}`;
  ctx.fillStyle = theme.muted;
  const counts = new LabelSpace();
  for (let i = layout.markers.length - 1; i >= 0; i -= 1) {
    const marker = layout.markers[i];
    const lane = marker ? layout.lanes[marker.lane] : undefined;
    if (!marker || !lane || marker.count < 2) continue;
    const text = `×${marker.count}`;
    const from = marker.x + 6;
    const to = from + ctx.measureText(text).width;
    if (!counts.claim(marker.lane, from, to)) continue;
    ctx.fillText(text, from, lane.top + MARKER_Y - 9);
  }
  ctx.font = `11px ${theme.font}`;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function drawLabels(ctx: CanvasRenderingContext2D, layout: TimelineLayout, theme: TimelineTheme, gutter: number): void {
  const maxWidth = gutter - 16;
  for (const lane of layout.lanes) {
    const isConnection = lane.kind === 'connection';
    ctx.font = `bold 11px ${theme.font}`;
    ctx.fillStyle = theme.text;
    const title = isConnection ? lane.connectionId : 'no connection';
    ctx.fillText(fit(ctx, title, maxWidth), 8, lane.top + 13);
    const titleWidth = Math.min(maxWidth, ctx.measureText(title).width);
    ctx.font = `10px ${theme.font}`;
    ctx.fillStyle = theme.muted;
    const subtitle = lane.clientId;
    ctx.fillText(fit(ctx, subtitle, maxWidth - titleWidth - 8), 16 + titleWidth, lane.top + 13);
    if (isConnection) ctx.fillText(fit(ctx, lane.url, maxWidth), 8, lane.top + 29);
  }
  ctx.font = `11px ${theme.font}`;
}

// Cuts text with an ellipsis to fit a width (binary search on the length).
function fit(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (maxWidth <= 0) return '';
  if (ctx.measureText(text).width <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}
