// What every basic component shares (docs/miniprogram-runtime.md#references §6): `id`, `class` (plus its `a-<tag>` class, which
// ACSS tag selectors are rewritten to), `style` with rpx, `hidden`, and the bubbling touch events mapped to DOM
// events. Component-specific events (`onInput`, `onChange`, …) do not bubble and are emitted by each component.
import { h, type ComponentChild, type VNode } from 'preact';
import type { Json } from '../../../../shared/json';
import { convertRpx } from '../../../../shared/miniprogram/rpx';
import type { RuntimeProblem } from '../../../../shared/miniprogram/view-logic-protocol';

/** How a basic component reaches its owner (the page or component whose AXML rendered it). */
export interface EventSink {
  /**
   * Sends the handler bound as `on<Type>`/`catch<Type>` (or, in the capture phase, `capture-on<Type>`/
   * `capture-catch<Type>`) on `props`; a `catch` binding stops the DOM event there.
   */
  emit(tag: string, props: Record<string, unknown>, type: string, detail: Json, domEvent?: Event, phase?: 'capture' | 'bubble'): void;
  /** `navigator` taps: the logic performs the route. */
  navigate(openType: string, url: string, delta: number): void;
  /** `/images/a.png` → the URL the bundle serves it at. */
  assetUrl(src: string): string;
  /** A problem the phone and the Problems list show once per run. */
  reportOnce(problem: RuntimeProblem): void;
}

export type BuiltinProps = Record<string, unknown> & { $o: EventSink; $tag: string; children?: unknown };

/** Bubbling events and the DOM events that stand for them in a desktop browser. */
const BUBBLING: Record<string, string> = {
  Tap: 'onClick',
  LongTap: 'onContextMenu',
  TouchStart: 'onPointerDown',
  TouchMove: 'onPointerMove',
  TouchEnd: 'onPointerUp',
  TouchCancel: 'onPointerCancel',
};

/** Attribute truthiness: `checked="{{false}}"` is false, a bare `checked` ('') is true, `"false"` is true. */
export function flag(value: unknown): boolean {
  return value === '' || Boolean(value);
}

export function text(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}

export function num(value: unknown, fallback: number): number {
  const parsed = Number(value);
  return value === undefined || value === '' || Number.isNaN(parsed) ? fallback : parsed;
}

/** The DOM attribute holding an element's `mark:*` values as JSON (mini-event.ts merges them along the path). */
export const MARK_ATTRIBUTE = 'mp-mark';

/** DOM props for the component's root element. */
export function rootProps(props: BuiltinProps, extraClass = ''): Record<string, unknown> {
  const { $o: owner, $tag: tag } = props;
  const dom: Record<string, unknown> = {
    class: [`a-${tag}`, extraClass, text(props.class)].filter(Boolean).join(' '),
  };
  if (typeof props.id === 'string' && props.id !== '') dom.id = props.id;
  if (props.style !== undefined && props.style !== null && props.style !== '') dom.style = convertRpx(text(props.style));
  if (flag(props.hidden)) dom.hidden = true;
  let marks: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('data-')) dom[name] = typeof value === 'object' ? JSON.stringify(value) : value;
    else if (name.startsWith('mark:')) (marks ??= {})[name.slice(5)] = value ?? null;
    // Accessibility attributes (`aria-*`, `role`) reach the element as the client's accessibility layer reads them.
    else if (name.startsWith('aria-') || name === 'role') dom[name] = text(value);
  }
  if (marks !== undefined) dom[MARK_ATTRIBUTE] = JSON.stringify(marks);
  for (const [type, domName] of Object.entries(BUBBLING)) {
    const eventType = type[0]?.toLowerCase() + type.slice(1);
    if (props[`on${type}`] !== undefined || props[`catch${type}`] !== undefined) {
      dom[domName] = (event: Event) => owner.emit(tag, props, eventType, {}, event);
    }
    // Capture bindings (base lib 2.8.5+, docs §5.6) run outer → inner before bubbling: DOM capture listeners.
    if (props[`capture-on${type}`] !== undefined || props[`capture-catch${type}`] !== undefined) {
      dom[`${domName}Capture`] = (event: Event) => owner.emit(tag, props, eventType, {}, event, 'capture');
    }
  }
  return dom;
}

/** Adds `handler` to the DOM event prop `name` of `domProps`, after any handler `rootProps` put there. */
export function addHandler(domProps: Record<string, unknown>, name: string, handler: (event: Event) => void): void {
  const before = domProps[name] as ((event: Event) => void) | undefined;
  domProps[name] =
    before === undefined
      ? handler
      : (event: Event) => {
          before(event);
          handler(event);
        };
}

/** A DOM element vnode from loosely typed props (what AXML attributes are). */
export function dom(tag: string, props: Record<string, unknown>, ...children: ComponentChild[]): VNode {
  return h(tag, props, ...children);
}
