// The frame log's filter on decoded fields (docs/architecture.md#decoded-field-filters): `event:chat`, `topic:alipay/`,
// `type:publish` match the decoded field of frames of connections with a decoder, as a case-insensitive
// regex (or literally when it is not one), like the plain text filter.
import type { DecodedFields } from '../../shared/decoders/decoder-types';
import type { DecoderChoice } from '../../shared/decoders/decoder-types';
import type { RingEntry } from '../capture/entry-ring';
import { rawTextPrecheck } from '../../shared/decoders/field-precheck';
import { decodedFieldsInPanel } from './decoded-cache';
import { decoderOf, useDecoderChoices } from './decoder-choices';

export interface DecodedQuery {
  field: keyof DecodedFields;
  /** The pattern as typed (for the raw-text pre-check). */
  pattern: string;
  test(value: string): boolean;
}

const QUERY = /^(event|topic|type):(.+)$/;

/** The decoded-field query in a filter text, or null when the text is an ordinary one. */
export function parseDecodedQuery(text: string, compile: (pattern: string) => (value: string) => boolean): DecodedQuery | null {
  const match = QUERY.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  return { field: match[1] as keyof DecodedFields, pattern: match[2], test: compile(match[2]) };
}

function fieldsOf(entry: RingEntry, choice: DecoderChoice): DecodedFields | undefined {
  // Every frame of a protobuf connection is its one message type: no decode needed to filter on it.
  if (choice.decoder === 'protobuf') return { type: choice.messageType };
  return decodedFieldsInPanel(entry, choice);
}

interface ConnectionFilter {
  choice: DecoderChoice;
  /** A cheap test a frame must pass before it is decoded, when one is exact for this query and decoder. */
  precheck: ((entry: RingEntry) => boolean) | undefined;
}

/** A predicate on entries for a decoded-field query: only decoded frames can pass. The decoder (and its pre-check) is found once per connection. */
export function decodedQueryPredicate(query: DecodedQuery): (entry: RingEntry) => boolean {
  const { choices } = useDecoderChoices.getState();
  const byConnection = new Map<string, ConnectionFilter | undefined>();
  const filterOf = (connectionId: string): ConnectionFilter | undefined => {
    if (byConnection.has(connectionId)) return byConnection.get(connectionId);
    const choice = decoderOf(connectionId, choices);
    const filter = choice && { choice, precheck: rawTextPrecheck(query.field, query.pattern, choice.decoder) };
    byConnection.set(connectionId, filter);
    return filter;
  };
  return (entry) => {
    if (!entry.connectionId || entry.kind !== 'frame') return false;
    const filter = filterOf(entry.connectionId);
    if (!filter || (filter.precheck && !filter.precheck(entry))) return false;
    const value = fieldsOf(entry, filter.choice)?.[query.field];
    return value !== undefined && query.test(value);
  };
}
