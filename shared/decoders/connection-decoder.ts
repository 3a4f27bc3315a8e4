// The decoder of one connection: the user's choice if any, else what its open step makes unambiguous.
import type { CaptureEntry } from '../capture';
import type { DecoderChoice } from './decoder-types';
import { detectDecoder } from './detect';

/** Decoder choices by connection id, as the panel keeps them and the HAR export reads them; null = none chosen. */
export type DecoderChoices = ReadonlyMap<string, DecoderChoice | null>;

/** Auto-detection from a connection's `open` lifecycle entry (its URL and negotiated subprotocol). */
export function detectFromOpen(open: CaptureEntry | undefined): DecoderChoice | undefined {
  if (!open) return undefined;
  const url = open.detail?.url;
  const protocol = open.detail?.protocol;
  return detectDecoder(typeof url === 'string' ? url : '', typeof protocol === 'string' ? protocol : undefined);
}

export function decoderFor(connectionId: string, open: CaptureEntry | undefined, choices: DecoderChoices | undefined): DecoderChoice | undefined {
  const chosen = choices?.get(connectionId);
  if (chosen === null) return undefined;
  return chosen ?? detectFromOpen(open);
}
