// Paints a laid-out timeline on a 2D canvas: lane labels in a fixed gutter, the time axis with warning and
// error ticks, each lane's lifetime bar, its message-density histogram and its markers. Pure drawing: the
// layout decides what goes where; colours come from the theme (CSS variables read by the component).
import type { MarkerLayout, TimelineLayout } from './timeline-layout';
import { badgeOf, LABEL_FONT_PX, placeMarkerLabels, type LabelKind, type PlacedLabel } from './marker-labels';
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
  const measure = (text: string, kind: LabelKind) => {
    ctx.font = labelFont(kind, theme.font);
    return ctx.measureText(text).width;
  };
  for (const marker of layout.markers) {
    const lane = layout.lanes[marker.lane];
    if (lane) drawMarker(ctx, marker, lane.top + MARKER_Y, theme, marker.seq === options.selectedSeq, measure);
  }
  drawMarkerLabels(ctx, placeMarkerLabels(layout.markers, (index) => laneMarkerY(layout, index), measure), theme);
  ctx.restore();

  drawLabels(ctx, layout, theme, gutter);
  if (layout.lanes.length === 0) {
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'center';
    ctx.fillText(options.emptyText, gutter + plotWidth / 2, layout.options.axisHeight + layout.options.laneHeight / 2);
    ctx.textAlign = 'left';
  }
}

function laneMarkerY(layout: TimelineLayout, index: number): number | undefined {
  const lane = layout.lanes[index];
  return lane ? lane.top + MARKER_Y : undefined;
}

function labelFont(kind: LabelKind, family: string): string {
  return `${kind === 'badge' ? 'bold ' : ''}${LABEL_FONT_PX[kind]}px ${family}`;
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

function drawMarker(ctx: CanvasRenderingContext2D, marker: MarkerLayout, y: number, theme: TimelineTheme, selected: boolean, measure: (text: string, kind: LabelKind) => number): void {
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
      ctx.fillStyle = theme.network;
      ctx.fillRect(x - 1.5, y - 9, 3, 18);
      break;
    case 'app':
      // The app went to the background, came back, or lost its sockets there.
      ctx.fillStyle = theme.app;
      ctx.fillRect(x - 1.5, y - 9, 3, 18);
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
      // Its code is drawn with the other labels (marker-labels.ts keeps them off the badge).
      const w = badgeOf(marker, measure).width;
      ctx.fillStyle = theme.error;
      roundRect(ctx, x - w / 2, y - 8, w, 16, 8);
      ctx.fill();
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

/** Paints placed labels: a badge's code white on its pill, a close code and a word in their marker's colour, a count muted. */
function drawMarkerLabels(ctx: CanvasRenderingContext2D, labels: readonly PlacedLabel[], theme: TimelineTheme): void {
  for (const label of labels) {
    ctx.font = labelFont(label.kind, theme.font);
    ctx.textAlign = label.kind === 'badge' ? 'center' : 'left';
    ctx.fillStyle = labelColour(label, theme);
    ctx.fillText(label.text, label.x, label.y);
  }
  ctx.textAlign = 'left';
  ctx.font = `11px ${theme.font}`;
}

function labelColour(label: PlacedLabel, theme: TimelineTheme): string {
  if (label.kind === 'badge') return '#fff';
  if (label.kind === 'count') return theme.muted;
  if (label.marker.kind === 'network') return theme.network;
  if (label.marker.kind === 'app') return theme.app;
  return theme.close;
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
