// The canvas colours come from CSS custom properties (timeline-theme.css), so light and dark themes are
// one stylesheet; the canvas reads them once per colour-scheme change, not per frame.
import type { TimelineTheme } from './draw-timeline';

const THEME_VARIABLES: Record<Exclude<keyof TimelineTheme, 'font'>, string> = {
  background: '--msd-tl-bg',
  laneAlt: '--msd-tl-lane-alt',
  grid: '--msd-tl-grid',
  text: '--msd-tl-text',
  muted: '--msd-tl-muted',
  span: '--msd-tl-span',
  incoming: '--msd-tl-in',
  outgoing: '--msd-tl-out',
  call: '--msd-tl-call',
  open: '--msd-tl-open',
  close: '--msd-tl-close',
  network: '--msd-tl-network',
  app: '--msd-tl-app',
  warning: '--msd-tl-warning',
  error: '--msd-tl-error',
  selected: '--msd-tl-selected',
};

/** The theme of `element` as the canvas draws it (unset variables fall back to grey). */
export function readTheme(element: Element): TimelineTheme {
  const style = getComputedStyle(element);
  const theme = { font: style.fontFamily || 'system-ui, sans-serif' } as TimelineTheme;
  for (const [key, variable] of Object.entries(THEME_VARIABLES) as [keyof typeof THEME_VARIABLES, string][]) {
    theme[key] = style.getPropertyValue(variable).trim() || '#888';
  }
  return theme;
}
