// The "Messages" view of one connection (docs/behaviour.md#panel-layout), like Chrome's Messages tab: the
// log shows only that connection's frames, in capture order, sent and received in their colours. It is a
// filter preset that remembers the filters it replaced, so leaving it gives them back.
import { create } from 'zustand';
import type { EntryType } from '../capture/entry-type';
import type { LogFilters } from './log-filters';
import { usePanelStore } from './panel-store';

/** What a frame is in the type filter: the wire's messages. */
export const FRAME_TYPES: readonly EntryType[] = ['text', 'binary', 'control'];
/** The "hide calls and results" preset removes these types. */
export const CALL_TYPES: readonly EntryType[] = ['call', 'result'];

interface MessagesViewState {
  /** The connection shown, null = the full log. */
  connectionId: string | null;
  /** The filters before the view was opened. */
  previous: LogFilters | null;
}

export const useMessagesView = create<MessagesViewState>()(() => ({ connectionId: null, previous: null }));

/** Opens the Messages view of a connection (from its lane, its row or the inspector). */
export function showMessages(connectionId: string): void {
  const { filters, setFilters } = usePanelStore.getState();
  const previous = useMessagesView.getState().previous ?? filters;
  useMessagesView.setState({ connectionId, previous });
  setFilters({ connectionId, types: FRAME_TYPES, directions: ['out', 'in'] });
}

/** Back to the full log with the filters from before. */
export function closeMessages(): void {
  const { previous } = useMessagesView.getState();
  useMessagesView.setState({ connectionId: null, previous: null });
  if (previous) usePanelStore.getState().setFilters(previous);
}

/** Whether the preset hiding `call` and `result` rows is on. */
export function callsHidden(filters: LogFilters): boolean {
  return CALL_TYPES.every((type) => !filters.types.includes(type));
}

/** Turns the preset hiding `call` and `result` rows on or off. */
export function toggleHideCalls(): void {
  const { filters, setFilters } = usePanelStore.getState();
  const types = callsHidden(filters) ? [...filters.types, ...CALL_TYPES] : filters.types.filter((type) => !CALL_TYPES.includes(type));
  setFilters({ types });
}
