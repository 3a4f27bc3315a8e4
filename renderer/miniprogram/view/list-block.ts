// One `a:for` (rt.list): renders its items as components, each re-rendered only when its item, its index or a
// name the body reads from outside the loop changed. When a `set-data` changed items in place (same length,
// same keys), the block skips Preact's diff of its whole item list and re-renders just those items, so
// `setData` of one row of a long list costs about one row. Reorders, inserts and removals take the keyed diff.
import { Component, h, type ComponentChild } from 'preact';
import type { RenderChild } from '../../../shared/miniprogram/view-bundle';

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
    const { block, position } = this.props;
    if (block.items[position] === this) block.items[position] = undefined;
  }

  override render(): ComponentChild {
    const { pair, renderItem } = this.patched ?? this.props;
    return renderItem(pair) as ComponentChild;
  }
}

export class ListBlock extends Component<ListBlockProps> {
  /** The mounted item components by position. */
  readonly items: Array<ListItem | undefined> = [];

  override shouldComponentUpdate(next: ListBlockProps): boolean {
    const { pairs, deps, keyOf } = this.props;
    if (!sameValues(deps, next.deps) || pairs.length !== next.pairs.length) return true;
    const changed: number[] = [];
    for (let position = 0; position < pairs.length; position += 1) {
      const before = pairs[position] as Pair;
      const after = next.pairs[position] as Pair;
      if (!Object.is(keyOf(before), next.keyOf(after)) || !Object.is(before[1], after[1])) return true;
      if (!Object.is(before[0], after[0])) changed.push(position);
    }
    if (changed.some((position) => this.items[position] === undefined)) return true;
    for (const position of changed) this.items[position]?.patch(next.pairs[position] as Pair, next.renderItem);
    return false;
  }

  override render(): ComponentChild {
    const { pairs, deps, keyOf, renderItem } = this.props;
    return pairs.map((pair, position) => h(ListItem, { key: keyOf(pair) as string | number, pair, deps, renderItem, block: this, position }));
  }
}
