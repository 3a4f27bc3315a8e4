// The lab and replay servers refuse a DNS-rebound Host and a foreign page's Origin with 403 and say so in
// the panel: one `foreign-host-refused` / `foreign-origin-refused` warning per second at most, each
// counting the refusals it did not log (docs/architecture.md#threat-model). Real servers on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureLog } from '../core/capture-log';
import type { CaptureLog } from '../core/ports';
import { createRefusedRequestReporter } from '../core/rejected-request-warnings';
import type { ReplayRegistry } from '../core/replay-registry';
import { startLabServer, type LabServer } from '../lab/lab-server';
import { createReplayServer } from '../replay/replay-server';
import { connect, get, terminateOpenSockets } from './test-support/host-clients';

let capture: CaptureLog;
let lab: LabServer;
let replays: ReplayRegistry;
let replayUrl: string;
let clock = 0;

beforeAll(async () => {
  capture = createCaptureLog();
  const reportRefused = createRefusedRequestReporter(capture, () => clock);
  lab = await startLabServer({ reportRefused });
  replays = createReplayServer({ reportRefused });
  replayUrl = (await replays.start({ label: 'r', url: 'ws://127.0.0.1:1/', protocol: '', steps: [], end: { kind: 'open' } }, { speed: 0, matchSent: false })).url;
});

afterAll(async () => {
  terminateOpenSockets();
  await replays.close();
  await lab.close();
});

function warnings(id: string) {
  return [...capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name === id);
}

describe('Host and Origin refusals of the lab and replay servers', () => {
  it('are 403 and one warning per kind per second, naming the server, the Host or Origin, and counting the rest', async () => {
    const labPort = new URL(lab.url('echo')).port;
    const replayPort = new URL(replayUrl).port;
    clock = 10_000;
    expect((await get(`http://127.0.0.1:${labPort}/`, { Host: `rebound.example:${labPort}` })).status).toBe(403);
    expect(await connect(replayUrl.replace('127.0.0.1', 'localhost'), 'http://evil.example')).toEqual({ refused: 403 });
    // Within the same second: refused, counted, not logged.
    expect(await connect(lab.url('echo'), 'http://evil.example')).toEqual({ refused: 403 });
    expect((await get(`http://127.0.0.1:${replayPort}/replay/x`, { Host: `rebound.example:${replayPort}`, Connection: 'Upgrade', Upgrade: 'websocket' })).status).toBe(403);
    expect(warnings('foreign-host-refused')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ server: 'lab server', host: `rebound.example:${labPort}`, notLoggedBefore: 0 }) }),
    ]);
    expect(warnings('foreign-origin-refused')).toEqual([
      expect.objectContaining({ errorMessage: expect.stringContaining('http://evil.example'), detail: expect.objectContaining({ server: 'replay server', origin: 'http://evil.example', notLoggedBefore: 0 }) }),
    ]);

    clock = 11_500;
    expect(await connect(lab.url('echo'), 'http://other.example')).toEqual({ refused: 403 });
    expect(warnings('foreign-origin-refused').at(-1)).toMatchObject({ detail: { server: 'lab server', origin: 'http://other.example', notLoggedBefore: 1 } });

    // Loopback requests are served and logged as nothing.
    const before = capture.stats().total;
    expect((await get(`http://127.0.0.1:${labPort}/`)).status).toBe(200);
    const fine = await connect(lab.url('echo'), `http://localhost:${labPort}`);
    expect('socket' in fine).toBe(true);
    expect(capture.stats().total).toBe(before);
  });
});
