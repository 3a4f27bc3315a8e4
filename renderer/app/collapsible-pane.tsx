// A side pane that folds to a thin rail and comes back (the mini-app and the inspector): the rail is a
// button with the pane's name, the open pane has a small fold button in its corner.
import { useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { Panel, type PanelImperativeHandle } from 'react-resizable-panels';
import './collapsible-pane.css';

/** Width of the folded rail. */
export const RAIL_PX = 28;

interface CollapsiblePaneProps {
  id: string;
  label: string;
  /** Which edge of the window the pane sits on (the direction of the fold arrow). */
  side: 'left' | 'right';
  defaultSize: string;
  minSize: string;
  maxSize?: string;
  paneRef: RefObject<PanelImperativeHandle | null>;
  children: ReactNode;
}

export function CollapsiblePane({ id, label, side, defaultSize, minSize, maxSize, paneRef, children }: CollapsiblePaneProps) {
  const [collapsed, setCollapsed] = useState(false);
  const fold = side === 'left' ? '‹' : '›';
  const unfold = side === 'left' ? '›' : '‹';
  return (
    <Panel
      id={id}
      panelRef={paneRef}
      className={`pane pane-${id}`}
      collapsible
      collapsedSize={`${RAIL_PX}px`}
      defaultSize={defaultSize}
      minSize={minSize}
      maxSize={maxSize}
      groupResizeBehavior="preserve-pixel-size"
      onResize={(size) => setCollapsed(size.inPixels <= RAIL_PX + 1)}
    >
      {collapsed ? (
        <button type="button" className="pane-rail" onClick={() => paneRef.current?.expand()} title={`Show the ${label.toLowerCase()}`} aria-label={`Show the ${label.toLowerCase()}`}>
          <span aria-hidden="true">{unfold}</span>
          <span className="pane-rail-label">{label}</span>
        </button>
      ) : (
        <>
          <button type="button" className={`pane-fold pane-fold-${side}`} onClick={() => paneRef.current?.collapse()} title={`Fold the ${label.toLowerCase()} to a rail`} aria-label={`Fold the ${label.toLowerCase()}`}>
            {fold}
          </button>
          {children}
        </>
      )}
    </Panel>
  );
}
