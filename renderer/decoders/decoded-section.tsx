// The inspector's "Decoded" section (docs/architecture.md#protocol-decoders): the connection's decoder (detected, or chosen here for
// every frame of the connection), and the selected frame as a tree with the fields filters match on.
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Json } from '../../shared/json';
import type { DecoderChoice, DecoderId } from '../../shared/decoders/decoder-types';
import { DECODER_IDS } from '../../shared/decoders/decoder-types';
import type { RingEntry } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { decoderOf, detectedDecoder, useDecoderChoices } from './decoder-choices';
import { useDecoded } from './use-decoded';
import './decoders.css';

interface DecodedSectionProps {
  entry: RingEntry;
  /** How a JSON tree is drawn (the inspector's tree). */
  renderTree(value: Json): ReactNode;
}

export function DecodedSection({ entry, renderTree }: DecodedSectionProps) {
  const choices = useDecoderChoices((state) => state.choices);
  const replier = usePanelStore((state) => state.replier);
  const choice = decoderOf(entry.connectionId, choices);
  const decoded = useDecoded(entry, choice, replier);
  if (entry.kind !== 'frame' || entry.direction === 'none' || !entry.connectionId) return null;
  return (
    <section className="inspector-section decoded-section" aria-label="decoded">
      <h3>Decoded</h3>
      <DecoderPicker connectionId={entry.connectionId} choice={choice} explicit={choices.get(entry.connectionId)} />
      {decoded.status === 'loading' && <p className="payload-note">Decoding…</p>}
      {decoded.status === 'done' && !decoded.result.ok && <p className="payload-note error-text">Not decoded as {decoded.result.decoder}: {decoded.result.error}</p>}
      {decoded.status === 'done' && decoded.result.ok && (
        <>
          <dl className="facts decoded-fields">
            {Object.entries(decoded.result.fields).map(([field, value]) => (
              <div key={field} className="decoded-field">
                <dt>{field}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
          </dl>
          {renderTree(decoded.result.tree)}
        </>
      )}
    </section>
  );
}

function DecoderPicker({ connectionId, choice, explicit }: { connectionId: string; choice: DecoderChoice | undefined; explicit: DecoderChoice | null | undefined }) {
  const choose = useDecoderChoices((state) => state.choose);
  const detected = detectedDecoder(connectionId);
  const [proto, setProto] = useState(choice?.decoder === 'protobuf' ? choice.proto : '');
  const [messageType, setMessageType] = useState(choice?.decoder === 'protobuf' ? choice.messageType : '');
  const [wantsProtobuf, setWantsProtobuf] = useState(choice?.decoder === 'protobuf');
  const value = explicit === undefined ? (wantsProtobuf ? 'protobuf' : 'auto') : explicit === null ? 'none' : explicit.decoder;
  const onSelect = (next: string) => {
    setWantsProtobuf(next === 'protobuf');
    if (next === 'auto') choose(connectionId, undefined);
    else if (next === 'none') choose(connectionId, null);
    else if (next !== 'protobuf') choose(connectionId, { decoder: next as Exclude<DecoderId, 'protobuf'> });
  };
  return (
    <div className="decoder-picker">
      <label className="msd-field">
        <span className="msd-field__label">Decoder for {connectionId}</span>
        <select aria-label="Decoder" value={value} onChange={(event) => onSelect(event.target.value)}>
          <option value="auto">automatic{detected ? ` (${detected.decoder})` : ' (none detected)'}</option>
          <option value="none">none</option>
          {DECODER_IDS.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {(wantsProtobuf || explicit?.decoder === 'protobuf') && (
        <form
          className="protobuf-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (messageType.trim() !== '') choose(connectionId, { decoder: 'protobuf', proto, messageType: messageType.trim() });
          }}
        >
          <textarea aria-label=".proto" placeholder='syntax = "proto3"; message Tick { … }' value={proto} onChange={(event) => setProto(event.target.value)} rows={5} spellCheck={false} />
          <input aria-label="Message type" placeholder="package.Message" value={messageType} onChange={(event) => setMessageType(event.target.value)} spellCheck={false} />
          <button type="submit">Decode as this type</button>
        </form>
      )}
    </div>
  );
}
