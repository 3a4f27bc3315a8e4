// The frame log's filter on decoded fields (docs/architecture.md#decoded-field-filters): `event:chat`, `topic:alipay/`,
// `type:publish` match the decoded field of frames of connections with a decoder, as a case-insensitive
// regex (or literally when it is not one), like the plain text filter.
import type { DecodedFields } from '../../shared/decoders/decoder-types';
import type { DecoderChoice } from '../../shared/decoders/decoder-types';
import type { RingEntry } from '../capture/entry-ring';
import { decodeInPanel } from './decoded-cache';
import { decoderOf, useDecoderChoices } from './decoder-choices';

export interface DecodedQuery {
  field: keyof DecodedFields;
  test(value: string): boolean;
}

const QUERY = /^(event|topic|type):(.+)$/;

/** The decoded-field query in a filter text, or null when the text is an ordinary one. */
export function parseDecodedQuery(text: string, compile: (pattern: string) => (value: string) => boolean): DecodedQuery | null {
  const match = QUERY.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  return { field: match[1] as keyof DecodedFields, test: compile(match[2]) };
}

function fieldsOf(entry: RingEntry, choice: DecoderChoice): DecodedFields | undefined {
  // Every frame of a protobuf connection is its one message type: no decode needed to filter on it.
  if (choice.decoder === 'protobuf') return { type: choice.messageType };
  const result = decodeInPanel(entry, choice);
  return result?.ok ? result.fields : undefined;
}

/** A predicate on entries for a decoded-field query: only decoded frames can pass. */
export function decodedQueryPredicate(query: DecodedQuery): (entry: RingEntry) => boolean {
  const { choices } = useDecoderChoices.getState();
  const byConnection = new Map<string, DecoderChoice | undefined>();
  return (entry) => {
    if (!entry.connectionId || entry.kind !== 'frame') return false;
    let choice = byConnection.get(entry.connectionId);
    if (!byConnection.has(entry.connectionId)) {
      choice = decoderOf(entry.connectionId, choices);
      byConnection.set(entry.connectionId, choice);
    }
    if (!choice) return false;
    const value = fieldsOf(entry, choice)?.[query.field];
    return value !== undefined && query.test(value);
  };
}
