/**
 * Horizontal room already taken by labels on each lane: a label that would overlap one drawn before it is
 * left out (the marker's tooltip still tells what it says), so close moments never print "appapp" or two close codes over each other.
 */
export class LabelSpace {
  private readonly taken = new Map<number, [number, number][]>();

  /** Takes [from, to] on `lane` and answers true, or answers false when it overlaps a label already there. */
  claim(lane: number, from: number, to: number, gap = 2): boolean {
    const spans = this.taken.get(lane) ?? [];
    if (spans.some(([start, end]) => from < end + gap && to > start - gap)) return false;
    spans.push([from, to]);
    this.taken.set(lane, spans);
    return true;
  }
}
