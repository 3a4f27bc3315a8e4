// The canvas colours come from CSS custom properties (timeline-theme.css), so light and dark themes are
// one stylesheet; the canvas reads them once per colour-scheme or theme change, not per frame.
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

/**
 * The theme of `element` as the canvas draws it (unset variables fall back to grey). The variables hold
 * light-dark() pairs, which only a CSS property resolves, so each is read through a hidden probe's colour.
 */
export function readTheme(element: Element): TimelineTheme {
  const theme = { font: getComputedStyle(element).fontFamily || 'system-ui, sans-serif' } as TimelineTheme;
  const probe = element.ownerDocument.createElement('span');
  probe.hidden = true;
  element.appendChild(probe);
  for (const [key, variable] of Object.entries(THEME_VARIABLES) as [keyof typeof THEME_VARIABLES, string][]) {
    probe.style.color = `var(${variable}, #888)`;
    const resolved = getComputedStyle(probe).color;
    theme[key] = resolved && !resolved.includes('var(') ? resolved : '#888';
  }
  probe.remove();
  return theme;
}

/** Calls `listener` when the colours may have changed: the system's scheme, or the user's override (html[data-theme]). */
export function onThemeChange(listener: () => void): () => void {
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  scheme?.addEventListener('change', listener);
  const override = typeof MutationObserver === 'function' ? new MutationObserver(listener) : null;
  override?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    scheme?.removeEventListener('change', listener);
    override?.disconnect();
  };
}
