// The panel's layout: toolbar on top; left the mini-app in a phone frame with the connection controls and
// settings under it; centre the frame log; right the inspector; bottom the error-code timeline beside
// the warnings list.
import type { MiniappBounds } from '../../shared/electron-ipc';
import { ConnectionControls, SettingsForm, StorageView } from '../controls';
import { ImportBanner } from '../export/import-banner';
import { FilterBar } from '../frame-log/filter-bar';
import { FrameLog } from '../frame-log/frame-log';
import { Inspector } from '../inspector/inspector';
import { Timeline } from '../timeline';
import { ProblemsList } from '../problems';
import { MiniappPreview } from './miniapp-preview';
import { NoticeBar } from './notice-bar';
import { Toolbar } from './toolbar';
import './theme.css';
import './app.css';

export interface AppProps {
  /** The mini-app URL (browser host). */
  miniappUrl?: string;
  /** Electron: reports where the host lays the mini-app view. */
  setMiniappBounds?: (bounds: MiniappBounds) => void;
}

/** The whole panel. */
export function App({ miniappUrl, setMiniappBounds }: AppProps) {
  return (
    <div className="app">
      <Toolbar />
      <NoticeBar />
      <ImportBanner />
      <div className="workspace">
        <aside className="left-column" aria-label="mini-app and controls">
          <MiniappPreview url={miniappUrl} setBounds={setMiniappBounds} />
          <details className="side-section" open>
            <summary>Connection controls</summary>
            <ConnectionControls />
          </details>
          <details className="side-section">
            <summary>Session settings</summary>
            <SettingsForm />
          </details>
          <details className="side-section">
            <summary>my storage</summary>
            <StorageView />
          </details>
        </aside>
        <main className="centre-column">
          <FilterBar />
          <FrameLog />
        </main>
        <div className="right-column">
          <Inspector />
        </div>
        <section className="bottom-row" aria-label="error-code timeline and warnings">
          <div className="bottom-timeline">
            <Timeline />
          </div>
          <div className="bottom-warnings">
            <ProblemsList />
          </div>
        </section>
      </div>
    </div>
  );
}
