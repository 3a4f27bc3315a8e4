// The keyboard shortcuts a Chrome DevTools user expects (docs/behaviour.md#panel-keyboard-and-menu), listed
// once here for the handler and the help overlay. Ctrl means Cmd on macOS.
import { useEffect } from 'react';
import { useFindStore } from '../frame-log/find-store';
import { usePanelStore } from '../store/panel-store';

export interface Shortcut {
  keys: string;
  does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+E', does: 'Pause or resume recording the log' },
  { keys: 'Ctrl+L', does: 'Clear the capture' },
  { keys: 'Ctrl+F', does: 'Find in every payload of the capture' },
  { keys: 'Enter / Shift+Enter', does: 'Next / previous match (in Find)' },
  { keys: 'Escape', does: 'Close Find, this help or the menu, else clear the selection (the inspector closes)' },
  { keys: '↑ ↓ PageUp PageDown Home End', does: 'Move the selection (the log has focus)' },
  { keys: 'Shift+F10 or the menu key', does: 'Open the row menu (copy, filter, messages, resend)' },
  { keys: '[ ]', does: "Previous / next bucket of the timeline's Whole run band, explained (the timeline has focus)" },
  { keys: '?', does: 'Show this list' },
];

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Installs the window-wide shortcuts; `help` opens or closes the overlay. */
export function useShortcuts(help: { open: boolean; setOpen(open: boolean): void }): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const ctrl = event.ctrlKey || event.metaKey;
      const panel = usePanelStore.getState();
      const find = useFindStore.getState();
      const key = event.key.toLowerCase();
      if (ctrl && !event.altKey && key === 'e') {
        if (panel.source === 'live') panel.setPaused(!panel.paused);
      } else if (ctrl && !event.altKey && key === 'l') {
        panel.clearCapture();
      } else if (ctrl && !event.altKey && key === 'f') {
        if (find.open) document.querySelector<HTMLInputElement>('.find-bar input')?.select();
        find.setOpen(true);
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        if (help.open) help.setOpen(false);
        else if (find.open) find.setOpen(false);
        else if (!typingIn(event.target)) panel.select(null);
        else return;
      } else if (event.key === '?' && !ctrl && !typingIn(event.target)) {
        help.setOpen(!help.open);
      } else {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [help]);
}
