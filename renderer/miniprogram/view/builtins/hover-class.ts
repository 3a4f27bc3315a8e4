// `hover-class` of view, button and navigator (docs/miniprogram-runtime.md#references §6.1, §6.3): the class is added
// `hover-start-time` ms after the press starts and removed `hover-stay-time` ms after it ends. An element with
// `hover-stop-propagation` keeps the press from its ancestors' hover classes (the press event bubbles through
// them first-nearest, so the nearest such element marks it and the ancestors ignore a marked press).
import { useEffect, useRef, useState } from 'preact/hooks';
import { flag, num, text, type BuiltinProps } from './builtin-props';

type Handler = (event: Event) => void;

/** Presses an element with `hover-stop-propagation` has already taken. */
const stoppedPresses = new WeakSet<Event>();

export interface HoverDefaults {
  hoverClass: string;
  startMs: number;
  stayMs: number;
}

/** The class to add now and the pointer handlers that drive it. */
export function useHoverClass(props: BuiltinProps, defaults: HoverDefaults): { className: string; handlers: Record<string, Handler> } {
  const [hovered, setHovered] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const hoverClass = text(props['hover-class'], defaults.hoverClass);
  const stops = flag(props['hover-stop-propagation']);
  const take: Handler = (event) => {
    if (stops) stoppedPresses.add(event);
  };
  if (hoverClass === 'none' || hoverClass === '' || flag(props.disabled)) return { className: '', handlers: stops ? { onPointerDown: take } : {} };
  const later = (value: boolean, ms: number): void => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setHovered(value), ms);
  };
  const release: Handler = () => later(false, num(props['hover-stay-time'], defaults.stayMs));
  return {
    className: hovered ? hoverClass : '',
    handlers: {
      onPointerDown: (event) => {
        if (stoppedPresses.has(event)) return;
        take(event);
        later(true, num(props['hover-start-time'], defaults.startMs));
      },
      onPointerUp: release,
      onPointerLeave: release,
      onPointerCancel: release,
    },
  };
}

/** DOM props with `extra` handlers added; a handler both define runs both. */
export function withHandlers(dom: Record<string, unknown>, extra: Record<string, Handler>): Record<string, unknown> {
  const merged = { ...dom };
  for (const [name, handler] of Object.entries(extra)) {
    const existing = merged[name];
    merged[name] = typeof existing === 'function' ? (event: Event) => { (existing as Handler)(event); handler(event); } : handler;
  }
  return merged;
}
