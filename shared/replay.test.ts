import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from './capture';
import { harToCapture } from './har-import';
import { recordingFromEntries, replayRecordingSchema } from './replay';

let seq = 0;
function entry(fields: Partial<CaptureEntry> & Pick<CaptureEntry, 'kind' | 'name'>, monoTime: number): CaptureEntry {
  seq += 1;
  return { seq, wallTime: 1_700_000_000_000 + monoTime, monoTime, clientId: 'app-1', connectionId: 't2', direction: 'none', size: 0, ...fields };
}
const frame = (direction: 'in' | 'out', payload: string, monoTime: number, binary = false, extra: Partial<CaptureEntry> = {}) =>
  entry({ kind: 'frame', name: binary ? 'binary' : 'text', direction, opcode: binary ? 2 : 1, payload, binary, ...extra }, monoTime);
const step = (name: string, detail: CaptureEntry['detail'], monoTime: number) => entry({ kind: 'lifecycle', name, detail }, monoTime);

describe('recordingFromEntries', () => {
  it('keeps text and binary frames of both directions with times since the open, and the server close', () => {
    const entries = [
      step('connecting', { url: 'wss://chat.example.com/ws' }, 100),
      step('open', { protocol: 'json', url: 'wss://chat.example.com/ws' }, 120),
      frame('out', 'hello', 130),
      frame('in', 'AAE=', 170, true, { truncated: true }),
      entry({ kind: 'frame', name: 'ping', direction: 'in', opcode: 9, payload: '' }, 180),
      { ...frame('in', 'someone else', 190), connectionId: 't3' },
      entry({ kind: 'frame', name: 'close', direction: 'in', opcode: 8, payload: 'bye', detail: { code: 4000, reason: 'bye' } }, 220),
      step('closed', { codeReceived: 4000, reasonReceived: 'bye', closedFirstBy: 'server' }, 221),
    ];
    const built = recordingFromEntries('t2', entries);
    if (!built.ok) throw new Error(built.error);
    expect(built.recording).toEqual({
      label: 't2 wss://chat.example.com/ws',
      url: 'wss://chat.example.com/ws',
      protocol: 'json',
      steps: [
        { direction: 'out', kind: 'text', data: 'hello', atMs: 10 },
        { direction: 'in', kind: 'binary', data: 'AAE=', atMs: 50, truncated: true },
      ],
      end: { kind: 'server-close', code: 4000, reason: 'bye', atMs: 100 },
    });
    expect(replayRecordingSchema.safeParse(built.recording).success).toBe(true);
  });

  it.each([
    ['a server close without status', [step('closed', { codeReceived: 1005, reasonReceived: '', closedFirstBy: 'server' }, 50)], { kind: 'server-close', reason: '', atMs: 40 }],
    ['a lost connection', [step('closed', { codeReceived: 1006, reasonReceived: '', closedFirstBy: 'network' }, 50)], { kind: 'drop', atMs: 40 }],
    ['the app closing first', [entry({ kind: 'frame', name: 'close', direction: 'out', opcode: 8, detail: { code: 1000 } }, 45), step('closed', { closedFirstBy: 'app' }, 50)], { kind: 'client-close', atMs: 35 }],
    ['no close at all', [], { kind: 'open' }],
  ])('reads the end from %s', (_what, tail, end) => {
    const built = recordingFromEntries('t2', [step('open', {}, 10), ...tail]);
    expect(built.ok && built.recording.end).toEqual(end);
  });

  it('says why there is nothing to replay', () => {
    expect(recordingFromEntries('t2', [])).toEqual({ ok: false, error: 'the capture holds nothing of connection t2' });
    expect(recordingFromEntries('t2', [step('connecting', { url: 'wss://x.example/ws' }, 0), step('closed', { neverOpened: true }, 5)])).toMatchObject({ ok: false, error: expect.stringContaining('never opened') });
  });

  it('replays a Chrome HAR: messages timed from the wall clock, still open since Chrome records no close', () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries: [
          {
            startedDateTime: '2024-01-01T00:00:00.000Z',
            time: 5,
            request: { method: 'GET', url: 'wss://chat.example.com/ws', httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
            response: { status: 101, statusText: 'Switching Protocols', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: 0 },
            cache: {},
            timings: { send: 0, wait: 5, receive: 0 },
            _resourceType: 'websocket',
            _webSocketMessages: [
              { type: 'send', time: 1704067200.25, opcode: 1, data: 'sub' },
              { type: 'receive', time: 1704067200.5, opcode: 1, data: '{"ok":true}' },
              { type: 'receive', time: 1704067201.5, opcode: 2, data: 'AAEC' },
            ],
          },
        ],
      },
    };
    const imported = harToCapture(JSON.stringify(har));
    const built = recordingFromEntries('w1', imported.entries);
    if (!built.ok) throw new Error(built.error);
    expect(built.recording.steps).toEqual([
      { direction: 'out', kind: 'text', data: 'sub', atMs: 250 },
      { direction: 'in', kind: 'text', data: '{"ok":true}', atMs: 500 },
      { direction: 'in', kind: 'binary', data: 'AAEC', atMs: 1500 },
    ]);
    expect(built.recording.end).toEqual({ kind: 'open' });
  });
});
