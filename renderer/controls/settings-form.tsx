// The session settings form connected to the engine: shows the engine's settings, sends `settings` patches.
import type { SettingsPatch } from '../../shared/settings';
import { usePanelStore } from '../store/panel-store';
import { OpenApiSettings } from './open-api-settings';
import { SettingsFormView } from './settings-form-view';

/** The settings form (see settings-form-view.tsx for the fields). */
export function SettingsForm() {
  const transport = usePanelStore((state) => state.transport);
  const settings = usePanelStore((state) => state.engineState?.settings);
  if (!transport || !settings) return <p className="msd-muted">Settings appear once the engine is connected.</p>;
  const onChange = (patch: SettingsPatch) => transport.send({ kind: 'settings', patch });
  return (
    <SettingsFormView settings={settings} onChange={onChange}>
      <OpenApiSettings settings={settings} onChange={onChange} />
    </SettingsFormView>
  );
}
