// The panel: toolbar and banners on top, then the resizable workspace (workspace.tsx).
import type { MiniappBounds } from '../../shared/electron-ipc';
import { ImportBanner } from '../export/import-banner';
import { NoticeBar } from './notice-bar';
import { Toolbar } from './toolbar';
import { Workspace } from './workspace';
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
      <Workspace miniappUrl={miniappUrl} setMiniappBounds={setMiniappBounds} />
    </div>
  );
}
