// The panel: toolbar and banners on top, then the resizable workspace (workspace.tsx).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { MiniappBounds } from '../../shared/electron-ipc';
import { ImportBanner } from '../export/import-banner';
import { useFindHighlight } from './find-highlight';
import { HelpOverlay } from './help-overlay';
import { NoticeBar } from './notice-bar';
import { useShortcuts } from './shortcuts';
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
  const [helpOpen, setHelpOpen] = useState(false);
  const help = useMemo(() => ({ open: helpOpen, setOpen: setHelpOpen }), [helpOpen]);
  useShortcuts(help);
  const root = useRef<HTMLDivElement>(null);
  useFindHighlight(useCallback(() => root.current, []));
  return (
    <div className="app" ref={root}>
      <Toolbar onHelp={() => setHelpOpen(true)} />
      <NoticeBar />
      <ImportBanner />
      <Workspace miniappUrl={miniappUrl} setMiniappBounds={setMiniappBounds} />
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
