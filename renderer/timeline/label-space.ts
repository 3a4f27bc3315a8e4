/** A label's box on the canvas (CSS px) and the lane it belongs to. */
export interface LabelBox {
  lane: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Room already taken by labels on each lane: a label whose box would overlap one placed before it is shifted
 * or left out by its caller (the marker's tooltip still tells what it says), so close moments never print
 * "appapp", two close codes over each other, or a close code under an error's badge.
 */
export class LabelSpace {
  private readonly taken = new Map<number, LabelBox[]>();

  /** Whether `box` keeps `gap` px clear of every label already on its lane, sideways and up and down. */
  fits(box: LabelBox, gap = 2): boolean {
    const boxes = this.taken.get(box.lane) ?? [];
    return !boxes.some((other) => box.left < other.right + gap && box.right > other.left - gap && box.top < other.bottom + gap && box.bottom > other.top - gap);
  }

  /** Takes `box` whatever is there (a marker's own badge, which is never left out). */
  take(box: LabelBox): void {
    const boxes = this.taken.get(box.lane) ?? [];
    boxes.push(box);
    this.taken.set(box.lane, boxes);
  }

  /** Takes `box` and answers true, or answers false when it does not fit. */
  claim(box: LabelBox, gap = 2): boolean {
    if (!this.fits(box, gap)) return false;
    this.take(box);
    return true;
  }
}
