// The session settings form connected to the engine: shows the engine's settings, sends `settings` patches.
import { usePanelStore } from '../store/panel-store';
import { SettingsFormView } from './settings-form-view';

/** The settings form (see settings-form-view.tsx for the fields). */
export function SettingsForm() {
  const transport = usePanelStore((state) => state.transport);
  const settings = usePanelStore((state) => state.engineState?.settings);
  if (!transport || !settings) return <p className="msd-muted">Settings appear once the engine is connected.</p>;
  return <SettingsFormView settings={settings} onChange={(patch) => transport.send({ kind: 'settings', patch })} />;
}
