// picker-view and picker-view-column (docs/miniprogram-runtime.md#picker-view-and-movable-view): each column
// scrolls and snaps its items under a centre indicator; `value` (one index per column) scrolls them there, and
// a user's pick settles into `onChange {value}` between `onPickStart` and `onPickEnd`.
import type { VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { convertRpx } from '../../../../shared/miniprogram/rpx';
import { addHandler, dom, rootProps, text, type BuiltinProps } from './builtin-props';

/** An item's height when the column has none laid out yet (the Alipay client's row height). */
const DEFAULT_ITEM_HEIGHT = 34;
/** Quiet time after the last scroll of a column before its position counts as picked. */
const SETTLE_MS = 120;

function indicesOf(value: unknown): number[] {
  return Array.isArray(value) ? value.map((item) => Math.max(0, Math.trunc(Number(item)) || 0)) : [];
}

function columnsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(':scope > .mp-picker-view-columns > .a-picker-view-column')];
}

function itemHeightOf(column: HTMLElement): number {
  const first = column.firstElementChild as HTMLElement | null;
  return first !== null && first.offsetHeight > 0 ? first.offsetHeight : DEFAULT_ITEM_HEIGHT;
}

function pickedIndex(column: HTMLElement): number {
  const count = column.childElementCount;
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.round(column.scrollTop / itemHeightOf(column))));
}

/** Centres item `index` of `column` under the indicator, leaving room above the first and below the last. */
function placeColumn(column: HTMLElement, index: number): void {
  const itemHeight = itemHeightOf(column);
  const room = `${Math.max(0, (column.clientHeight - itemHeight) / 2)}px`;
  column.style.paddingTop = room;
  column.style.paddingBottom = room;
  column.scrollTop = Math.min(Math.max(0, column.childElementCount - 1), index) * itemHeight;
}

export function PickerView(props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  const root = useRef<HTMLDivElement>(null);
  const picking = useRef(false);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shown = useRef<number[]>([]);
  const wanted = indicesOf(props.value);
  const wantedKey = wanted.join(',');

  // Columns move to a new bound `value`, or when columns or items come and go; the user's own pick stays while
  // neither changes, as on the client.
  const placedShape = useRef('');
  useLayoutEffect(() => {
    const element = root.current;
    if (element === null) return;
    const columns = columnsOf(element);
    const first = columns[0];
    element.style.setProperty('--mp-indicator-height', `${first === undefined ? DEFAULT_ITEM_HEIGHT : itemHeightOf(first)}px`);
    const shape = `${wantedKey}|${columns.map((column) => column.childElementCount).join(',')}`;
    if (shape === placedShape.current) return;
    placedShape.current = shape;
    columns.forEach((column, index) => placeColumn(column, wanted[index] ?? 0));
    shown.current = columns.map(pickedIndex);
  });
  useLayoutEffect(() => () => clearTimeout(settle.current), []);

  const startPick = (event: Event): void => {
    if (picking.current) return;
    picking.current = true;
    owner.emit(tag, props, 'pickStart', {}, event);
  };
  const settled = (): void => {
    const element = root.current;
    if (element === null) return;
    const value = columnsOf(element).map(pickedIndex);
    const changed = value.join(',') !== shown.current.join(',');
    shown.current = value;
    if (changed) owner.emit(tag, props, 'change', { value }, undefined);
    if (picking.current) {
      picking.current = false;
      owner.emit(tag, props, 'pickEnd', {}, undefined);
    }
  };

  const rootDom = rootProps(props);
  addHandler(rootDom, 'onPointerDownCapture', startPick);
  addHandler(rootDom, 'onWheelCapture', startPick);
  // scroll does not bubble; the capture phase still passes the root on its way to the column.
  addHandler(rootDom, 'onScrollCapture', () => {
    clearTimeout(settle.current);
    settle.current = setTimeout(settled, SETTLE_MS);
  });
  const overlay = (name: string, kind: 'mask' | 'indicator') =>
    dom('div', { class: [name, text(props[`${kind}-class`])].filter(Boolean).join(' '), style: convertRpx(text(props[`${kind}-style`])) });
  return dom(
    'div',
    { ...rootDom, ref: root },
    dom('div', { class: 'mp-picker-view-columns' }, props.children as never),
    overlay('mp-picker-view-mask', 'mask'),
    overlay('mp-picker-view-indicator', 'indicator'),
  );
}

export function PickerViewColumn(props: BuiltinProps): VNode {
  return dom('div', rootProps(props), props.children as never);
}
