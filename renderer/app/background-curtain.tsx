// Over the phone while the app is in the background (docs/behaviour.md#app-life-background-and-foreground): as on a phone,
// the user no longer sees the app; it keeps running under the curtain (the e2e still reads its page).
import { usePanelStore } from '../store/panel-store';

export function BackgroundCurtain() {
  const hidden = usePanelStore((state) => state.engineState?.app?.visible === false);
  if (!hidden) return null;
  return (
    <div className="phone-curtain" aria-hidden="true">
      <span>In the background</span>
    </div>
  );
}
