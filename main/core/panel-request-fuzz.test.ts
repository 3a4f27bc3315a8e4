// Property-based fuzzing of the panel's requests where they enter the engine (PanelSession.receive, which
// both hosts call with what the panel page sent, as an object or as JSON text): arbitrary JSON and
// near-valid mutations of each request shape of shared/panel-wire.ts never throw out of the entry point,
// a refused one is one `invalid-panel-message` warning, a valid request that asks for a reply gets exactly
// one, and the session still answers afterwards (docs/architecture.md#fuzz-tests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PanelMessage, PanelRequest } from '../../shared/panel-wire';
import { panelRequestSchema } from '../../shared/panel-wire';
import { MAX_CLIENT_MESSAGE_DEPTH } from '../../shared/json-value-budget';
import { createPanelSession } from './panel-session';
import { engineEachTest } from './test-support/engine-per-test';
import { fuzzParameters, fuzzTimeout, untilTrue } from './test-support/fuzz-runs';
import { hostileJson, nearValid } from './test-support/hostile-values';
import { onlyLoopbackUrls } from './test-support/loopback-only';

const engines = engineEachTest();
const RUNS = 200;
/** Request ids of the probes, far above any generated one. */
const PROBE_REQUEST_IDS = 2 ** 40;

/** Valid panel requests of the shapes that touch nothing outside the engine (no files, no remote hosts). */
const VALID_REQUESTS: PanelRequest[] = [
  { kind: 'subscribe' },
  { kind: 'ack', seq: 0 },
  { kind: 'my', message: { op: 'send', callId: 1, target: null, options: { data: 'x' } } },
  { kind: 'settings', patch: { singleModePolicy: 'reject', maxTasks: 3 } },
  { kind: 'force-close', connectionId: 's1', code: 4000, reason: 'panel' },
  { kind: 'get-entry', requestId: 1, seq: 0 },
  { kind: 'export', requestId: 2, format: 'jsonl' },
  { kind: 'storage-list', requestId: 3 },
  { kind: 'replay-list', requestId: 4, since: -1 },
  { kind: 'live-filter', requestId: 5, text: 'x', toSeq: 0 },
  { kind: 'resend', requestId: 6, seq: 0 },
  { kind: 'app-visibility', visible: false },
  { kind: 'live-summary', requestId: 7 },
];

/** The request as an object (Electron's structured clone) or as JSON text (the browser host's socket). */
function asJsonTextOrObject(raw: unknown): fc.Arbitrary<unknown> {
  try {
    return fc.constantFrom(raw, JSON.stringify(raw) ?? 'undefined');
  } catch {
    // Too deep for the test's own JSON.stringify: sent as an object only.
    return fc.constant(raw);
  }
}

/** What the request would be once parsed, or undefined when JSON.parse refuses its text. */
function parsedForm(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether the schema accepts it; a stack overflow inside the schema (deep nesting) counts as a refusal. */
function accepted(raw: unknown): PanelRequest | undefined {
  try {
    const parsed = panelRequestSchema.safeParse(parsedForm(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

describe('panel requests fuzzed at the engine entry point', () => {
  it.each([
    ['arbitrary JSON', hostileJson],
    ['near-valid mutations of every request shape', nearValid(VALID_REQUESTS.map((request) => structuredClone(request) as Record<string, unknown>))],
  ])(
    '%s never throws, is refused with one warning or answered once, and the session keeps answering',
    async (_, values) => {
      const engine = engines.create();
      const received: PanelMessage[] = [];
      const session = createPanelSession(engine, (message) => void received.push(message));
      const rejections = () => [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name === 'invalid-panel-message');
      const warnings = (): number => rejections().length;
      const replies = (requestId: number, from: number) => received.slice(from).filter((message) => message.kind === 'reply' && message.requestId === requestId);
      let probe = PROBE_REQUEST_IDS;
      await fc.assert(
        fc.asyncProperty(values.filter(onlyLoopbackUrls).chain(asJsonTextOrObject), async (raw) => {
          const from = received.length;
          const warningsBefore = warnings();
          expect(() => session.receive(raw)).not.toThrow();
          const request = accepted(raw);
          if (request === undefined) {
            expect(warnings()).toBe(warningsBefore + 1);
            // The warning says what is wrong with the message, never how the engine failed to read it.
            expect(rejections().at(-1)?.errorMessage).not.toMatch(/call stack/i);
          }
          else if ('requestId' in request) {
            await untilTrue(() => replies(request.requestId, from).length > 0, `the reply to ${request.kind}`);
          }
          probe += 1;
          session.receive({ kind: 'live-summary', requestId: probe });
          await untilTrue(() => replies(probe, from).length > 0, 'the probe reply');
          expect(replies(probe, from)).toEqual([expect.objectContaining({ ok: true }) as unknown]);
          if (request !== undefined && 'requestId' in request) expect(replies(request.requestId, from)).toHaveLength(1);
        }),
        fuzzParameters(RUNS),
      );
      const seqs = [...engine.capture.from(0)].map((entry) => entry.seq);
      expect(seqs.every((seq, index) => index === 0 || seq === (seqs[index - 1] as number) + 1)).toBe(true);
      session.close();
    },
    fuzzTimeout(RUNS, 60_000),
  );

  it('regression: a panel `my` send whose options nest 5,000 objects deep, as JSON text (the counterexample), is refused naming the depth bound', () => {
    const engine = engines.create();
    const session = createPanelSession(engine, () => undefined);
    const depth = 5_000;
    session.receive(`{"kind":"my","message":{"op":"send","callId":1,"target":null,"options":${'{"deeper":'.repeat(depth)}0${'}'.repeat(depth)}}}`);
    const rejected = [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name === 'invalid-panel-message');
    expect(rejected.map((entry) => entry.errorMessage)).toEqual([`panel message rejected: the call nests more than ${MAX_CLIENT_MESSAGE_DEPTH} levels deep (the limit of one call)`]);
    session.close();
  });
});
