// STOMP (docs/architecture.md#decoder-libraries): the frame parser of @stomp/stompjs, used on its own. One WebSocket message
// may hold several frames and heart-beats (bare EOLs).
import { Parser } from '@stomp/stompjs';
import type { IRawFrameType } from '@stomp/stompjs';
import type { FramePayload, LazyDecodeResult } from './decoder-types';
import { bytesToJson, toJson } from './to-json';

const COMMANDS = new Set(['CONNECT', 'STOMP', 'CONNECTED', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK', 'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT', 'MESSAGE', 'RECEIPT', 'ERROR']);

export function decodeStomp(payload: FramePayload): LazyDecodeResult {
  const frames: IRawFrameType[] = [];
  let heartBeats = 0;
  const parser = new Parser(
    (frame) => frames.push(frame),
    () => {
      heartBeats += 1;
    },
  );
  try {
    const chunk = payload.kind === 'text' ? payload.text : new Uint8Array(payload.bytes).buffer;
    parser.parseChunk(chunk);
  } catch (error) {
    return { ok: false, decoder: 'stomp', error: error instanceof Error ? error.message : String(error) };
  }
  const unknown = frames.find((frame) => !COMMANDS.has(frame.command ?? ''));
  if (unknown) return { ok: false, decoder: 'stomp', error: `not a STOMP command: ${JSON.stringify((unknown.command ?? '').slice(0, 40))}` };
  if (frames.length === 0) return heartBeats > 0 ? { ok: true, decoder: 'stomp', fields: { type: 'heart-beat' }, tree: () => ({ heartBeats }) } : { ok: false, decoder: 'stomp', error: 'no complete STOMP frame in this message' };
  const shown = () => frames.map((frame) => ({ command: frame.command, headers: Object.fromEntries(frame.headers), body: bytesToJson(frame.binaryBody ?? new Uint8Array()) }));
  const destinations = frames.flatMap((frame) => frame.headers.filter(([key]) => key === 'destination').map(([, value]) => value));
  return {
    ok: true,
    decoder: 'stomp',
    fields: { type: frames.map((frame) => frame.command).join(' '), ...(destinations.length > 0 ? { topic: destinations.join(' ') } : {}) },
    tree: () => {
      const list = shown();
      return toJson(list.length === 1 ? list[0] : { frames: list });
    },
  };
}
