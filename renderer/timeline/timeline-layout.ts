// Turns the timeline index and a viewport into what the canvas draws: lane rows, collapsed markers and
// per-pixel-bucket message counts. Cost depends on the pixels and the visible markers, not on how many
// frames were captured (binary searches over each lane's sorted frame columns).
import type { MarkerKind } from './classify-entry';
import { MARKER_KINDS } from './classify-entry';
import type { LaneData, TimelineIndex, TimelineMarker } from './timeline-index';
import type { TimelineViewport } from './timeline-viewport';
import { axisTicks, timeToX, xToTime } from './timeline-viewport';

/** Geometry knobs (CSS pixels). */
export interface TimelineLayoutOptions {
  axisHeight: number;
  laneHeight: number;
  /** Height of the one thin lane that folds every entry without a connection. */
  foldedLaneHeight: number;
  /** Width of one density bucket. */
  bucketPx: number;
  /** Markers of the same kind and code closer than this collapse into one with a count. */
  markerCellPx: number;
}

export const DEFAULT_LAYOUT_OPTIONS: TimelineLayoutOptions = { axisHeight: 24, laneHeight: 44, foldedLaneHeight: 22, bucketPx: 4, markerCellPx: 10 };

/** Width of the lane-label gutter left of the plot. */
export const TIMELINE_GUTTER = 190;
/** The gutter of a narrow pane (a 1280 px window): the plot keeps most of the width, cut labels have a tooltip. */
export const NARROW_TIMELINE_GUTTER = 120;

/** The gutter for a timeline `width` CSS pixels wide (docs/behaviour.md#panel-layout). */
export function gutterFor(width: number): number {
  return width < 420 ? NARROW_TIMELINE_GUTTER : TIMELINE_GUTTER;
}

export interface LaneLayout {
  key: string;
  /**
   * A connection's lane, or the one thin lane folding everything without a connection (calls before a
   * connection exists, the engine's own entries) after the connections (docs/behaviour.md#panel-layout).
   */
  kind: 'connection' | 'no-connection';
  connectionId: string;
  /** The connection's client; for the folded lane, the clients (and 'engine') it holds, comma-separated. */
  clientId: string;
  url: string;
  /** Row top, from the top of the canvas. */
  top: number;
  height: number;
  /** The lane's lifetime bar, clipped to the plot (may be empty when off-screen). */
  spanStartX: number;
  spanEndX: number;
  /** No close seen yet: the bar runs to the newest time. */
  live: boolean;
}

export interface MarkerLayout {
  lane: number;
  /** The first entry of the collapsed group (what a click selects). */
  seq: number;
  time: number;
  kind: MarkerKind;
  code?: number;
  x: number;
  /** Entries collapsed into this marker. */
  count: number;
}

export interface BucketLayout {
  lane: number;
  x: number;
  width: number;
  incoming: number;
  outgoing: number;
  /** Earliest frame in the bucket (what a click selects). */
  firstSeq: number;
}

export interface TimelineLayout {
  viewport: TimelineViewport;
  options: TimelineLayoutOptions;
  lanes: LaneLayout[];
  /** Drawing order: lower-priority kinds first, so errors end up on top. */
  markers: MarkerLayout[];
  buckets: BucketLayout[];
  /** Largest incoming + outgoing count of any visible bucket (scales the histogram). */
  maxBucketCount: number;
  ticks: { time: number; x: number; step: number }[];
  /** Total canvas height: axis plus lanes. */
  height: number;
}

const priority = (kind: MarkerKind) => MARKER_KINDS.indexOf(kind);

/** Key of the folded lane of entries without a connection. */
export const NO_CONNECTION_LANE = 'no-connection';

/** Lays out every lane of the index for one viewport (see the module comment). */
export function layoutTimeline(
  index: TimelineIndex,
  viewport: TimelineViewport,
  options: TimelineLayoutOptions = DEFAULT_LAYOUT_OPTIONS,
  latestTime = index.range()?.last ?? viewport.end,
): TimelineLayout {
  const laneData = index.lanes();
  const lanes: LaneLayout[] = [];
  const markers: MarkerLayout[] = [];
  const buckets: BucketLayout[] = [];
  const clip = (x: number) => Math.min(viewport.width + 1, Math.max(-1, x));
  let top = options.axisHeight;
  for (const lane of laneData) {
    if (lane.info.connectionId === '') continue;
    const laneIndex = lanes.length;
    lanes.push({
      key: lane.info.key,
      kind: 'connection',
      connectionId: lane.info.connectionId,
      clientId: lane.info.clientId,
      url: lane.info.url,
      top,
      height: options.laneHeight,
      spanStartX: clip(timeToX(viewport, lane.info.firstTime)),
      spanEndX: clip(timeToX(viewport, lane.info.closedAt ?? latestTime)),
      live: lane.info.closedAt === undefined,
    });
    top += options.laneHeight;
    markers.push(...layoutMarkers(lane, laneIndex, viewport, options));
    buckets.push(...layoutBuckets(lane, laneIndex, viewport, options));
  }
  const folded = laneData.filter((lane) => lane.info.connectionId === '');
  if (folded.length > 0) {
    const laneIndex = lanes.length;
    const firstTime = Math.min(...folded.map((lane) => lane.info.firstTime));
    lanes.push({
      key: NO_CONNECTION_LANE,
      kind: 'no-connection',
      connectionId: '',
      clientId: folded.map((lane) => (lane.info.key === 'engine' ? 'engine' : lane.info.clientId)).join(', '),
      url: '',
      top,
      height: options.foldedLaneHeight,
      spanStartX: clip(timeToX(viewport, firstTime)),
      spanEndX: clip(timeToX(viewport, latestTime)),
      live: true,
    });
    top += options.foldedLaneHeight;
    for (const lane of folded) markers.push(...layoutMarkers(lane, laneIndex, viewport, options));
  }
  markers.sort((a, b) => priority(a.kind) - priority(b.kind) || a.time - b.time);
  const maxBucketCount = buckets.reduce((max, b) => Math.max(max, b.incoming + b.outgoing), 0);
  return {
    viewport,
    options,
    lanes,
    markers,
    buckets,
    maxBucketCount,
    ticks: axisTicks(viewport),
    height: top,
  };
}

function firstMarkerAtOrAfter(markers: TimelineMarker[], time: number): number {
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((markers[mid]?.time ?? 0) < time) low = mid + 1;
    else high = mid;
  }
  return low;
}

function layoutMarkers(lane: LaneData, laneIndex: number, viewport: TimelineViewport, options: TimelineLayoutOptions): MarkerLayout[] {
  const margin = ((viewport.end - viewport.start) / viewport.width) * options.markerCellPx;
  const out: MarkerLayout[] = [];
  const lastByGroup = new Map<string, MarkerLayout>();
  for (let i = firstMarkerAtOrAfter(lane.markers, viewport.start - margin); i < lane.markers.length; i += 1) {
    const marker = lane.markers[i];
    if (!marker || marker.time > viewport.end + margin) break;
    const x = timeToX(viewport, marker.time);
    const group = `${marker.kind}:${marker.code ?? ''}`;
    const previous = lastByGroup.get(group);
    if (previous && x - previous.x < options.markerCellPx) {
      previous.count += 1;
      continue;
    }
    const placed: MarkerLayout = { lane: laneIndex, seq: marker.seq, time: marker.time, kind: marker.kind, x, count: 1 };
    if (marker.code !== undefined) placed.code = marker.code;
    lastByGroup.set(group, placed);
    out.push(placed);
  }
  return out;
}

function layoutBuckets(lane: LaneData, laneIndex: number, viewport: TimelineViewport, options: TimelineLayoutOptions): BucketLayout[] {
  if (lane.incoming.length + lane.outgoing.length === 0) return [];
  const count = Math.ceil(viewport.width / options.bucketPx);
  const out: BucketLayout[] = [];
  let inAt = lane.incoming.lowerBound(viewport.start);
  let outAt = lane.outgoing.lowerBound(viewport.start);
  for (let b = 0; b < count; b += 1) {
    const to = xToTime(viewport, (b + 1) * options.bucketPx);
    const inNext = lane.incoming.lowerBound(to);
    const outNext = lane.outgoing.lowerBound(to);
    const incoming = inNext - inAt;
    const outgoing = outNext - outAt;
    if (incoming + outgoing > 0) {
      const inSeq = incoming > 0 ? lane.incoming.seqAt(inAt) : Number.POSITIVE_INFINITY;
      const outSeq = outgoing > 0 ? lane.outgoing.seqAt(outAt) : Number.POSITIVE_INFINITY;
      out.push({ lane: laneIndex, x: b * options.bucketPx, width: options.bucketPx, incoming, outgoing, firstSeq: Math.min(inSeq, outSeq) });
    }
    inAt = inNext;
    outAt = outNext;
  }
  return out;
}
