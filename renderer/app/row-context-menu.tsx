// The log row's menu (docs/behaviour.md#panel-keyboard-and-menu): copy the payload as text, JSON, base64,
// hex or a my.sendSocketMessage call; filter the log to the row's connection; open its Messages view;
// resend a sent frame on the app's connection. Arrow keys move between items (a disabled one too, so its
// tooltip can be read), Escape or a click elsewhere closes it.
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { CaptureEntry } from '../../shared/capture';
import { entryRing } from '../capture/entry-ring';
import { copyText } from '../clipboard/copy-text';
import { asSendSocketMessageCall, payloadAs, type PayloadForm } from '../clipboard/payload-forms';
import { showMessages } from '../store/messages-view';
import { usePanelStore } from '../store/panel-store';
import { requestResend, resendItemFor, type ResendContext } from './resend-item';
import './row-context-menu.css';

export interface RowMenuTarget {
  seq: number;
  x: number;
  y: number;
}

const COPY_FORMS: [PayloadForm, string][] = [
  ['text', 'Copy payload as text'],
  ['json', 'Copy payload as JSON'],
  ['base64', 'Copy payload as base64'],
  ['hex', 'Copy payload as hex'],
];

interface MenuItem {
  label: string;
  /** Shown disabled with this as its tooltip. */
  disabledReason?: string;
  run(): void | Promise<void>;
}

export function RowContextMenu({ target, onClose }: { target: RowMenuTarget; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  const entry = entryRing.bySeq(target.seq);
  const live = usePanelStore((state) => state.source === 'live');
  const connections = usePanelStore((state) => state.engineState?.connections);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', closeOutside);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', closeOutside);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  if (!entry) return null;
  const items = menuItems(entry, { live, connections: connections ?? [] });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const buttons = Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) buttons[(at + step + buttons.length) % buttons.length]?.focus();
    else if (event.key !== 'Escape' && event.key !== 'Tab') return;
    else onClose();
    event.preventDefault();
    event.stopPropagation();
  }

  const left = Math.max(0, Math.min(target.x, window.innerWidth - 300));
  const top = Math.max(0, Math.min(target.y, window.innerHeight - items.length * 28 - 12));
  return (
    <div ref={menu} className="row-menu" role="menu" aria-label={`entry #${entry.seq}`} style={{ left, top }} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          aria-disabled={item.disabledReason !== undefined}
          title={item.disabledReason}
          onClick={() => {
            if (item.disabledReason !== undefined) return;
            onClose();
            void item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

function menuItems(entry: CaptureEntry & { previewOnly?: boolean }, context: ResendContext): MenuItem[] {
  const items: MenuItem[] = [];
  if (entry.payload !== undefined) {
    for (const [form, label] of COPY_FORMS) items.push({ label, run: () => copyFull(entry, (full) => payloadAs(full, form)) });
    if (entry.kind === 'frame') items.push({ label: 'Copy as my.sendSocketMessage({…})', run: () => copyFull(entry, asSendSocketMessageCall) });
  }
  const { connectionId } = entry;
  if (connectionId) {
    items.push({ label: `Filter to ${connectionId}`, run: () => usePanelStore.getState().setFilters({ connectionId }) });
    items.push({ label: `Show ${connectionId}'s messages`, run: () => showMessages(connectionId) });
  }
  const resend = resendItemFor(entry, context);
  if (resend) items.push({ ...resend, run: () => resendEntry(entry.seq) });
  return items;
}

/** Copies from the whole payload: a row may hold only its preview (fetched from the engine then). */
async function copyFull(entry: CaptureEntry & { previewOnly?: boolean }, format: (full: CaptureEntry) => string): Promise<void> {
  const { replier, setNotice } = usePanelStore.getState();
  let full: CaptureEntry = entry;
  if (entry.previewOnly && replier) {
    const body = await replier.request({ kind: 'get-entry', seq: entry.seq }).catch(() => undefined);
    if (body && typeof body !== 'string') full = body;
  }
  if (!(await copyText(format(full)))) setNotice('Could not copy to the clipboard.');
}

async function resendEntry(seq: number): Promise<void> {
  const { replier, setNotice } = usePanelStore.getState();
  if (!replier) return setNotice('Resend failed: no link to the engine.');
  await requestResend(replier, seq).catch((error: unknown) => setNotice(`Resend failed: ${error instanceof Error ? error.message : String(error)}`));
}
