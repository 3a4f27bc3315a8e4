// The mini-app in a phone frame. In the browser host it is a sandboxed cross-origin iframe (scripts only);
// under Electron the host lays its own view over the placeholder, whose rectangle is reported on every
// resize. Without either there is a hint instead.
import { useEffect, useRef, useState } from 'react';
import type { MiniappBounds } from '../../shared/electron-ipc';
import { AppJsonNote } from './app-json-note';
import { BackgroundCurtain } from './background-curtain';
import { usePreviewStore } from '../store/preview-store';
import './miniapp-preview.css';

interface MiniappPreviewProps {
  /** The mini-app URL (browser host). */
  url?: string;
  /** Electron: where to lay the mini-app view. */
  setBounds?: (bounds: MiniappBounds) => void;
}

/** The phone frame with the mini-app inside. */
export function MiniappPreview({ url: startUrl, setBounds }: MiniappPreviewProps) {
  const [reloads, setReloads] = useState(0);
  // The host's hot reloads and opened projects (docs/miniprogram-runtime.md "Hot reload") reload it too.
  const preview = usePreviewStore((state) => state.preview);
  const url = preview?.miniappUrl ?? startUrl;
  return (
    <section className="miniapp-preview" aria-label="mini-app preview">
      <div className="phone">
        <div className="phone-status" aria-hidden="true">
          <span>9:41</span>
          <span className="phone-notch" />
          <span>▮▮▮ ◔</span>
        </div>
        <div className="phone-screen">
          {url ? (
            <iframe key={`${reloads}-${preview?.generation ?? 0}`} title="mini-app" src={url} sandbox="allow-scripts" referrerPolicy="no-referrer" />
          ) : setBounds ? (
            <BoundsPlaceholder setBounds={setBounds} />
          ) : (
            <div className="phone-empty">
              <p>No mini-app loaded.</p>
              <p className="muted">Start the app with `mini-socket-devtools --miniapp &lt;folder|url&gt;`, or run it without arguments for the demo.</p>
            </div>
          )}
          <BackgroundCurtain />
        </div>
      </div>
      <AppJsonNote />
      {url && (
        <div className="preview-actions">
          <button type="button" onClick={() => setReloads(reloads + 1)} title="Reload the mini-app page (its sockets close)">
            ⟳ Reload mini-app
          </button>
        </div>
      )}
    </section>
  );
}

function BoundsPlaceholder({ setBounds }: { setBounds: (bounds: MiniappBounds) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const report = () => {
      const rect = element.getBoundingClientRect();
      try {
        setBounds({ x: Math.max(0, Math.round(rect.left)), y: Math.max(0, Math.round(rect.top)), width: Math.round(rect.width), height: Math.round(rect.height) });
      } catch (error) {
        console.error('[panel] could not report the mini-app bounds', error);
      }
    };
    report();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(report);
    observer?.observe(element);
    window.addEventListener('resize', report);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', report);
      try {
        setBounds({ x: 0, y: 0, width: 0, height: 0 });
      } catch {
        // The host went away with the page: nothing to hide.
      }
    };
  }, [setBounds]);
  return <div ref={ref} className="miniapp-slot" data-testid="miniapp-slot" />;
}
