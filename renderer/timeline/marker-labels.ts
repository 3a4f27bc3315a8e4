// Where the timeline's marker labels go (docs/behaviour.md#panel-layout): an error's code badge is the marker
// itself and always drawn; a close code, a network/app word and a "×N" count are labels that go right of
// their marker (past a badge drawn over it: a close at the moment of its error reads "8 1006"), shift to its
// left when that is taken, and are left out when neither side has room (the marker's tooltip still tells
// everything). Placed by priority, so a count never hides a close code and
// nothing is drawn over a badge. Pure: the canvas only measures text and paints what this returns.
import { LabelSpace, type LabelBox } from './label-space';
import type { MarkerLayout } from './timeline-layout';

export type LabelKind = 'badge' | 'code' | 'word' | 'count';

/** Font size (px) of each kind; the badge's is bold. */
export const LABEL_FONT_PX: Record<LabelKind, number> = { badge: 10, code: 10, word: 10, count: 9 };

export interface PlacedLabel {
  kind: LabelKind;
  marker: MarkerLayout;
  text: string;
  /** Where the text starts (a badge's text is centred on its marker) and its middle line. */
  x: number;
  y: number;
  box: LabelBox;
}

/** Width of `text` in the font of `kind` (the canvas's measureText). */
export type MeasureText = (text: string, kind: LabelKind) => number;

const BADGE_HEIGHT = 16;
/** Half the width of a marker's own glyph (diamond, dot, square, bar) that a label keeps clear of. */
const GLYPH_HALF = 5;
const LABEL_GAP = 2;

/** An error's badge text and width (at least a circle, 16 px). */
export function badgeOf(marker: MarkerLayout, measure: MeasureText): { text: string; width: number } {
  const text = marker.code !== undefined ? String(marker.code) : '!';
  return { text, width: Math.max(BADGE_HEIGHT, measure(text, 'badge') + 8) };
}

/** Text and vertical offset (from the marker line) of a marker's own label, if it has one. */
function ownLabel(marker: MarkerLayout): { kind: LabelKind; text: string; dy: number } | undefined {
  if (marker.kind === 'close' && marker.code !== undefined) return { kind: 'code', text: String(marker.code), dy: 1 };
  if (marker.kind === 'network' || marker.kind === 'app') return { kind: 'word', text: marker.kind, dy: -2 };
  return undefined;
}

/** What a marker covers sideways: its glyph, widened by the badges drawn over or beside it on its lane. */
function footprint(marker: MarkerLayout, badges: readonly LabelBox[]): { from: number; to: number } {
  let from = marker.x - GLYPH_HALF;
  let to = marker.x + GLYPH_HALF;
  for (const badge of badges) {
    if (badge.lane !== marker.lane || badge.left >= to || badge.right <= from) continue;
    from = Math.min(from, badge.left);
    to = Math.max(to, badge.right);
  }
  return { from, to };
}

/** Counts of the most important kinds are placed first (errors, then warnings, …). */
const COUNT_ORDER = ['error', 'warning', 'close', 'open', 'network', 'app', 'call', 'lifecycle'];

/**
 * Places the labels of `markers`; `markerY` is the marker line of a lane (undefined: lane not drawn). Every
 * returned box keeps clear of every other on its lane.
 */
export function placeMarkerLabels(markers: readonly MarkerLayout[], markerY: (lane: number) => number | undefined, measure: MeasureText): PlacedLabel[] {
  const space = new LabelSpace();
  const placed: PlacedLabel[] = [];
  for (const marker of markers) {
    const y = markerY(marker.lane);
    if (y === undefined || marker.kind !== 'error') continue;
    const { text, width } = badgeOf(marker, measure);
    const box = { lane: marker.lane, left: marker.x - width / 2, right: marker.x + width / 2, top: y - BADGE_HEIGHT / 2, bottom: y + BADGE_HEIGHT / 2 };
    space.take(box);
    placed.push({ kind: 'badge', marker, text, x: marker.x, y: y + 1, box });
  }
  const badges = placed.map((label) => label.box);
  const beside = (marker: MarkerLayout, kind: LabelKind, text: string, middle: number) => {
    const width = measure(text, kind);
    const { from, to } = footprint(marker, badges);
    const size = LABEL_FONT_PX[kind];
    for (const left of [to + LABEL_GAP, from - LABEL_GAP - width]) {
      const box = { lane: marker.lane, left, right: left + width, top: middle - size / 2, bottom: middle + size / 2 };
      if (space.claim(box)) {
        placed.push({ kind, marker, text, x: left, y: middle, box });
        return;
      }
    }
  };
  for (const marker of markers) {
    const y = markerY(marker.lane);
    const label = ownLabel(marker);
    if (y !== undefined && label) beside(marker, label.kind, label.text, y + label.dy);
  }
  const counted = markers.filter((marker) => marker.count > 1).sort((a, b) => COUNT_ORDER.indexOf(a.kind) - COUNT_ORDER.indexOf(b.kind));
  for (const marker of counted) {
    const y = markerY(marker.lane);
    if (y !== undefined) beside(marker, 'count', `×${marker.count}`, y - 9);
  }
  return placed;
}
