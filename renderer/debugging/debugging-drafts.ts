// The debugging lists as the panel edits them (docs/debugging.md#editing-rules): each edit sends the whole
// list to the engine, and the panel shows what it sent until the engine's state echoes it. Without this, an
// edit made before the echo of the one before it starts from the older list and undoes it (a second field
// changed, a checkbox ticked or a character typed faster than the round trip is lost).
import { create } from 'zustand';
import type { DebugCommand, DebuggingState } from '../../shared/debugging/debug-wire';
import { EMPTY_DEBUGGING_STATE } from '../../shared/debugging/debug-wire';
import { sameJson } from '../../shared/json';
import { usePanelStore } from '../store/panel-store';

type EditedList = 'breakpoints' | 'mapRemote' | 'network';
type Drafts = Partial<Pick<DebuggingState, EditedList>>;

/** How long a sent list is shown without its echo before the engine's own state is shown again. */
export const DRAFT_EXPIRY_MS = 3_000;

const useDrafts = create<{ drafts: Drafts }>(() => ({ drafts: {} }));

function listOf(command: DebugCommand): { key: EditedList; value: DebuggingState[EditedList] } | undefined {
  switch (command.op) {
    case 'set-breakpoints':
      return { key: 'breakpoints', value: command.rules };
    case 'set-map-remote':
      return { key: 'mapRemote', value: command.rules };
    case 'set-network':
      return { key: 'network', value: command.conditions };
    case 'resume':
      return undefined;
  }
}

function drop(key: EditedList, value: unknown): void {
  const { drafts } = useDrafts.getState();
  if (drafts[key] !== value) return;
  const { [key]: _echoed, ...rest } = drafts;
  useDrafts.setState({ drafts: rest });
}

let stopWatching: (() => void) | undefined;

/** Drops each draft the engine's state now holds; watches only while a draft exists. */
function watchEchoes(): void {
  stopWatching ??= usePanelStore.subscribe((state) => {
    const debugging = state.engineState?.debugging;
    const { drafts } = useDrafts.getState();
    if (debugging) for (const key of Object.keys(drafts) as EditedList[]) if (sameJson(debugging[key], drafts[key])) drop(key, drafts[key]);
    if (Object.keys(useDrafts.getState().drafts).length === 0) {
      stopWatching?.();
      stopWatching = undefined;
    }
  });
}

/** Records a list the panel is sending, so the editors show it until the engine echoes it. */
export function recordDraft(command: DebugCommand): void {
  const list = listOf(command);
  if (!list) return;
  useDrafts.setState(({ drafts }) => ({ drafts: { ...drafts, [list.key]: list.value } }));
  watchEchoes();
  setTimeout(() => drop(list.key, list.value), DRAFT_EXPIRY_MS);
}

/** The engine's debugging state with the lists the panel has sent and not yet seen echoed. */
export function useDebugging(): DebuggingState {
  const engine = usePanelStore((state) => state.engineState?.debugging) ?? EMPTY_DEBUGGING_STATE;
  const drafts = useDrafts((state) => state.drafts);
  return Object.keys(drafts).length === 0 ? engine : { ...engine, ...drafts };
}
