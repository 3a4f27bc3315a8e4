// The panel's resizable areas (docs/behaviour.md#panel-layout): mini-app | log | inspector side by side,
// the log over the timeline and warnings, the phone over the side panels. The mini-app and the inspector
// fold to rails; every split is remembered. Other features add side panels through `sidePanels`.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Panel, Separator, type PanelImperativeHandle } from 'react-resizable-panels';
import type { MiniappBounds } from '../../shared/electron-ipc';
import { FilterBar } from '../frame-log/filter-bar';
import { FrameLog } from '../frame-log/frame-log';
import { PausedFramesBar } from '../debugging/paused-frames';
import { Inspector } from '../inspector/inspector';
import { ProblemsList } from '../problems';
import { Timeline } from '../timeline';
import { CollapsiblePane } from './collapsible-pane';
import { MiniappPreview } from './miniapp-preview';
import { PersistedGroup, type PaneDefaults } from './persisted-group';
import { RowContextMenu, type RowMenuTarget } from './row-context-menu';
import { SidePanels } from './side-panels';
import './workspace.css';

/** Default sizes: at 1280 px the log keeps ≥ 320 px for its Preview column (docs/behaviour.md#panel-layout). */
export const PANE_DEFAULTS = { miniapp: '392px', inspector: '270px', bottom: '220px', side: '30%', problems: '40%' } as const;

interface WorkspaceProps {
  miniappUrl?: string;
  setMiniappBounds?: (bounds: MiniappBounds) => void;
}

export function Workspace({ miniappUrl, setMiniappBounds }: WorkspaceProps) {
  const miniapp = useRef<PanelImperativeHandle | null>(null);
  const inspector = useRef<PanelImperativeHandle | null>(null);
  const bottom = useRef<PanelImperativeHandle | null>(null);
  const side = useRef<PanelImperativeHandle | null>(null);
  const problems = useRef<PanelImperativeHandle | null>(null);
  const columns = useDefaults([['miniapp', miniapp, PANE_DEFAULTS.miniapp], ['inspector', inspector, PANE_DEFAULTS.inspector]]);
  const rows = useDefaults([['bottom', bottom, PANE_DEFAULTS.bottom]]);
  const left = useDefaults([['side', side, PANE_DEFAULTS.side]]);
  const footer = useDefaults([['problems', problems, PANE_DEFAULTS.problems]]);
  const [rowMenu, setRowMenu] = useState<RowMenuTarget | null>(null);
  const openRowMenu = useCallback((seq: number, x: number, y: number) => setRowMenu({ seq, x, y }), []);
  const closeRowMenu = useCallback(() => setRowMenu(null), []);

  return (
    <PersistedGroup id="columns" orientation="horizontal" className="workspace" defaults={columns}>
      <CollapsiblePane id="miniapp" label="Mini-app" side="left" defaultSize={PANE_DEFAULTS.miniapp} minSize="300px" maxSize="60%" paneRef={miniapp}>
        <PersistedGroup id="left" orientation="vertical" className="left-column" defaults={left}>
          <Panel id="phone" minSize="200px" className="phone-pane">
            <MiniappPreview url={miniappUrl} setBounds={setMiniappBounds} />
          </Panel>
          <Separator className="pane-separator" />
          <Panel id="side" panelRef={side} defaultSize={PANE_DEFAULTS.side} minSize="60px" className="side-pane">
            <SidePanels />
          </Panel>
        </PersistedGroup>
      </CollapsiblePane>
      <Separator className="pane-separator" />
      <Panel id="centre" minSize="360px">
        <PersistedGroup id="rows" orientation="vertical" defaults={rows}>
          <Panel id="log" minSize="120px" className="centre-column">
            <FilterBar />
            <PausedFramesBar />
            <FrameLog onRowMenu={openRowMenu} />
            {rowMenu && <RowContextMenu target={rowMenu} onClose={closeRowMenu} />}
          </Panel>
          <Separator className="pane-separator" />
          <Panel id="bottom" panelRef={bottom} defaultSize={PANE_DEFAULTS.bottom} minSize="80px" groupResizeBehavior="preserve-pixel-size" collapsible collapsedSize="0px">
            <PersistedGroup id="footer" orientation="horizontal" className="bottom-row" defaults={footer}>
              <Panel id="timeline" minSize="240px">
                <Area label="error-code timeline">
                  <Timeline />
                </Area>
              </Panel>
              <Separator className="pane-separator" />
              <Panel id="problems" panelRef={problems} defaultSize={PANE_DEFAULTS.problems} minSize="200px" collapsible>
                <Area label="warnings">
                  <ProblemsList />
                </Area>
              </Panel>
            </PersistedGroup>
          </Panel>
        </PersistedGroup>
      </Panel>
      <Separator className="pane-separator" />
      <CollapsiblePane id="inspector" label="Inspector" side="right" defaultSize={PANE_DEFAULTS.inspector} minSize="220px" maxSize="60%" paneRef={inspector}>
        <Inspector />
      </CollapsiblePane>
    </PersistedGroup>
  );
}

function Area({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section className="pane-area" aria-label={label}>
      {children}
    </section>
  );
}

type PaneDefault = readonly [string, React.RefObject<PanelImperativeHandle | null>, string];

function useDefaults(entries: readonly PaneDefault[]): PaneDefaults {
  // The refs and sizes never change: one map for the life of the workspace.
  return useMemo(() => new Map(entries.map(([id, ref, size]) => [id, { ref, size }])), []); // eslint-disable-line react-hooks/exhaustive-deps
}
