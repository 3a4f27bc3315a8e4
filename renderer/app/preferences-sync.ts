// Keeps the remembered filters and session settings in step with the panel (docs/behaviour.md#panel-preferences):
// when the engine's stored preferences arrive they are applied (filters to the log, settings to the engine),
// and from then on each real change is saved. Pane sizes and columns are saved by their own views.
import type { PanelPreferences } from '../../shared/panel-preferences';
import type { PanelTransport } from '../../shared/panel-wire';
import { sameJson } from '../../shared/json';
import { ENTRY_TYPES, type EntryType } from '../capture/entry-type';
import type { LogFilters } from '../store/log-filters';
import { useMessagesView } from '../store/messages-view';
import { usePanelStore } from '../store/panel-store';
import { usePreferencesStore } from '../store/preferences-store';

/** Starts syncing over `transport`; returns the stop function. */
export function syncPreferences(transport: PanelTransport): () => void {
  usePreferencesStore.getState().bind(transport);
  const stopArrival = usePreferencesStore.subscribe((state, previous) => {
    if (state.loaded && state.generation !== previous.generation && !previous.loaded) applyStored(state.preferences, transport);
  });
  const stopChanges = usePanelStore.subscribe((state, previous) => {
    const preferences = usePreferencesStore.getState();
    if (!preferences.loaded) return;
    // The Messages view is a passing preset: the filters it replaced are the ones to remember.
    if (state.filters !== previous.filters && useMessagesView.getState().connectionId === null) {
      const filters = rememberedFilters(state.filters);
      if (!sameJson(filters, preferences.preferences.filters)) preferences.update({ filters });
    }
    const settings = state.engineState?.settings;
    if (settings && settings !== previous.engineState?.settings && !sameJson(settings, preferences.preferences.settings)) preferences.update({ settings });
  });
  return () => {
    stopArrival();
    stopChanges();
    usePreferencesStore.getState().bind(null);
  };
}

function applyStored(preferences: PanelPreferences, transport: PanelTransport): void {
  const { filters, settings } = preferences;
  if (filters) {
    const types = filters.types.filter((type): type is EntryType => (ENTRY_TYPES as readonly string[]).includes(type));
    usePanelStore.getState().setFilters({ directions: filters.directions, types, text: filters.text });
  }
  if (settings && Object.keys(settings).length > 0) transport.send({ kind: 'settings', patch: settings });
}

/** The connection filter is not remembered: connection ids are per run. */
function rememberedFilters(filters: LogFilters): NonNullable<PanelPreferences['filters']> {
  return { directions: [...filters.directions], types: [...filters.types], text: filters.text };
}
