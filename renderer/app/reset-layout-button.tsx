// "Reset layout": pane sizes, log columns and open side sections back to their defaults (filters and settings stay).
import { usePreferencesStore } from '../store/preferences-store';

export function ResetLayoutButton() {
  const resetLayout = usePreferencesStore((state) => state.resetLayout);
  return (
    <button type="button" onClick={resetLayout} title="Pane sizes, log columns and open side sections back to their defaults (remembered per user)">
      ⟲ Reset layout
    </button>
  );
}
