// The theme override (docs/behaviour.md#panel-theme): System, Light or Dark, remembered with the panel
// preferences. Applied as html[data-theme], which sets the root's color-scheme that every light-dark()
// colour of the panel follows; System removes it, so the colours follow the system again.
import { useEffect } from 'react';
import type { PanelPreferences } from '../../shared/panel-preferences';
import { usePreferencesStore } from '../store/preferences-store';

export type ThemeChoice = NonNullable<PanelPreferences['theme']>;

const CHOICES: [ThemeChoice, string][] = [
  ['system', 'System theme'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** Puts `theme` on the document root (system: no attribute). */
export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** The toolbar's theme menu; also applies the remembered choice when the preferences arrive. */
export function ThemeSelect() {
  const theme = usePreferencesStore((state) => state.preferences.theme ?? 'system');
  const update = usePreferencesStore((state) => state.update);
  useEffect(() => applyTheme(theme), [theme]);
  return (
    <select className="theme-select" aria-label="Theme" title="Colours of the panel: the system's, or always light or dark" value={theme} onChange={(event) => update({ theme: event.target.value as ThemeChoice })}>
      {CHOICES.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
