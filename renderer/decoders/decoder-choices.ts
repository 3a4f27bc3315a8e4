// Which decoder each connection's frames are read with (docs/architecture.md#decoder-detection): the user's choice from the
// inspector, else what the connection's open step makes unambiguous. `null` = the user chose none.
import { create } from 'zustand';
import type { DecoderChoice } from '../../shared/decoders/decoder-types';
import type { DecoderChoicesRecord } from '../../shared/decoders/decoder-choice-schema';
import { detectFromOpen } from '../../shared/decoders/connection-decoder';
import { connectionCatalog } from '../capture/connection-catalog';

interface DecoderChoicesState {
  /** Explicit choices by connection id; absent = automatic. */
  choices: ReadonlyMap<string, DecoderChoice | null>;
  /** Sets (or with `undefined`, resets to automatic) one connection's decoder. */
  choose(connectionId: string, choice: DecoderChoice | null | undefined): void;
}

export const useDecoderChoices = create<DecoderChoicesState>()((set) => ({
  choices: new Map(),
  choose(connectionId, choice) {
    set((state) => {
      const next = new Map(state.choices);
      if (choice === undefined) next.delete(connectionId);
      else next.set(connectionId, choice);
      return { choices: next };
    });
  },
}));

/** The decoder detected from a connection's open step, if any. */
export function detectedDecoder(connectionId: string): DecoderChoice | undefined {
  return detectFromOpen(connectionCatalog.entriesOf(connectionId).find((entry) => entry.kind === 'lifecycle' && entry.name === 'open'));
}

/** The decoder in force for a connection. */
export function decoderOf(connectionId: string, choices: ReadonlyMap<string, DecoderChoice | null>): DecoderChoice | undefined {
  const chosen = choices.get(connectionId);
  if (chosen === null) return undefined;
  return chosen ?? detectedDecoder(connectionId);
}

/** The explicit choices (a decoder, or none), as the export request carries them (automatic ones main detects itself). */
export function choicesForExport(choices: ReadonlyMap<string, DecoderChoice | null>): DecoderChoicesRecord {
  return Object.fromEntries(choices);
}
