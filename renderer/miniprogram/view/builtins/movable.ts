// movable-area and movable-view (docs/miniprogram-runtime.md#picker-view-and-movable-view): the view is dragged
// with the pointer along its `direction`, kept inside its area unless `out-of-bounds`, and moved by bound `x`/`y`;
// `onChange {x, y, source}` and `onChangeEnd {x, y}` as the client sends them. Inertia and pinch scale are not
// emulated (a desktop pointer has neither fling nor pinch).
import type { VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { addHandler, dom, flag, num, rootProps, text, type BuiltinProps } from './builtin-props';

interface Point {
  x: number;
  y: number;
}

interface Drag {
  pointerId: number;
  start: Point;
  from: Point;
}

export function MovableArea(props: BuiltinProps): VNode {
  return dom('div', rootProps(props), props.children as never);
}

export function MovableView(props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  const element = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | undefined>(undefined);
  const [position, setPosition] = useState<Point>({ x: 0, y: 0 });
  // Pointer events may come before the re-render of the last move: they read the newest position here.
  const latest = useRef<Point>(position);
  const [animated, setAnimated] = useState(false);
  const placed = useRef<Point | undefined>(undefined);
  const direction = text(props.direction, 'none');
  const outOfBounds = flag(props['out-of-bounds']);

  const inside = (point: Point): Point => {
    const view = element.current;
    const area = view?.parentElement;
    if (view === null || view === undefined || area === null || area === undefined) return point;
    const clamp = (value: number, room: number) => Math.min(Math.max(0, room), Math.max(0, value));
    return { x: clamp(point.x, area.clientWidth - view.offsetWidth), y: clamp(point.y, area.clientHeight - view.offsetHeight) };
  };
  const move = (point: Point, source: string, event: Event | undefined, animate: boolean): void => {
    setAnimated(animate);
    latest.current = point;
    setPosition(point);
    owner.emit(tag, props, 'change', { x: point.x, y: point.y, source }, event);
  };

  // Bound x/y place the view on mount and move it (source "") when the data changes one of them, leaving the
  // other where the user put it; the effect calls the newest placement through a ref, so it runs on such a
  // change only.
  const bound = { x: num(props.x, 0), y: num(props.y, 0) };
  const placeBound = useRef<() => void>(() => undefined);
  placeBound.current = () => {
    const before = placed.current;
    placed.current = bound;
    if (before === undefined) {
      latest.current = inside(bound);
      return setPosition(latest.current);
    }
    const wanted = { x: bound.x !== before.x ? bound.x : latest.current.x, y: bound.y !== before.y ? bound.y : latest.current.y };
    move(inside(wanted), '', undefined, props.animation !== false);
  };
  useLayoutEffect(() => placeBound.current(), [bound.x, bound.y]);

  const rootDom = rootProps(props);
  addHandler(rootDom, 'onPointerDown', (event) => {
    const pointer = event as PointerEvent;
    if (flag(props.disabled) || direction === 'none') return;
    (event.currentTarget as HTMLElement).setPointerCapture(pointer.pointerId);
    drag.current = { pointerId: pointer.pointerId, start: { x: pointer.clientX, y: pointer.clientY }, from: latest.current };
  });
  addHandler(rootDom, 'onPointerMove', (event) => {
    const pointer = event as PointerEvent;
    const current = drag.current;
    if (current === undefined || current.pointerId !== pointer.pointerId) return;
    const wanted = {
      x: direction === 'vertical' ? current.from.x : current.from.x + pointer.clientX - current.start.x,
      y: direction === 'horizontal' ? current.from.y : current.from.y + pointer.clientY - current.start.y,
    };
    const kept = inside(wanted);
    const outside = kept.x !== wanted.x || kept.y !== wanted.y;
    if (outOfBounds) move(wanted, outside ? 'touch-out-of-bounds' : 'touch', event, false);
    else move(kept, 'touch', event, false);
  });
  const release = (event: Event): void => {
    const pointer = event as PointerEvent;
    if (drag.current?.pointerId !== pointer.pointerId) return;
    drag.current = undefined;
    let end = latest.current;
    // Dragged past the area with `out-of-bounds`: it springs back inside when let go.
    const kept = inside(end);
    if (kept.x !== end.x || kept.y !== end.y) {
      move(kept, 'out-of-bounds', event, true);
      end = kept;
    }
    owner.emit(tag, props, 'changeEnd', { x: end.x, y: end.y }, event);
  };
  addHandler(rootDom, 'onPointerUp', release);
  addHandler(rootDom, 'onPointerCancel', release);

  const placement = `transform:translate(${position.x}px, ${position.y}px);transition:${animated ? 'transform .3s' : 'none'}`;
  const style = [typeof rootDom.style === 'string' ? rootDom.style : '', placement].filter(Boolean).join(';');
  return dom('div', { ...rootDom, ref: element, style }, props.children as never);
}
