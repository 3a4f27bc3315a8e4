// scroll-view and swiper (docs/miniprogram-runtime.md#references §6.1), with their documented `detail`s.
import { toChildArray, type VNode } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { dom, flag, num, rootProps, text, type BuiltinProps } from './builtin-props';

export function ScrollView(props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  const ref = useRef<HTMLDivElement>(null);
  const edge = useRef<'upper' | 'lower' | ''>('');
  const scrollTop = props['scroll-top'];
  const scrollLeft = props['scroll-left'];
  const intoView = text(props['scroll-into-view']);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const target = intoView === '' ? null : element.querySelector<HTMLElement>(`#${CSS.escape(intoView)}`);
    if (target !== null) element.scrollTop = target.offsetTop - element.offsetTop;
    else if (scrollTop !== undefined) element.scrollTop = num(scrollTop, 0);
    if (scrollLeft !== undefined) element.scrollLeft = num(scrollLeft, 0);
  }, [scrollTop, scrollLeft, intoView]);
  const base = rootProps(props, [flag(props['scroll-x']) ? 'mp-scroll-x' : '', flag(props['scroll-y']) ? 'mp-scroll-y' : ''].join(' '));
  return dom(
    'div',
    {
      ...base,
      ref,
      onScroll: (event: Event) => {
        const element = event.currentTarget as HTMLElement;
        const { scrollLeft: left, scrollTop: top, scrollHeight, scrollWidth } = element;
        owner.emit(tag, props, 'scroll', { scrollLeft: left, scrollTop: top, scrollHeight, scrollWidth }, event);
        const vertical = flag(props['scroll-y']);
        const position = vertical ? top : left;
        const remaining = vertical ? scrollHeight - element.clientHeight - top : scrollWidth - element.clientWidth - left;
        const now = position <= num(props['upper-threshold'], 50) ? 'upper' : remaining <= num(props['lower-threshold'], 50) ? 'lower' : '';
        if (now !== '' && now !== edge.current) owner.emit(tag, props, now === 'upper' ? 'scrollToUpper' : 'scrollToLower', {}, event);
        edge.current = now;
      },
    },
    props.children as never,
  );
}

export function Swiper(props: BuiltinProps): VNode {
  const { $o: owner, $tag: tag } = props;
  // Items made by `a:for` are one child (a list) here: once mounted, count the track's elements instead.
  const trackRef = useRef<HTMLDivElement>(null);
  const [mountedCount, setMountedCount] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const items = trackRef.current?.childElementCount;
    if (items !== mountedCount) setMountedCount(items);
  }, [props.children, mountedCount]);
  const count = mountedCount ?? toChildArray(props.children as never).length;
  const wanted = num(props.current, 0);
  const [shown, setCurrent] = useState(wanted);
  const lastWanted = useRef(wanted);
  const start = useRef<number | undefined>(undefined);
  // A new bound `current` wins over the user's swiping; an unchanged one leaves the shown item alone.
  let current = shown;
  if (lastWanted.current !== wanted) {
    lastWanted.current = wanted;
    current = wanted;
    setCurrent(wanted);
  }
  const change = (next: number, source: 'autoplay' | 'touch'): void => {
    if (count === 0) return;
    const wrapped = flag(props.circular) || source === 'autoplay' ? (next + count) % count : Math.min(count - 1, Math.max(0, next));
    if (wrapped === current) return;
    setCurrent(wrapped);
    owner.emit(tag, props, 'change', { current: wrapped, isChanging: false, source }, undefined);
  };
  useEffect(() => {
    if (!flag(props.autoplay) || count < 2) return undefined;
    const timer = setInterval(() => change(current + 1, 'autoplay'), num(props.interval, 5000));
    return () => clearInterval(timer);
  });
  const vertical = flag(props.vertical);
  const track = `transform:translate${vertical ? 'Y' : 'X'}(-${current * 100}%);transition:transform ${num(props.duration, 500)}ms`;
  return dom(
    'div',
    {
      ...rootProps(props, vertical ? 'mp-swiper-vertical' : ''),
      onPointerDown: (event: PointerEvent) => { start.current = vertical ? event.clientY : event.clientX; },
      onPointerUp: (event: PointerEvent) => {
        if (start.current === undefined || flag(props['disable-touch'])) return;
        const moved = (vertical ? event.clientY : event.clientX) - start.current;
        start.current = undefined;
        if (Math.abs(moved) > 30) change(current + (moved < 0 ? 1 : -1), 'touch');
      },
    },
    dom('div', { class: 'mp-swiper-track', style: track, ref: trackRef }, props.children as never),
    flag(props['indicator-dots'])
      ? dom('div', { class: 'mp-swiper-dots' }, Array.from({ length: count }, (_, index) =>
          dom('span', {
            key: index,
            class: index === current ? 'mp-swiper-dot mp-active' : 'mp-swiper-dot',
            style: `background:${index === current ? text(props['indicator-active-color'], '#000') : text(props['indicator-color'], 'rgba(0,0,0,.3)')}`,
            onClick: () => change(index, 'touch'),
          })))
      : null,
  );
}
