// Property-based fuzzing of the browser host's `my` bridge, the way a page's messages really enter main: a
// WebSocket on the bridge URL of a mini-app page load carrying generated frames (JSON text of any value or
// of near-valid messages, batches of them, text that is no JSON, binary frames). The bridge must stay open,
// every message in a frame gets what the engine owes it (a fail 1 for a refused one with a call id, one
// result for a valid call), and a call right after is still answered (docs/architecture.md#fuzz-tests).
import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, EngineMessage } from '../../shared/my-wire';
import { unpackClientLinkMessage } from '../../shared/my-wire';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { fuzzParameters, fuzzTimeout, untilTrue } from '../core/test-support/fuzz-runs';
import { hostileJson, nearValid } from '../core/test-support/hostile-values';
import { onlyLoopbackUrls } from '../core/test-support/loopback-only';
import { expectDocumentedResult, owedAnswer, validClientMessages } from '../core/test-support/valid-client-messages';
import { startBrowserHost, type BrowserHost } from './index';
import { connect, miniappBridgeUrl, terminateOpenSockets } from './test-support/host-clients';
import { createHostOutDir } from './test-support/host-out-dir';

const RUNS = 150;
/** Call ids of the probes, far above any generated one. */
const PROBE_CALL_IDS = 2 ** 40;

let base: string;
let engine: Engine;
let host: BrowserHost;

beforeAll(async () => {
  const made = await createHostOutDir('msd-bridge-fuzz-');
  base = made.base;
  engine = createEngine();
  host = await startBrowserHost({ engine, outDir: made.outDir });
});

afterAll(async () => {
  terminateOpenSockets();
  await host.close();
  await engine.shutdown();
  await rm(base, { recursive: true, force: true });
});

/** One bridge frame: the text (or bytes) sent, and the messages the bridge reads out of it. */
interface BridgeFrame {
  wire: string | Buffer;
  messages: readonly unknown[];
}

function asFrame(value: unknown, binary: boolean): BridgeFrame | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // Deeper than the test's own JSON.stringify goes: the client fuzz sends those as objects.
    return undefined;
  }
  if (text === undefined) return undefined;
  return { wire: binary ? Buffer.from(text) : text, messages: unpackClientLinkMessage(JSON.parse(text)) };
}

/** Any JSON, or a near-valid message whose sockets and requests go to a closed loopback port. */
const message = fc.oneof(hostileJson, nearValid(validClientMessages('ws://127.0.0.1:9/closed')));

const frameValue: fc.Arbitrary<BridgeFrame | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(message, fc.boolean()).map(([value, binary]) => asFrame(value, binary)) },
  { weight: 2, arbitrary: fc.array(message, { minLength: 0, maxLength: 4 }).map((messages) => asFrame({ op: 'batch', messages }, false)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).filter((text) => !isJson(text)).map((text): BridgeFrame => ({ wire: text, messages: [text] })) },
);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('the browser host bridge fuzzed with what a page can send', () => {
  it(
    'stays open, answers every message in a frame as the engine owes it, and keeps serving',
    async () => {
      const page = await connect(await miniappBridgeUrl(host), 'null');
      if ('refused' in page) throw new Error(`the bridge refused the page: ${page.refused}`);
      const received = page.messages as EngineMessage[];
      const results = (callId: number, from: number): CallResult[] =>
        received.slice(from).filter((item): item is CallResult => item.kind === 'result' && item.callId === callId);
      let probe = PROBE_CALL_IDS;
      await fc.assert(
        fc.asyncProperty(frameValue.filter((frame): frame is BridgeFrame => frame !== undefined && onlyLoopbackUrls(frame.messages)), async (frame) => {
          const from = received.length;
          page.socket.send(frame.wire);
          const owedPerCall = new Map<number, number>();
          for (const owed of frame.messages.map(owedAnswer)) {
            if (owed.kind !== 'none' && owed.callId !== undefined) owedPerCall.set(owed.callId, (owedPerCall.get(owed.callId) ?? 0) + 1);
          }
          probe += 1;
          page.socket.send(JSON.stringify({ op: 'api', callId: probe, api: 'getClipboard', options: {} }));
          await untilTrue(() => results(probe, from).length > 0, 'the probe answer');
          for (const [callId, count] of owedPerCall) await untilTrue(() => results(callId, from).length >= count, `the answer to call ${callId}`);
          expect(page.socket.readyState).toBe(WebSocket.OPEN);
          expect(results(probe, from)).toEqual([expect.objectContaining({ ok: true }) as unknown]);
          for (const [callId, count] of owedPerCall) {
            expect(results(callId, from)).toHaveLength(count);
            results(callId, from).forEach(expectDocumentedResult);
          }
        }),
        fuzzParameters(RUNS),
      );
      const seqs = [...engine.capture.from(0)].map((entry) => entry.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index));
    },
    fuzzTimeout(RUNS, 60_000),
  );
});
