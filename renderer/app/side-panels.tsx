// The side panels under the phone: connection controls, session settings, my storage…, folded or open; which
// ones the user opened or folded is remembered per user (docs/behaviour.md#panel-layout). Other features add
// theirs to SIDE_PANELS (each a title and a component).
import type { ComponentType } from 'react';
import { AppLifeControls, ConnectionControls, ProjectPanel, SettingsForm, StorageView } from '../controls';
import { DebuggingSection } from '../debugging/debugging-section';
import { SessionsSection } from '../sessions/sessions-section';
import { usePreferencesStore } from '../store/preferences-store';
import './side-panels.css';

export interface SidePanel {
  title: string;
  Component: ComponentType;
  /** Open at start. */
  open?: boolean;
}

export const SIDE_PANELS: readonly SidePanel[] = [
  { title: 'Connection controls', Component: ConnectionControls, open: true },
  { title: 'Session settings', Component: SettingsForm },
  { title: 'Debugging: network, breakpoints, map remote', Component: DebuggingSection },
  { title: 'my storage', Component: StorageView },
  { title: 'App life: background and foreground', Component: AppLifeControls, open: true },
  { title: 'Project: open, hot reload, current page', Component: ProjectPanel, open: true },
];

/** Panels that draw their own collapsible section (with a header of their own). */
export const SELF_FOLDING_PANELS: readonly ComponentType[] = [SessionsSection];

/**
 * Remembers a section the user opened or folded (once the preferences arrived, as every preference); a
 * toggle event that only echoes the shown state (the browser fires one when a section mounts open) is not a change.
 */
function rememberSection(title: string, open: boolean, openByDefault: boolean): void {
  const { preferences, loaded, update } = usePreferencesStore.getState();
  if (!loaded || (preferences.sideSections?.[title] ?? openByDefault) === open) return;
  update({ sideSections: { ...preferences.sideSections, [title]: open } });
}

export function SidePanels() {
  const remembered = usePreferencesStore((state) => state.preferences.sideSections);
  return (
    <div className="side-panels" aria-label="controls">
      {SIDE_PANELS.map(({ title, Component, open }) => (
        <details key={title} className="side-section" open={remembered?.[title] ?? open ?? false} onToggle={(event) => rememberSection(title, event.currentTarget.open, open ?? false)}>
          <summary>{title}</summary>
          <Component />
        </details>
      ))}
      {SELF_FOLDING_PANELS.map((Component, index) => (
        <Component key={index} />
      ))}
    </div>
  );
}
