// The user's remembered panel state (docs/behaviour.md#panel-preferences). The engine keeps it in a file in
// the app data folder and sends it once after `subscribe`; every change here is sent back whole, a moment
// later, so a drag or a typed filter becomes one write. `generation` changes when the preferences arrive
// or the layout is reset, so views that read them once (pane sizes) apply them again.
import { create } from 'zustand';
import type { PanelPreferences } from '../../shared/panel-preferences';
import type { PanelTransport } from '../../shared/panel-wire';

/** How long changes gather before one save. */
export const SAVE_DELAY_MS = 400;

export interface PreferencesState {
  /** The engine's preferences arrived (before that, nothing is saved: defaults must not overwrite the file). */
  loaded: boolean;
  preferences: PanelPreferences;
  generation: number;
  /** The engine sent the stored preferences. */
  receive(preferences: PanelPreferences): void;
  /** Changes some preferences and schedules the save. */
  update(patch: Partial<PanelPreferences>): void;
  /** Forgets pane sizes and column choices (filters and settings stay). */
  resetLayout(): void;
  /** Where saves go (the panel's link to the engine). */
  bind(transport: PanelTransport | null): void;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let target: PanelTransport | null = null;

function scheduleSave(get: () => PreferencesState): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    const { loaded, preferences } = get();
    if (loaded) target?.send({ kind: 'preferences-save', preferences });
  }, SAVE_DELAY_MS);
}

export const usePreferencesStore = create<PreferencesState>()((set, get) => ({
  loaded: false,
  preferences: {},
  generation: 0,
  receive: (preferences) => set((state) => ({ loaded: true, preferences, generation: state.generation + 1 })),
  update(patch) {
    set((state) => ({ preferences: { ...state.preferences, ...patch } }));
    scheduleSave(get);
  },
  resetLayout() {
    set((state) => {
      const { layouts: _layouts, columns: _columns, sideSections: _sideSections, ...rest } = state.preferences;
      return { preferences: rest, generation: state.generation + 1 };
    });
    scheduleSave(get);
  },
  bind(transport) {
    target = transport;
  },
}));
