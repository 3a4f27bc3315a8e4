// What the theme spec checks on each screen (docs/behaviour.md#panel-theme): text cut by its box (hidden
// overflow or an ellipsis) must carry a tooltip (a title on it or around it), and the focused control
// must show a visible ring.
import { expect, type Locator, type Page } from '@playwright/test';
import type { HostDriver } from './host-driver';

/** Visible elements whose own text is cut and that no title explains ("tag.class: text"). */
export function cutTextWithoutTooltip(panel: Page): Promise<string[]> {
  return panel.evaluate(() => {
    const found: string[] = [];
    const skipped = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'CANVAS', 'IFRAME', 'SCRIPT', 'STYLE']);
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (skipped.has(element.tagName) || element.closest('[title]')) continue;
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!ownText) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      // Hidden, or only for screen readers (a 1 px box).
      if (style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue;
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      if (clips && element.scrollWidth > element.clientWidth + 1) found.push(`${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').trim().slice(0, 60)}`);
    }
    return found;
  });
}

/** The focused element's outline as computed, and whether it matches :focus-visible. */
export function focusRing(panel: Page): Promise<{ visible: boolean; style: string; width: string; color: string; label: string }> {
  return panel.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return { visible: false, style: '', width: '', color: '', label: '' };
    const style = getComputedStyle(element);
    return { visible: element.matches(':focus-visible'), style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor, label: element.getAttribute('aria-label') ?? element.textContent ?? '' };
  });
}

/** WCAG contrast ratio of an element's text colour against the first opaque background under it. */
export function textContrast(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = rgb(colour).map((channel) => channel / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    let under: Element | null = node;
    let background = 'rgb(255, 255, 255)';
    for (; under; under = under.parentElement) {
      const colour = getComputedStyle(under).backgroundColor;
      if (rgb(colour)[3] !== 0 && colour !== 'transparent') {
        background = colour;
        break;
      }
    }
    const [lighter, darker] = [luminance(getComputedStyle(node).color), luminance(background)].sort((a, b) => b - a);
    return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
  });
}

/** Runs `check` in Light and then Dark, with a screenshot `<prefix>-<name>-<theme>` of each. */
export async function eachTheme(driver: HostDriver, prefix: string, name: string, check: () => Promise<void>): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await driver.panel.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(driver.panel.locator('html')).toHaveAttribute('data-theme', theme);
    await driver.screenshot(`${prefix}-${name}-${theme}`);
    await check();
  }
}
