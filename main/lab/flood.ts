// A bounded flood of frames, each carrying its sequence number so a receiver can check that nothing was
// lost or reordered. Frames are written in batches straight to the upgraded socket (one write per
// ~64 KiB instead of one per frame), so a benchmark measures the receiver, not the lab. Respects the
// socket's backpressure and stops by itself.
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import { frameHeader } from './raw-handshake';

/** Query parameters of /flood after bounding. */
export interface FloodOptions {
  /** Frames to send (bounded by the caller). */
  count: number;
  /** Bytes per frame; a frame is never shorter than its sequence number. */
  size: number;
  /** Frames per second; 0 = as fast as the socket drains. */
  rate: number;
  /** Binary frames: 4-byte big-endian sequence number, then zero padding. Text: "<seq>:" then "x" padding. */
  binary: boolean;
  /** Close with 1000 "flood done" after the last frame. */
  closeWhenDone: boolean;
}

const BATCH_BYTES = 64 * 1024;
const TICK_MS = 10;

/** The payload of flood frame `seq` (exported so tests can check what receivers should see). */
export function floodFrame(seq: number, size: number, binary: boolean): string | Buffer {
  if (binary) {
    const frame = Buffer.alloc(Math.max(4, size));
    frame.writeUInt32BE(seq >>> 0, 0);
    return frame;
  }
  const head = `${seq}:`;
  return head.length >= size ? head : head + 'x'.repeat(size - head.length);
}

function encodeFrame(seq: number, options: FloodOptions): Buffer {
  const payload = floodFrame(seq, options.size, options.binary);
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
  return Buffer.concat([frameHeader(bytes.length, options.binary ? 2 : 1), bytes]);
}

/**
 * Floods an open server-side `ws` whose raw socket is `socket`. `ws` itself sends nothing meanwhile, so
 * frames written to the socket stay whole; its closing handshake afterwards goes through `ws` as usual.
 * Resolves with the number of frames written.
 */
export function runFlood(ws: WebSocket, socket: Duplex, options: FloodOptions): Promise<number> {
  return new Promise((resolve) => {
    let seq = 0;
    const started = performance.now();
    const allowedNow = (): number => {
      if (options.rate <= 0) return options.count;
      return Math.min(options.count, Math.floor(((performance.now() - started) / 1000) * options.rate) + 1);
    };
    const turn = (): void => {
      if (ws.readyState !== WebSocket.OPEN || socket.destroyed) {
        resolve(seq);
        return;
      }
      const limit = allowedNow();
      let drained = true;
      while (seq < limit && drained) {
        const batch: Buffer[] = [];
        let bytes = 0;
        while (seq < limit && bytes < BATCH_BYTES) {
          const frame = encodeFrame(seq, options);
          batch.push(frame);
          bytes += frame.length;
          seq += 1;
        }
        drained = socket.write(batch.length === 1 ? (batch[0] as Buffer) : Buffer.concat(batch, bytes));
      }
      if (seq >= options.count) {
        if (options.closeWhenDone) ws.close(1000, 'flood done');
        resolve(seq);
        return;
      }
      if (!drained) socket.once('drain', turn);
      else setTimeout(turn, TICK_MS);
    };
    turn();
  });
}
