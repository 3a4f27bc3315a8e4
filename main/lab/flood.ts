// A bounded flood of frames, each carrying its sequence number so a receiver can check that nothing was
// lost or reordered. Respects the socket's backpressure and stops by itself.
import WebSocket from 'ws';

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

/** Keeps at most this much queued in `ws` before waiting for the socket to drain. */
const HIGH_WATER_BYTES = 1024 * 1024;
const FRAMES_PER_TURN = 512;
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

/** Starts the flood on an open server-side socket; resolves when it has sent everything or the socket closed. */
export function runFlood(ws: WebSocket, options: FloodOptions): Promise<number> {
  return new Promise((resolve) => {
    let seq = 0;
    const started = performance.now();
    const finish = (): void => {
      if (options.closeWhenDone && ws.readyState === WebSocket.OPEN) ws.close(1000, 'flood done');
      resolve(seq);
    };
    const allowedNow = (): number => {
      if (options.rate <= 0) return options.count;
      return Math.min(options.count, Math.floor(((performance.now() - started) / 1000) * options.rate) + 1);
    };
    const turn = (): void => {
      if (ws.readyState !== WebSocket.OPEN) {
        resolve(seq);
        return;
      }
      const limit = Math.min(allowedNow(), seq + FRAMES_PER_TURN);
      while (seq < limit && ws.bufferedAmount < HIGH_WATER_BYTES) {
        ws.send(floodFrame(seq, options.size, options.binary), { binary: options.binary });
        seq += 1;
      }
      if (seq >= options.count) {
        finish();
        return;
      }
      if (ws.bufferedAmount >= HIGH_WATER_BYTES || seq >= allowedNow()) setTimeout(turn, options.rate > 0 ? TICK_MS : 1);
      else setImmediate(turn);
    };
    turn();
  });
}
