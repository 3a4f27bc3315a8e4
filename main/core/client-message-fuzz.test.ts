// Property-based fuzzing of every client message where it enters the engine (ClientSession.receive, which
// both hosts call with what a page sent): arbitrary JSON and near-valid mutations of each message shape of
// shared/my-wire.ts never throw out of the entry point, a refused message carrying a call id is answered with
// exactly one fail 1 and a warning, a valid call gets exactly one result, and the engine still serves a call
// afterwards (docs/architecture.md#fuzz-tests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CLIENT_MESSAGE_DEPTH } from '../../shared/json-value-budget';
import type { CallResult, EngineMessage } from '../../shared/my-wire';
import { clientMessageSchema } from '../../shared/my-wire';
import type { Engine } from './ports';
import { engineEachTest } from './test-support/engine-per-test';
import { fuzzParameters, fuzzTimeout } from './test-support/fuzz-runs';
import { hostileJson, nearValid } from './test-support/hostile-values';
import { onlyLoopbackUrls } from './test-support/loopback-only';
import { recordingServerPerFile } from './test-support/recording-server';
import { expectDocumentedResult, owedAnswer, validClientMessages } from './test-support/valid-client-messages';

const engines = engineEachTest();
const server = recordingServerPerFile();
const RUNS = 300;
/** Call ids of the probes, far above any generated one. */
const PROBE_CALL_IDS = 2 ** 40;

interface Harness {
  engine: Engine;
  messages: EngineMessage[];
  receive(raw: unknown): void;
  resultsFor(callId: number, from: number): CallResult[];
  waitForResult(callId: number, from: number): Promise<CallResult>;
}

function attach(): Harness {
  const engine = engines.create();
  const messages: EngineMessage[] = [];
  const session = engine.attachClient({ origin: 'http://miniapp.test', send: (message) => void messages.push(message) });
  const resultsFor = (callId: number, from: number): CallResult[] =>
    messages.slice(from).filter((message): message is CallResult => message.kind === 'result' && message.callId === callId);
  return {
    engine,
    messages,
    receive: (raw) => session.receive(raw),
    resultsFor,
    async waitForResult(callId, from) {
      const deadline = Date.now() + 10_000;
      while (resultsFor(callId, from).length === 0) {
        if (Date.now() > deadline) throw new Error(`no result for call ${callId}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return resultsFor(callId, from)[0] as CallResult;
    },
  };
}

const invalidMessageWarnings = (engine: Engine): number =>
  [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name === 'invalid-message').length;

/** Feeds `raw` and checks the engine's answer against the contract; then a probe call must still be served. */
async function feedAndCheck(harness: Harness, raw: unknown, probeCallId: number): Promise<void> {
  const from = harness.messages.length;
  const warningsBefore = invalidMessageWarnings(harness.engine);
  expect(() => harness.receive(raw)).not.toThrow();
  const owed = owedAnswer(raw);
  if (owed.kind === 'refused') {
    expect(invalidMessageWarnings(harness.engine)).toBe(warningsBefore + 1);
    if (owed.callId === undefined) expect(harness.messages.slice(from).filter((message) => message.kind === 'result')).toEqual([]);
    else expect(harness.resultsFor(owed.callId, from)).toEqual([{ kind: 'result', callId: owed.callId, ok: false, error: 1, errorMessage: expect.stringContaining('invalid message') as unknown }]);
  } else if (owed.kind === 'result') {
    expectDocumentedResult(await harness.waitForResult(owed.callId, from));
    expect(harness.resultsFor(owed.callId, from)).toHaveLength(1);
  }
  harness.receive({ op: 'api', callId: probeCallId, api: 'getClipboard', options: {} });
  const probe = await harness.waitForResult(probeCallId, from);
  expect(probe).toMatchObject({ ok: true, payload: { text: expect.any(String) as unknown } });
}

/** The capture's seqs from 0: gap-free and in order. */
function expectGapFreeCapture(engine: Engine): void {
  const seqs = [...engine.capture.from(0)].map((entry) => entry.seq);
  expect(seqs).toEqual(seqs.map((_, index) => index));
}

describe('client messages fuzzed at the engine entry point', () => {
  it.each([
    ['arbitrary JSON', () => hostileJson],
    ['near-valid mutations of every message shape (wrong types, missing fields, huge strings, deep nesting, __proto__)', () => nearValid(validClientMessages(server.url))],
  ])(
    '%s never throws, gets a warning and fail 1 (with a call id) or its one result, and the engine keeps serving',
    async (_, values) => {
      const harness = attach();
      let probe = PROBE_CALL_IDS;
      await fc.assert(
        fc.asyncProperty(values().filter(onlyLoopbackUrls), async (raw) => {
          probe += 1;
          await feedAndCheck(harness, raw, probe);
        }),
        fuzzParameters(RUNS),
      );
      expectGapFreeCapture(harness.engine);
    },
    fuzzTimeout(RUNS),
  );

  it('every unmutated message shape is accepted and answered, so the mutations start from valid input', async () => {
    const harness = attach();
    let probe = PROBE_CALL_IDS;
    for (const message of validClientMessages(server.url)) {
      expect(clientMessageSchema.safeParse(message).success).toBe(true);
      probe += 1;
      await feedAndCheck(harness, message, probe);
    }
    expect(invalidMessageWarnings(harness.engine)).toBe(0);
  });

  it('regression: a connect whose options nest 1,530 objects deep (the shrunk counterexample) fails with 1 naming the depth bound', async () => {
    const harness = attach();
    const options = JSON.parse(`${'{"deeper":'.repeat(1530)}0${'}'.repeat(1530)}`) as unknown;
    harness.receive({ op: 'connect', callId: 1, target: null, options });
    const result = await harness.waitForResult(1, 0);
    expect(result).toMatchObject({ ok: false, error: 1, errorMessage: expect.stringContaining(`nests more than ${MAX_CLIENT_MESSAGE_DEPTH} levels deep`) as unknown });
    expect(result.ok ? '' : result.errorMessage).not.toContain('engine fault');
    await feedAndCheck(harness, validClientMessages(server.url)[0], PROBE_CALL_IDS);
  });
});
