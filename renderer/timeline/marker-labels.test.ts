import { describe, expect, it } from 'vitest';
import type { LabelBox } from './label-space';
import { placeMarkerLabels, type LabelKind, type PlacedLabel } from './marker-labels';
import type { MarkerLayout } from './timeline-layout';

/** A fixed-pitch font: 6 px a character (the badge's bold 7 px, the count's 9 px font 5 px). */
const measure = (text: string, kind: LabelKind) => text.length * (kind === 'badge' ? 7 : kind === 'count' ? 5 : 6);
const markerY = (lane: number) => 15 + lane * 44;
let seq = 0;
const marker = (kind: MarkerLayout['kind'], x: number, extra: Partial<MarkerLayout> = {}): MarkerLayout => ({ lane: 0, seq: (seq += 1), time: x, kind, x, count: 1, ...extra });

const overlaps = (a: LabelBox, b: LabelBox) => a.lane === b.lane && a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
/** Overlapping pairs; two badges are markers (errors closer than a badge's width) and are drawn like two diamonds. */
function overlapping(labels: PlacedLabel[]): string[] {
  const found: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (overlaps(a.box, b.box) && (a.kind !== 'badge' || b.kind !== 'badge')) found.push(`${a.text} × ${b.text}`);
    }),
  );
  return found;
}
const labelOf = (labels: PlacedLabel[], text: string) => labels.find((label) => label.text === text);

describe('placeMarkerLabels', () => {
  it('keeps every label of a lane with several errors, close codes and counts off the others', () => {
    const lane = [
      marker('error', 100, { code: 8, count: 5 }),
      marker('close', 101, { code: 1006 }),
      marker('error', 160, { code: 12, count: 5 }),
      marker('close', 162, { code: 1009, count: 5 }),
      marker('error', 300, { code: 3, count: 5 }),
      marker('error', 312, { code: 3, count: 2 }),
      marker('close', 400, { code: 1000 }),
      marker('network', 404),
      marker('app', 405, { count: 3 }),
    ];
    const labels = placeMarkerLabels(lane, markerY, measure);
    expect(overlapping(labels)).toEqual([]);
    // Every error keeps its badge, centred on it.
    expect(labels.filter((label) => label.kind === 'badge').map((label) => [label.text, label.x])).toEqual([['8', 100], ['12', 160], ['3', 300], ['3', 312]]);
    // A close at the moment of its error prints its code right of the badge over it ("8 1006"); the error's
    // count, which would sit on that code, shifts to the left of the badge.
    expect(labelOf(labels, '1006')?.x).toBe(110);
    expect(labels.find((label) => label.kind === 'count' && label.marker === lane[0])?.box.right).toBeLessThanOrEqual(92 - 2);
    // The close's own count then has room on neither side: left out (the tooltip tells it).
    expect(labels.find((label) => label.kind === 'count' && label.marker === lane[3])).toBeUndefined();
    // Two errors side by side: the first one's count goes past both badges.
    expect(labels.find((label) => label.kind === 'count' && label.marker === lane[4])?.box.left).toBeGreaterThanOrEqual(320);
    // A close alone prints its code right of its square; the network word then shifts to the left of its bar.
    expect(labelOf(labels, '1000')?.x).toBe(407);
    expect(labelOf(labels, 'network')?.box.right).toBeLessThanOrEqual(404 - 5);
    expect(labelOf(labels, 'app')).toBeUndefined();
  });

  it('leaves out a label with no room on either side, and places nothing for a lane that is not drawn', () => {
    // The close's square is under two badges (30–70); right of them a third badge, left of them a fourth.
    const crowded = [marker('close', 50, { code: 1001 }), marker('error', 62, { code: 7 }), marker('error', 38, { code: 7 }), marker('error', 80, { code: 9 }), marker('error', 20, { code: 9 })];
    const labels = placeMarkerLabels(crowded, markerY, measure);
    expect(labels.map((label) => label.text)).toEqual(['7', '7', '9', '9']);
    expect(placeMarkerLabels([marker('error', 10, { code: 4, lane: 3 })], (lane) => (lane === 0 ? 15 : undefined), measure)).toEqual([]);
  });

  it('lets labels of different lanes share a column', () => {
    const labels = placeMarkerLabels([marker('close', 10, { code: 1006 }), marker('close', 10, { code: 1006, lane: 1 })], markerY, measure);
    expect(labels.map((label) => [label.box.lane, label.x])).toEqual([[0, 17], [1, 17]]);
  });
});
