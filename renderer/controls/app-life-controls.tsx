// Background and foreground of the mini-app (docs/behaviour.md#app-life-background-and-foreground): the button sends it to
// the background and back (the engine tells every mini-app client), the field sets how long its sockets may
// stay open in the background (empty: they stay open, as on Alipay). The engine's state stays the truth.
import { useEffect, useState } from 'react';
import type { AppLifeState } from '../../shared/panel-wire';
import { usePanelStore } from '../store/panel-store';
import { parseBackgroundCloseSeconds } from '../../shared/settings';
import { CommittedField } from './settings-form-view';
import './controls.css';
import './app-life-controls.css';

/** "In the foreground", "In the background for 12 s; sockets close in 3 s", "…; its sockets were closed". */
export function describeAppLife(app: AppLifeState | undefined, now: number): string {
  if (!app || app.visible || app.hiddenAt === undefined) return 'In the foreground';
  const since = `In the background for ${Math.max(0, Math.floor((now - app.hiddenAt) / 1000))} s`;
  if (app.socketsClosed) return `${since}; its sockets were closed`;
  if (app.closeAt !== undefined) return `${since}; sockets close in ${Math.max(0, Math.ceil((app.closeAt - now) / 1000))} s`;
  return `${since}; sockets stay open`;
}

export function AppLifeControls() {
  const transport = usePanelStore((state) => state.transport);
  const app = usePanelStore((state) => state.engineState?.app);
  const seconds = usePanelStore((state) => state.engineState?.settings.backgroundCloseSeconds);
  const [now, setNow] = useState(() => Date.now());
  const hidden = app?.visible === false;
  useEffect(() => {
    if (!hidden) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [hidden]);
  if (!transport || seconds === undefined) return <p className="msd-muted">App controls appear once the engine is connected.</p>;
  return (
    <div className="msd-form msd-app-life" aria-label="App life">
      <div className="msd-row msd-row--actions">
        <span role="status" className={hidden ? 'msd-app-life__state msd-app-life__state--hidden' : 'msd-app-life__state'}>
          {describeAppLife(app, now)}
        </span>
        <button type="button" onClick={() => transport.send({ kind: 'app-visibility', visible: hidden })}>
          {hidden ? 'Bring to foreground' : 'Send to background'}
        </button>
      </div>
      <CommittedField
        label="Close sockets after (s) in the background"
        hint="empty: they stay open, as on Alipay"
        value={seconds === null ? '' : String(seconds)}
        parse={parseBackgroundCloseSeconds}
        onCommit={(value) => transport.send({ kind: 'settings', patch: { backgroundCloseSeconds: value } })}
      />
    </div>
  );
}
