// One `a:for` (rt.list): renders its items as components, each re-rendered only when its item, its index or a
// name the body reads from outside the loop changed. When a `set-data` changed items in place (same length,
// same keys), the block skips Preact's diff of its whole item list and re-renders just those items, so
// `setData` of one row of a long list costs about one row. Reorders, inserts and removals take the keyed diff.
// A long list mounts in slices (list-slices.ts): it renders a prefix of its items and grows it task by task.
// After a keyed reorder the items that moved tell the components inside them (list-moves.ts, `moved`).
import { Component, h, type ComponentChild } from 'preact';
import type { RenderChild } from '../../../shared/miniprogram/view-bundle';
import { FIRST_SLICE, listCommitted, listGone, nextSliceSize, type SlicedList } from './list-slices';
import { MOVE_SCOPE, MoveScope, movedKeys, moveScopeOf } from './list-moves';

type Pair = [item: unknown, index: number | string];

export interface ListBlockProps {
  pairs: Pair[];
  /** Values of the names the body reads from outside the loop. */
  deps: unknown[];
  keyOf: (pair: Pair) => unknown;
  renderItem: (pair: Pair) => RenderChild;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

interface ItemProps {
  pair: Pair;
  deps: unknown[];
  renderItem: (pair: Pair) => RenderChild;
  block: ListBlock;
  position: number;
}

class ListItem extends Component<ItemProps> {
  /** Set by the block when it updates this item in place, instead of new props. */
  private patched: { pair: Pair; renderItem: (pair: Pair) => RenderChild } | undefined;
  /** Tells the components inside this item that it moved; an enclosing item's move reaches it too. */
  readonly moves = new MoveScope();
  private readonly stopHearingMoves: (() => void) | undefined;

  constructor(props: ItemProps, context?: Record<string, unknown>) {
    super(props, context);
    this.stopHearingMoves = moveScopeOf(context)?.listen(() => this.moves.fire());
  }

  override getChildContext(): Record<string, unknown> {
    return { [MOVE_SCOPE]: this.moves };
  }

  patch(pair: Pair, renderItem: (pair: Pair) => RenderChild): void {
    this.patched = { pair, renderItem };
    this.forceUpdate();
  }

  override shouldComponentUpdate(next: ItemProps): boolean {
    this.patched = undefined;
    // Registered at its new position even when it skips (object keys can shift positions).
    next.block.items[next.position] = this;
    const { pair, deps } = this.props;
    return !Object.is(pair[0], next.pair[0]) || !Object.is(pair[1], next.pair[1]) || !sameValues(deps, next.deps);
  }

  override componentDidMount(): void {
    this.props.block.items[this.props.position] = this;
  }

  override componentDidUpdate(): void {
    this.props.block.items[this.props.position] = this;
  }

  override componentWillUnmount(): void {
    this.stopHearingMoves?.();
    const { block, position } = this.props;
    if (block.items[position] === this) block.items[position] = undefined;
  }

  override render(): ComponentChild {
    const { pair, renderItem } = this.patched ?? this.props;
    return renderItem(pair) as ComponentChild;
  }
}

export class ListBlock extends Component<ListBlockProps> implements SlicedList {
  /** The mounted item components by position. */
  readonly items: Array<ListItem | undefined> = [];
  /** How many items (a prefix of `pairs`) are mounted. */
  private shown = 0;
  /** New items the next render may mount. */
  private allowance = FIRST_SLICE;
  /** New items a slice mounts, from the time the last render took per new item. */
  private sliceSize = FIRST_SLICE;
  private renderStarted = 0;
  private renderAdded = 0;
  /** How many items were mounted before the last render. */
  private shownBefore = 0;

  growSlice(): void {
    this.allowance = this.sliceSize;
    this.forceUpdate();
  }

  override shouldComponentUpdate(next: ListBlockProps): boolean {
    const { pairs, deps, keyOf } = this.props;
    if (!sameValues(deps, next.deps) || pairs.length !== next.pairs.length) return true;
    const changed: number[] = [];
    for (let position = 0; position < pairs.length; position += 1) {
      const before = pairs[position] as Pair;
      const after = next.pairs[position] as Pair;
      if (!Object.is(keyOf(before), next.keyOf(after)) || !Object.is(before[1], after[1])) return true;
      // Items not mounted yet render from the new props when their slice comes.
      if (position < this.shown && !Object.is(before[0], after[0])) changed.push(position);
    }
    if (changed.some((position) => this.items[position] === undefined)) return true;
    for (const position of changed) this.items[position]?.patch(next.pairs[position] as Pair, next.renderItem);
    return false;
  }

  override render(): ComponentChild {
    const { pairs, deps, keyOf, renderItem } = this.props;
    this.shownBefore = this.shown;
    const mounted = Math.min(this.shown, pairs.length);
    this.shown = Math.min(pairs.length, mounted + this.allowance);
    this.renderAdded = this.shown - mounted;
    this.allowance = FIRST_SLICE;
    this.renderStarted = performance.now();
    const visible = this.shown === pairs.length ? pairs : pairs.slice(0, this.shown);
    return visible.map((pair, position) => h(ListItem, { key: keyOf(pair) as string | number, pair, deps, renderItem, block: this, position }));
  }

  override componentDidMount(): void {
    this.committed();
  }

  override componentDidUpdate(previous: ListBlockProps): void {
    if (previous.pairs !== this.props.pairs) this.announceMoves(previous);
    this.committed();
  }

  override componentWillUnmount(): void {
    listGone(this);
  }

  private announceMoves(previous: ListBlockProps): void {
    const { pairs, keyOf } = this.props;
    const before = previous.pairs.slice(0, this.shownBefore).map((pair) => previous.keyOf(pair));
    const moved = movedKeys(before, pairs.slice(0, this.shown).map((pair) => keyOf(pair)));
    if (moved.size === 0) return;
    for (const item of this.items) if (item !== undefined && moved.has(keyOf(item.props.pair))) item.moves.fire();
  }

  private committed(): void {
    if (this.renderAdded > 0) this.sliceSize = nextSliceSize(performance.now() - this.renderStarted, this.renderAdded);
    listCommitted(this, this.shown >= this.props.pairs.length);
  }
}
