// Decoded views in a HAR export (docs/architecture.md#decoded-views-in-har): the connection's decoder under `_decoder`, and on each
// frame item `_decoded` ({ fields, tree }) or `_decodeError`. Computed at export only, never while capturing.
import type { CaptureEntry } from '../capture';
import type { HarEntry } from '../har';
import type { DecoderChoices } from './connection-decoder';
import { decoderFor } from './connection-decoder';
import { decodeEntry, isDecodable } from './decode-frame';

export function withDecodedViews(harEntry: HarEntry, group: readonly CaptureEntry[], choices: DecoderChoices | undefined): HarEntry {
  const open = group.find((entry) => entry.kind === 'lifecycle' && entry.name === 'open');
  const choice = decoderFor(harEntry._connectionId, open, choices);
  if (!choice) return harEntry;
  const bySeq = new Map(group.filter(isDecodable).map((entry) => [entry.seq, entry]));
  const messages = harEntry._webSocketMessages.map((message) => {
    const frame = message._seq === undefined ? undefined : bySeq.get(message._seq);
    if (!frame) return message;
    const result = decodeEntry(frame, choice);
    return result.ok ? { ...message, _decoded: { fields: { ...result.fields }, tree: result.tree } } : { ...message, _decodeError: result.error };
  });
  const decoder = choice.decoder === 'protobuf' ? { decoder: choice.decoder, messageType: choice.messageType, proto: choice.proto } : { decoder: choice.decoder };
  return { ...harEntry, _decoder: decoder, _webSocketMessages: messages };
}
