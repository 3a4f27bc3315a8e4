// The side panels under the phone: connection controls, session settings, my storage…, folded or open. Other
// features add theirs to SIDE_PANELS (each a title and a component).
import type { ComponentType } from 'react';
import { AppLifeControls, ConnectionControls, ProjectPanel, SettingsForm, StorageView } from '../controls';
import { DebuggingSection } from '../debugging/debugging-section';
import { SessionsSection } from '../sessions/sessions-section';
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

export function SidePanels() {
  return (
    <div className="side-panels" aria-label="controls">
      {SIDE_PANELS.map(({ title, Component, open }) => (
        <details key={title} className="side-section" open={open}>
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
