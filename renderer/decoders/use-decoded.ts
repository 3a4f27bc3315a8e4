// The decoded view of the inspected frame: decoded in the panel (cached), or for protobuf asked of main.
import { useEffect, useState } from 'react';
import type { DecodeResult, DecoderChoice } from '../../shared/decoders/decoder-types';
import type { RingEntry } from '../capture/entry-ring';
import type { RequestReplier } from '../transport/request-reply';
import { decodeInPanel } from './decoded-cache';

export type DecodedState = { status: 'none' } | { status: 'loading' } | { status: 'done'; result: DecodeResult };

function parseReply(body: unknown): DecodeResult {
  if (typeof body !== 'string') return { ok: false, decoder: 'protobuf', error: 'the engine answered with an entry instead of a decoded view' };
  return JSON.parse(body) as DecodeResult;
}

export function useDecoded(entry: RingEntry, choice: DecoderChoice | undefined, replier: RequestReplier | null): DecodedState {
  const inMain = choice?.decoder === 'protobuf';
  const key = choice?.decoder === 'protobuf' ? `${entry.seq}|${choice.messageType}|${choice.proto}` : '';
  const [remote, setRemote] = useState<{ key: string; result: DecodeResult } | null>(null);
  useEffect(() => {
    if (!inMain || !choice || !replier) return undefined;
    let current = true;
    replier.request({ kind: 'decode', seq: entry.seq, choice }).then(
      (body) => current && setRemote({ key, result: parseReply(body) }),
      (error: unknown) => current && setRemote({ key, result: { ok: false, decoder: 'protobuf', error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [inMain, key, choice, entry.seq, replier]);
  if (!choice) return { status: 'none' };
  if (inMain) return remote?.key === key ? { status: 'done', result: remote.result } : { status: 'loading' };
  const result = decodeInPanel(entry, choice);
  return result ? { status: 'done', result } : { status: 'none' };
}
