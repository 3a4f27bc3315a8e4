// What is under the pointer on the timeline canvas: a marker (nearest within a few pixels, errors before
// warnings before the rest), else a density bucket, else just the lane.
import type { BucketLayout, LaneLayout, MarkerLayout, TimelineLayout } from './timeline-layout';
import { MARKER_KINDS } from './classify-entry';

export type TimelineHit =
  | { kind: 'marker'; lane: LaneLayout; marker: MarkerLayout }
  | { kind: 'bucket'; lane: LaneLayout; bucket: BucketLayout }
  | { kind: 'lane'; lane: LaneLayout };

/** Hit test in plot coordinates (x from the plot's left edge, y from the canvas top). */
export function hitTestTimeline(layout: TimelineLayout, x: number, y: number, radius = 7): TimelineHit | null {
  const laneIndex = layout.lanes.findIndex((lane) => y >= lane.top && y < lane.top + lane.height);
  const lane = layout.lanes[laneIndex];
  if (!lane) return null;
  let best: MarkerLayout | undefined;
  for (const marker of layout.markers) {
    if (marker.lane !== laneIndex) continue;
    const distance = Math.abs(marker.x - x);
    if (distance > radius) continue;
    if (!best || isBetter(marker, distance, best, Math.abs(best.x - x))) best = marker;
  }
  if (best) return { kind: 'marker', lane, marker: best };
  const bucket = layout.buckets.find((b) => b.lane === laneIndex && x >= b.x && x < b.x + b.width);
  if (bucket) return { kind: 'bucket', lane, bucket };
  return { kind: 'lane', lane };
}

function isBetter(candidate: MarkerLayout, candidateDistance: number, current: MarkerLayout, currentDistance: number): boolean {
  const byKind = MARKER_KINDS.indexOf(candidate.kind) - MARKER_KINDS.indexOf(current.kind);
  if (byKind !== 0) return byKind > 0;
  return candidateDistance < currentDistance;
}

/** The lane whose label is at y (canvas coordinates), for a pointer in the label gutter. */
export function laneAt(layout: TimelineLayout, y: number): LaneLayout | undefined {
  return layout.lanes.find((lane) => y >= lane.top && y < lane.top + lane.height);
}

/** A lane's label in full (the gutter cuts it), with what a click on it does: the gutter's tooltip. */
export function laneLabelText(lane: LaneLayout): string {
  return lane.kind === 'connection' ? `${lane.connectionId} · ${lane.clientId}\n${lane.url}\nClick: show its messages` : `no connection · ${lane.clientId}`;
}
