import { describe, expect, it } from 'vitest';
import { createCaptureLog } from '../main/core/capture-log';
import type { NewCaptureEntry } from '../main/core/ports';
import type { CaptureEntry } from './capture';
import type { HarMeta } from './har';
import { harSchema } from './har';
import { captureToHar } from './har-export';
import { harToCapture } from './har-import';

const meta: HarMeta = { creator: { name: 'Mini Socket DevTools', version: '0.1.0' }, stats: { total: 18, dropped: 0, held: 18, capacity: 1000, cleared: 0 } };

/** A capture with every kind of entry, two connections (one opened, one refused with 503) and loose entries. */
function sampleCapture(): CaptureEntry[] {
  const log = createCaptureLog({ capacity: 1000, payloadCap: 64 });
  const app = { clientId: 'app-1', direction: 'none', size: 0 } as const;
  const s1 = { ...app, connectionId: 's1' };
  const t1 = { ...app, clientId: 'panel', connectionId: 't1' };
  const entries: NewCaptureEntry[] = [
    { ...app, connectionId: '', kind: 'call', name: 'onSocketOpen', detail: { action: 'on', count: 1 } },
    { ...s1, kind: 'call', name: 'connectSocket', detail: { url: 'wss://example.test/ws', data: { room: 1 } } },
    { ...s1, kind: 'lifecycle', name: 'connecting', detail: { url: 'wss://example.test/ws?room=1&user=a', headers: { 'user-agent': 'AlipayClient', 'x-multi': ['a', 'b'] }, requestedProtocols: ['chat'] } },
    { ...s1, kind: 'result', name: 'connectSocket', detail: { ok: true } },
    { ...s1, kind: 'lifecycle', name: 'handshake-response', direction: 'in', detail: { status: 101, headers: { upgrade: 'websocket', 'sec-websocket-protocol': 'chat' } } },
    { ...s1, kind: 'lifecycle', name: 'open', detail: { protocol: 'chat', requestedProtocols: ['chat'], url: 'wss://example.test/ws?room=1&user=a' } },
    { ...s1, kind: 'frame', name: 'text', direction: 'out', opcode: 1, size: 12, payload: 'hello 世界' },
    { ...s1, kind: 'frame', name: 'binary', direction: 'in', opcode: 2, size: 4, payload: 'AAEC/w==', binary: true },
    { ...s1, kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 100, payload: 'x'.repeat(100) },
    { ...s1, kind: 'frame', name: 'ping', direction: 'in', opcode: 9, size: 0, payload: '' },
    { ...s1, kind: 'warning', name: 'send-before-open', detail: { warning: 'send-before-open' } },
    { ...s1, kind: 'frame', name: 'close', direction: 'out', opcode: 8, size: 5, detail: { code: 1000, reason: 'bye' } },
    { ...s1, kind: 'error', name: 'error', errorCode: 1, errorMessage: 'An unknown error.', cause: 'ECONNRESET' },
    { ...s1, kind: 'lifecycle', name: 'closed', detail: { code: 1006, reason: '' } },
    { ...t1, kind: 'lifecycle', name: 'connecting', detail: { url: 'ws://127.0.0.1:9/http-503', headers: {} } },
    { ...t1, kind: 'error', name: 'error', direction: 'in', errorCode: 1, errorMessage: 'An unknown error. (HTTP 503)', cause: 'Unexpected server response: 503', detail: { during: 'CONNECTING', httpStatus: 503 } },
    { ...t1, kind: 'lifecycle', name: 'closed', detail: { codeReceived: 1006, reasonReceived: '', closedFirstBy: 'network', neverOpened: true } },
    { ...app, connectionId: '', kind: 'warning', name: 'no-listeners', detail: { warning: 'no-listeners' } },
  ];
  return entries.map((entry) => log.append(entry));
}

/** HAR 1.2 required fields, checked by hand (independent of the zod schema under test). */
function har12Problems(har: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const need = (owner: unknown, path: string, key: string, type: 'string' | 'number' | 'object' | 'array') => {
    const value = isObject(owner) ? owner[key] : undefined;
    const ok = type === 'array' ? Array.isArray(value) : type === 'object' ? isObject(value) : typeof value === type;
    if (!ok) problems.push(`${path}.${key} is not a ${type}`);
    return value;
  };
  const nameValues = (owner: unknown, path: string, key: string) => {
    const list = need(owner, path, key, 'array');
    if (Array.isArray(list)) list.forEach((item, i) => ['name', 'value'].forEach((k) => need(item, `${path}.${key}[${i}]`, k, 'string')));
  };
  const log = need(har, 'har', 'log', 'object');
  need(log, 'log', 'version', 'string');
  const creator = need(log, 'log', 'creator', 'object');
  need(creator, 'log.creator', 'name', 'string');
  need(creator, 'log.creator', 'version', 'string');
  const entries = need(log, 'log', 'entries', 'array');
  (Array.isArray(entries) ? entries : []).forEach((entry, i) => {
    const at = `entries[${i}]`;
    const started = need(entry, at, 'startedDateTime', 'string');
    if (typeof started === 'string' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(started)) problems.push(`${at}.startedDateTime is not ISO 8601`);
    need(entry, at, 'time', 'number');
    const request = need(entry, at, 'request', 'object');
    ['method', 'url', 'httpVersion'].forEach((k) => need(request, `${at}.request`, k, 'string'));
    ['cookies', 'headers', 'queryString'].forEach((k) => nameValues(request, `${at}.request`, k));
    ['headersSize', 'bodySize'].forEach((k) => need(request, `${at}.request`, k, 'number'));
    const response = need(entry, at, 'response', 'object');
    need(response, `${at}.response`, 'status', 'number');
    ['statusText', 'httpVersion', 'redirectURL'].forEach((k) => need(response, `${at}.response`, k, 'string'));
    ['cookies', 'headers'].forEach((k) => nameValues(response, `${at}.response`, k));
    const content = need(response, `${at}.response`, 'content', 'object');
    need(content, `${at}.response.content`, 'size', 'number');
    need(content, `${at}.response.content`, 'mimeType', 'string');
    ['headersSize', 'bodySize'].forEach((k) => need(response, `${at}.response`, k, 'number'));
    need(entry, at, 'cache', 'object');
    const timings = need(entry, at, 'timings', 'object');
    ['send', 'wait', 'receive'].forEach((k) => {
      const value = need(timings, `${at}.timings`, k, 'number');
      if (typeof value === 'number' && value < 0) problems.push(`${at}.timings.${k} is negative`);
    });
    if (isObject(entry)) {
      for (const key of Object.keys(entry)) {
        if (!key.startsWith('_') && !['pageref', 'startedDateTime', 'time', 'request', 'response', 'cache', 'timings', 'serverIPAddress', 'connection', 'comment'].includes(key)) problems.push(`${at}.${key} is not a HAR field`);
      }
    }
  });
  return problems;
}

describe('HAR export', () => {
  it('produces HAR 1.2 that passes the schema and an independent check of every required field', () => {
    const har = JSON.parse(JSON.stringify(captureToHar(sampleCapture(), meta))) as unknown;
    expect(har12Problems(har)).toEqual([]);
    expect(harSchema.safeParse(har).success).toBe(true);
  });

  it('writes one websocket entry per connection with the final URL, headers and status', () => {
    const har = captureToHar(sampleCapture(), meta);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual(meta.creator);
    expect(har.log.entries.map((e) => [e._connectionId, e._resourceType, e.request.method, e.response.status])).toEqual([
      ['s1', 'websocket', 'GET', 101],
      ['t1', 'websocket', 'GET', 503],
    ]);
    const [s1, t1] = har.log.entries;
    expect(s1?.request.url).toBe('wss://example.test/ws?room=1&user=a');
    expect(s1?.request.queryString).toEqual([{ name: 'room', value: '1' }, { name: 'user', value: 'a' }]);
    expect(s1?.request.headers).toEqual([
      { name: 'user-agent', value: 'AlipayClient' },
      { name: 'x-multi', value: 'a' },
      { name: 'x-multi', value: 'b' },
    ]);
    expect(s1?.response).toMatchObject({ statusText: 'Switching Protocols', httpVersion: 'HTTP/1.1', headers: [{ name: 'upgrade', value: 'websocket' }, { name: 'sec-websocket-protocol', value: 'chat' }] });
    expect(s1?.startedDateTime).toBe(new Date(s1?._events[0]?.wallTime ?? 0).toISOString());
    expect(t1?.request.url).toBe('ws://127.0.0.1:9/http-503');
    expect(t1?._clientId).toBe('panel');
    expect(har.log._entries.map((e) => e.name)).toEqual(['onSocketOpen', 'no-listeners']);
    expect(har.log._stats).toEqual(meta.stats);
  });

  it("writes Chrome's message items: send/receive/error, seconds, opcode, data; binary as base64; extras only under _ keys", () => {
    const entries = sampleCapture();
    const messages = captureToHar(entries, meta).log.entries[0]?._webSocketMessages ?? [];
    expect(messages.map((m) => [m.type, m.opcode, m.data])).toEqual([
      ['send', 1, 'hello 世界'],
      ['receive', 2, 'AAEC/w=='],
      ['receive', 1, 'x'.repeat(64)],
      ['receive', 9, ''],
      ['send', 8, ''],
      ['error', -1, 'An unknown error.'],
    ]);
    const hello = entries.find((e) => e.payload === 'hello 世界') as CaptureEntry;
    expect(messages[0]?.time).toBe(hello.wallTime / 1000);
    expect(messages[0]?._seq).toBe(hello.seq);
    expect(messages[2]).toMatchObject({ _truncated: true, _size: 100 });
    expect(messages[5]).toMatchObject({ _errorCode: 1, _cause: 'ECONNRESET' });
    expect(messages[4]).toMatchObject({ _detail: { code: 1000, reason: 'bye' }, _payload: null });
    for (const message of messages) {
      expect(Object.keys(message).filter((k) => !k.startsWith('_')).sort()).toEqual(['data', 'opcode', 'time', 'type']);
    }
  });

  it('round-trips: export, import, export gives the identical HAR and restores every entry', () => {
    const entries = sampleCapture();
    const first = captureToHar(entries, meta);
    const imported = harToCapture(JSON.stringify(first, null, 2));
    expect(imported.warnings).toEqual([]);
    expect(imported.entries).toEqual(entries);
    expect(imported.stats).toEqual(meta.stats);
    const second = captureToHar(imported.entries, meta);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('round-trips wall times that do not survive division by 1000 exactly', () => {
    const base = sampleCapture()[5] as CaptureEntry;
    const entries = [0.1, 0.7, 0.3].map((fraction, i) => ({ ...base, seq: i, wallTime: 1_700_000_000_123 + fraction }));
    const imported = harToCapture(JSON.stringify(captureToHar(entries, meta)));
    expect(imported.entries.map((e) => e.wallTime)).toEqual(entries.map((e) => e.wallTime));
  });
});

describe('HAR import', () => {
  const chromeHar = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [{ startedDateTime: '2024-05-01T10:00:00.000Z', id: 'page_1', title: 'http://localhost/', pageTimings: { onContentLoad: 10, onLoad: 20 } }],
      entries: [
        {
          _initiator: { type: 'script' },
          _priority: 'High',
          _resourceType: 'xhr',
          cache: {},
          pageref: 'page_1',
          request: { method: 'GET', url: 'http://localhost/api', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
          response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 2, mimeType: 'application/json', text: '{}' }, redirectURL: '', headersSize: -1, bodySize: -1, _transferSize: 100 },
          serverIPAddress: '127.0.0.1',
          startedDateTime: '2024-05-01T10:00:00.100Z',
          time: 5.2,
          timings: { blocked: 1.1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 3.9, receive: 0.1, _blocked_queueing: 0.5 },
        },
        {
          _resourceType: 'websocket',
          cache: {},
          request: {
            method: 'GET', url: 'wss://echo.example/socket?v=2', httpVersion: 'HTTP/1.1',
            headers: [{ name: 'Sec-WebSocket-Protocol', value: 'chat' }, { name: 'Cookie', value: 'a=1' }, { name: 'Cookie', value: 'b=2' }],
            queryString: [{ name: 'v', value: '2' }], cookies: [{ name: 'a', value: '1' }], headersSize: -1, bodySize: 0,
          },
          response: { status: 101, statusText: 'Switching Protocols', httpVersion: 'HTTP/1.1', headers: [{ name: 'Upgrade', value: 'websocket' }], cookies: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: 0 },
          startedDateTime: '2024-05-01T10:00:01.000Z',
          time: 12.5,
          timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 12.5, receive: 0 },
          _webSocketMessages: [
            { type: 'send', time: 1714557601.25, opcode: 1, data: '{"op":"sub"}' },
            { type: 'receive', time: 1714557601.5, opcode: 2, data: 'AAEC/w==' },
            { type: 'receive', time: 1714557601.75, data: 'no opcode' },
            { type: 'mystery', time: 1714557601.8, opcode: 1, data: 'x' },
            { type: 'error', time: 1714557602, opcode: -1, data: 'net::ERR_CONNECTION_RESET' },
          ],
        },
      ],
    },
  };

  it("reads Chrome's own HAR: handshake, frames and errors, skipping what Chrome's importer skips", () => {
    const { entries, warnings } = harToCapture(JSON.stringify(chromeHar));
    expect(entries.map((e) => [e.seq, e.kind, e.name, e.direction])).toEqual([
      [0, 'lifecycle', 'connecting', 'none'],
      [1, 'lifecycle', 'handshake-response', 'in'],
      [2, 'lifecycle', 'open', 'none'],
      [3, 'frame', 'text', 'out'],
      [4, 'frame', 'binary', 'in'],
      [5, 'error', 'error', 'none'],
    ]);
    expect(entries[0]?.detail).toEqual({ url: 'wss://echo.example/socket?v=2', headers: { 'Sec-WebSocket-Protocol': 'chat', Cookie: 'a=1, b=2' } });
    expect(entries[1]?.detail).toEqual({ status: 101, statusText: 'Switching Protocols', headers: { Upgrade: 'websocket' } });
    expect(entries[3]).toMatchObject({ payload: '{"op":"sub"}', opcode: 1, size: 12, wallTime: 1714557601250, monoTime: 250, connectionId: 'w2', clientId: 'imported' });
    expect(entries[4]).toMatchObject({ payload: 'AAEC/w==', opcode: 2, binary: true, size: 4 });
    expect(entries[5]).toMatchObject({ errorMessage: 'net::ERR_CONNECTION_RESET', monoTime: 1000 });
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/_webSocketMessages\[2\] skipped: opcode/);
    expect(warnings.join('\n')).toMatch(/_webSocketMessages\[3\] skipped: type/);
    expect(warnings.join('\n')).toMatch(/1 entries that are not WebSocket connections were skipped/);
  });

  it('exports an imported Chrome HAR as a valid HAR again, with the same messages', () => {
    const { entries } = harToCapture(JSON.stringify(chromeHar));
    const har = captureToHar(entries, meta);
    expect(har12Problems(JSON.parse(JSON.stringify(har)))).toEqual([]);
    expect(har.log.entries[0]?.request.url).toBe('wss://echo.example/socket?v=2');
    expect(har.log.entries[0]?.response).toMatchObject({ status: 101, statusText: 'Switching Protocols', headers: [{ name: 'Upgrade', value: 'websocket' }] });
    expect(har.log.entries[0]?.request.headers).toEqual([{ name: 'Sec-WebSocket-Protocol', value: 'chat' }, { name: 'Cookie', value: 'a=1, b=2' }]);
    expect(har.log.entries[0]?._webSocketMessages.map((m) => [m.type, m.time, m.opcode, m.data])).toEqual([
      ['send', 1714557601.25, 1, '{"op":"sub"}'],
      ['receive', 1714557601.5, 2, 'AAEC/w=='],
      ['error', 1714557602, -1, 'net::ERR_CONNECTION_RESET'],
    ]);
  });

  it('rejects malformed input with a clear error', () => {
    expect(() => harToCapture('{"log":')).toThrow(/not a HAR file: the text is not JSON/);
    expect(() => harToCapture('[]')).toThrow(/not a HAR 1\.2 file/);
    expect(() => harToCapture(JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' } } }))).toThrow(/log\.entries/);
    const noTimings = structuredClone(chromeHar) as { log: { entries: Record<string, unknown>[] } };
    delete noTimings.log.entries[1]?.timings;
    expect(() => harToCapture(JSON.stringify(noTimings))).toThrow(/log\.entries\.1\.timings/);
    const badHeader = structuredClone(chromeHar);
    (badHeader.log.entries[1]?.request.headers[0] as { value: unknown }).value = 42;
    expect(() => harToCapture(JSON.stringify(badHeader))).toThrow(/headers\.0\.value/);
    const badDate = structuredClone(chromeHar);
    (badDate.log.entries[1] as { startedDateTime: string }).startedDateTime = 'yesterday';
    expect(() => harToCapture(JSON.stringify(badDate))).toThrow(/ISO 8601/);
  });

  it('keeps what is valid in a damaged HAR of ours and says what it dropped', () => {
    const har = JSON.parse(JSON.stringify(captureToHar(sampleCapture(), meta))) as { log: { entries: { _events: unknown[]; _webSocketMessages: Record<string, unknown>[] }[] } };
    const s1 = har.log.entries[0];
    if (!s1) throw new Error('sample has no s1');
    s1._events.push({ kind: 'nonsense' });
    (s1._webSocketMessages[1] as Record<string, unknown>)._size = -5;
    (s1._webSocketMessages[2] as Record<string, unknown>)._seq = 5; // duplicates the seq of the first message
    const { entries, warnings } = harToCapture(JSON.stringify(har));
    expect(warnings.some((w) => /_events\[\d+\] skipped/.test(w))).toBe(true);
    expect(warnings.some((w) => /_webSocketMessages\[1\] skipped: size/.test(w))).toBe(true);
    expect(warnings).toContain('1 entries repeated a seq and were dropped');
    expect(entries).toHaveLength(sampleCapture().length - 2);
    expect(entries.every((e, i) => i === 0 || e.seq > (entries[i - 1]?.seq ?? -1))).toBe(true);
  });
});
