// Property-based fuzzing of what a hostile server sends to a connected mini-app: a real loopback server
// writes generated frames (text with invalid UTF-8, binary, fragments with pings between, control frames,
// reserved opcodes and bits, masked and oversize frames, bad close codes, the socket destroyed at any point)
// under its `ws`, in random write pieces, to a single-mode connection or a SocketTask. The app must see only
// documented events (every message before the first fault, in order, then onSocketError with a code and
// onSocketClose, or the server's clean close), a task's none on the global listeners; the capture must hold
// each delivered message as an incoming frame, and nothing may throw (docs/architecture.md#fuzz-tests).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineEachTest } from './test-support/engine-per-test';
import { fuzzParameters, fuzzTimeout, untilTrue } from './test-support/fuzz-runs';
import { hostileScript, playScript } from './test-support/hostile-frames';
import type { RawFrameServer } from './test-support/raw-frame-server';
import { startRawFrameServer } from './test-support/raw-frame-server';
import { attachMyClient } from './test-support/attach-my';

const engines = engineEachTest();
const RUNS = 60;
/** A small limit, so an oversize frame is cheap to announce. */
const MAX_INCOMING = 4096;

let server: RawFrameServer;
beforeAll(async () => {
  server = await startRawFrameServer();
});
afterAll(async () => {
  await server.close();
});

/** What a listener saw; a SocketTask's close carries no code (docs/behaviour.md#a10-task-event-payloads). */
type Seen = { event: 'open' } | { event: 'message'; binary: boolean; data: string } | { event: 'error'; error: unknown; errorMessage: unknown } | { event: 'close'; code: unknown };

const asWire = (message: { binary: boolean; bytes: Uint8Array }): { binary: boolean; data: string } => ({
  binary: message.binary,
  data: Buffer.from(message.bytes).toString(message.binary ? 'base64' : 'utf8'),
});

describe('frames from a hostile server, fuzzed', () => {
  it(
    'end in documented events only, every message before the first fault delivered and captured in order',
    async () => {
      const engine = engines.create({ maxIncomingMessageBytes: MAX_INCOMING });
      const { my } = attachMyClient(engine);
      let seen: Seen[] = [];
      /** What the global listeners saw of a task's connection: nothing, a task's events are its own. */
      let stray: Seen[] = [];
      let asTask = false;
      const globally = (event: Seen): void => void (asTask ? stray : seen).push(event);
      my.onSocketOpen(() => globally({ event: 'open' }));
      my.onSocketMessage((event) => globally({ event: 'message', binary: event.isBuffer, data: String(event.data) }));
      my.onSocketError((event) => globally({ event: 'error', error: event.error, errorMessage: event.errorMessage }));
      my.onSocketClose((event) => globally({ event: 'close', code: event.code }));

      await fc.assert(
        fc.asyncProperty(hostileScript, fc.boolean(), async (script, taskMode) => {
          seen = [];
          stray = [];
          asTask = taskMode;
          const fromSeq = engine.capture.nextSeq();
          if (taskMode) {
            const task = my.connectSocket({ url: server.url, multiple: true });
            task.onOpen(() => seen.push({ event: 'open' }));
            task.onMessage((event) => seen.push({ event: 'message', binary: event.isBuffer, data: String(event.data) }));
            task.onError((event) => seen.push({ event: 'error', error: event.error, errorMessage: event.errorMessage }));
            task.onClose(() => seen.push({ event: 'close', code: undefined }));
          } else my.connectSocket({ url: server.url, multiple: false });
          const socket = await server.nextSocket();
          await untilTrue(() => seen.some((event) => event.event === 'open'), 'open', () => `the app saw ${JSON.stringify(seen)}`);
          const played = playScript(script, MAX_INCOMING);
          const cuts = [...new Set(script.writeCuts.map((cut) => Math.floor(cut * played.bytes.length)))].sort((a, b) => a - b);
          let written = 0;
          for (const cut of [...cuts, played.bytes.length]) {
            if (cut <= written) continue;
            socket.write(played.bytes.subarray(written, cut));
            written = cut;
            await new Promise((resolve) => setImmediate(resolve));
          }
          if (played.destroyAfter) socket.destroy();
          await untilTrue(() => seen.some((event) => event.event === 'close'), 'close', () => `the app saw ${JSON.stringify(seen)}`);
          // Anything late (a second close, a stray message) would arrive before this call's answer.
          await my.getClipboard({});

          const messages = seen.filter((event) => event.event === 'message').map(({ binary, data }) => ({ binary, data }));
          const expected = played.expected.map(asWire);
          if (played.ending.kind === 'destroyed') expect(expected.slice(0, messages.length)).toEqual(messages);
          else expect(messages).toEqual(expected);

          const others = seen.filter((event) => event.event !== 'message');
          expect(others[0]).toEqual({ event: 'open' });
          expect(others.at(-1)?.event).toBe('close');
          expect(others.filter((event) => event.event === 'close')).toHaveLength(1);
          const close = others.at(-1) as Extract<Seen, { event: 'close' }>;
          expect(stray).toEqual([]);
          if (!taskMode) expect(typeof close.code).toBe('number');
          const errors = others.filter((event): event is Extract<Seen, { event: 'error' }> => event.event === 'error');
          for (const error of errors) {
            // One of the seed's codes 1–12 (docs/behaviour.md#error-codes).
            expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).toContain(error.error);
            expect(String(error.errorMessage).trim()).not.toBe('');
          }
          if (played.ending.kind === 'close') {
            expect(errors).toEqual([]);
            if (played.ending.code !== undefined && !taskMode) expect(close.code).toBe(played.ending.code);
          } else expect(errors).toHaveLength(1);

          const captured = [...engine.capture.from(fromSeq)];
          const incoming = captured.filter((entry) => entry.kind === 'frame' && entry.direction === 'in' && (entry.name === 'text' || entry.name === 'binary'));
          expect(incoming.map((entry) => ({ binary: entry.binary === true, data: entry.payload }))).toEqual(messages);
          if (played.ending.kind !== 'close') expect(captured.filter((entry) => entry.kind === 'error')).toHaveLength(1);
        }),
        fuzzParameters(RUNS),
      );
      const seqs = [...engine.capture.from(0)].map((entry) => entry.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index));
    },
    fuzzTimeout(RUNS, 60_000),
  );
});
