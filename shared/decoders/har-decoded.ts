// Decoded views in HAR (docs/architecture.md#decoded-views-in-har): a connection entry with a decoder gets `_decoder`, each
// frame item `_decoded` ({ fields, tree }) or `_decodeError`. Computed at export only, never while capturing. The
// in-memory export (captureToHar) and the export streamed from a session on disk (stream-export.ts) use the
// same three functions, so both files say the same.
import type { CaptureEntry } from '../capture';
import type { HarEntry, HarWebSocketMessage } from '../har';
import type { DecoderChoices } from './connection-decoder';
import { decoderFor } from './connection-decoder';
import type { DecoderChoice } from './decoder-types';
import { decodeEntry, isDecodable } from './decode-frame';

/** A connection's decoder from its entries (its `open` step: detection) and the user's explicit choices. */
export function connectionDecoder(connectionId: string, entries: readonly CaptureEntry[], choices: DecoderChoices | undefined): DecoderChoice | undefined {
  return decoderFor(
    connectionId,
    entries.find((entry) => entry.kind === 'lifecycle' && entry.name === 'open'),
    choices,
  );
}

/** The `_decoder` key of a connection entry. */
export function harDecoder(choice: DecoderChoice): NonNullable<HarEntry['_decoder']> {
  return choice.decoder === 'protobuf' ? { decoder: choice.decoder, messageType: choice.messageType, proto: choice.proto } : { decoder: choice.decoder };
}

/** A frame's message item with its decoded view (`frame` is the capture entry the item was made from). */
export function withDecodedMessage(message: HarWebSocketMessage, frame: CaptureEntry, choice: DecoderChoice): HarWebSocketMessage {
  if (!isDecodable(frame)) return message;
  const result = decodeEntry(frame, choice);
  return result.ok ? { ...message, _decoded: { fields: { ...result.fields }, tree: result.tree } } : { ...message, _decodeError: result.error };
}

export function withDecodedViews(harEntry: HarEntry, group: readonly CaptureEntry[], choices: DecoderChoices | undefined): HarEntry {
  const choice = connectionDecoder(harEntry._connectionId, group, choices);
  if (!choice) return harEntry;
  const bySeq = new Map(group.map((entry) => [entry.seq, entry]));
  const messages = harEntry._webSocketMessages.map((message) => {
    const frame = message._seq === undefined ? undefined : bySeq.get(message._seq);
    return frame ? withDecodedMessage(message, frame, choice) : message;
  });
  return { ...harEntry, _decoder: harDecoder(choice), _webSocketMessages: messages };
}
