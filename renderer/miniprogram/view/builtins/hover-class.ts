// `hover-class` of view, button and navigator (docs/miniprogram-runtime.md#references §6.1, §6.3): the class is added
// `hover-start-time` ms after the press starts and removed `hover-stay-time` ms after it ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { flag, num, text, type BuiltinProps } from './builtin-props';

type Handler = (event: Event) => void;

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
  if (hoverClass === 'none' || hoverClass === '' || flag(props.disabled)) return { className: '', handlers: {} };
  const later = (value: boolean, ms: number): void => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setHovered(value), ms);
  };
  const release: Handler = () => later(false, num(props['hover-stay-time'], defaults.stayMs));
  return {
    className: hovered ? hoverClass : '',
    handlers: {
      onPointerDown: () => later(true, num(props['hover-start-time'], defaults.startMs)),
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
