// Property-based fuzzing of every `my` API the engine serves, called through a real `my` attached to a real
// engine with arbitrary arguments: each call ends in exactly one `success` (valid input) or one `fail` with
// a numeric code and a non-empty message, then `complete` once; an argument that is not an object settles
// the returned promise the same way; nothing throws out of `my`; the capture's seqs stay gap-free and in
// order (docs/architecture.md#fuzz-tests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MyApi, SocketTask } from '../../shared/my';
import { engineEachTest } from './test-support/engine-per-test';
import { fuzzParameters, fuzzTimeout, untilTrue } from './test-support/fuzz-runs';
import { hostileJson, hostileKey, hugeString } from './test-support/hostile-values';
import { onlyLoopbackUrls } from './test-support/loopback-only';
import { recordingServerPerFile } from './test-support/recording-server';
import { attachMyClient } from './test-support/attach-my';

const engines = engineEachTest();
const server = recordingServerPerFile();
const RUNS = 120;

/** The APIs a call is made to: each a method of `my`, or of a SocketTask the property opened. */
const APIS = [
  'connectSocket', 'sendSocketMessage', 'closeSocket', 'task.send', 'task.close', 'request',
  'setClipboard', 'getClipboard', 'getSystemInfo', 'setStorage', 'getStorage', 'removeStorage', 'clearStorage', 'getStorageInfo',
] as const;
type Api = (typeof APIS)[number];

interface Outcome {
  success: number;
  fail: { error: unknown; errorMessage: unknown }[];
  complete: number;
}

/** Values a field of a real call might hold, the field names the APIs read, and anything else. */
function fieldValue(urls: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileJson },
    { weight: 2, arbitrary: fc.constantFrom(...urls) },
    { weight: 1, arbitrary: fc.constantFrom(1000, 1001, 3000, 4999, 5000, 65536, -1, 'GET', 'POST', 'json', 'text', 'arraybuffer', true, false) },
    { weight: 1, arbitrary: hugeString(200_000) },
  );
}

function argument(urls: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(hostileKey, fieldValue(urls), { maxKeys: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 0, 'text', [], true) },
  );
}

/** Calls `api` with `argument` (callbacks added when it is an object); resolves once the call has ended. */
function callApi(my: MyApi, task: SocketTask, api: Api, arg: unknown, outcome: Outcome): PromiseLike<unknown> | undefined {
  const withCallbacks =
    typeof arg === 'object' && arg !== null && !Array.isArray(arg)
      ? {
          ...arg,
          success: () => void (outcome.success += 1),
          fail: (failure: { error: unknown; errorMessage: unknown }) => void outcome.fail.push({ error: failure.error, errorMessage: failure.errorMessage }),
          complete: () => void (outcome.complete += 1),
        }
      : arg;
  const loose = my as unknown as Record<string, (options: unknown) => unknown>;
  const looseTask = task as unknown as Record<string, (options: unknown) => unknown>;
  const returned = api === 'task.send' ? looseTask['send']?.(withCallbacks) : api === 'task.close' ? looseTask['close']?.(withCallbacks) : loose[api]?.(withCallbacks);
  return typeof returned === 'object' && returned !== null && 'then' in returned ? (returned as PromiseLike<unknown>) : undefined;
}

function expectDocumentedFailure(failure: { error: unknown; errorMessage: unknown }): void {
  expect(typeof failure.error).toBe('number');
  expect(Number.isInteger(failure.error)).toBe(true);
  expect(typeof failure.errorMessage).toBe('string');
  expect(String(failure.errorMessage).trim()).not.toBe('');
}

describe('my APIs fuzzed through a real engine client', () => {
  it(
    'every call ends in one success or one documented fail, then complete once, and the capture stays gap-free',
    async () => {
      const engine = engines.create();
      const { my } = attachMyClient(engine);
      const ended = { success: 0, fail: 0 };
      let task = my.connectSocket({ url: server.url, multiple: true });
      const urls = [server.url, `${server.url}path?q=1`, 'ws://127.0.0.1:1/refused', server.url.replace('ws:', 'http:'), 'wss://127.0.0.1:1/', 'ftp://127.0.0.1/'];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...APIS), argument(urls).filter(onlyLoopbackUrls), async (api, arg) => {
          if (api.startsWith('task.')) task = my.connectSocket({ url: server.url, multiple: true });
          const outcome: Outcome = { success: 0, fail: [], complete: 0 };
          let settled: 'resolved' | 'rejected' | undefined;
          let rejection: unknown;
          const promise = callApi(my, task, api, arg, outcome);
          promise?.then(
            () => void (settled = 'resolved'),
            (reason: unknown) => {
              settled = 'rejected';
              rejection = reason;
            },
          );
          const hasCallbacks = typeof arg === 'object' && arg !== null && !Array.isArray(arg);
          if (hasCallbacks) await untilTrue(() => outcome.complete > 0, `${api}'s complete`);
          else if (promise) await untilTrue(() => settled !== undefined, `${api}'s promise`);
          // A later call's answer comes after any second answer to this one (one ordered stream).
          await my.getClipboard({});
          if (hasCallbacks) {
            expect(outcome.complete).toBe(1);
            expect(outcome.success + outcome.fail.length).toBe(1);
            outcome.fail.forEach(expectDocumentedFailure);
            ended.success += outcome.success;
            ended.fail += outcome.fail.length;
          }
          if (settled === 'rejected') expectDocumentedFailure(rejection as { error: unknown; errorMessage: unknown });
        }),
        fuzzParameters(RUNS),
      );
      // The arguments reach both ends: valid calls succeed, the rest fail.
      expect(ended.success).toBeGreaterThan(0);
      expect(ended.fail).toBeGreaterThan(0);
      const seqs = [...engine.capture.from(0)].map((entry) => entry.seq);
      expect(seqs.length).toBeGreaterThan(RUNS);
      expect(seqs).toEqual(seqs.map((_, index) => index));
    },
    fuzzTimeout(RUNS, 60_000),
  );
});
