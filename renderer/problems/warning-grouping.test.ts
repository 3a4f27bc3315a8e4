import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { Json } from '../../shared/json';
import { WARNING_IDS, type WarningId } from '../../shared/warning-ids';
import { entry } from '../timeline/test-support/timeline-entries';
import { describeFigureSpan, groupProblems, shortFigureSpan } from './group-problems';

/** One occurrence as logWarning writes it: text, detail and the connection it was on. */
interface Occurrence {
  text: string;
  detail?: Record<string, Json>;
  connectionId?: string;
}

/** Per id: two occurrences of the same problem (they fold), and one of another problem (it stays apart from the first); no `apart` when every occurrence of the id on one client and page is the same problem. */
interface GroupingCase {
  fold: [Occurrence, Occurrence];
  apart?: Occurrence;
  /** The changing figure over `fold`, in words, when the id has one. */
  span?: string;
}

const text = (first: string, other: string): GroupingCase => ({ fold: [{ text: first, connectionId: 't1' }, { text: first, connectionId: 't2' }], apart: { text: other } });
const pileup = (event: string, target: string | null, count: number): Occurrence => ({
  text: `The same ${event} listener is now registered ${count} times.`,
  detail: { event, target, sameFunctionCount: count },
});
const threw = (event: string, target: string | null, errors: string[]): Occurrence => ({ text: `${errors.length} ${event} listener(s) threw.`, detail: { event, target, errors } });
const lag = (bytes: number, limit: number): Occurrence => ({
  text: `The page is not reading what the engine sends: ${bytes} bytes wait for it (bound ${limit}). What feeds it waits until it reads again; nothing is dropped.`,
  detail: { bound: 'bytes buffered', limit, bytes, episodes: 1 },
});
const burstEnd = (channel: string, perSecond: number): Occurrence => ({
  text: `The ${channel} burst is over: the app sent ${perSecond} msgs/s for 900 ms; up to 3 message(s) waited at once, none failed.`,
  detail: { channel, held: 3, ratePerSecond: perSecond, burstMs: 900 },
});
const problem = (file: string | undefined, line: number, message: string): Occurrence => ({
  text: `${file === undefined ? '' : `${file}:${line}: `}${message}`,
  detail: file === undefined ? { kind: 'error' } : { kind: 'error', file, line, column: 7 },
});

const CASES: Record<WarningId, GroupingCase> = {
  'send-before-open': {
    fold: [{ text: 'send while the connection is CONNECTING; nothing was queued.', detail: { state: 'CONNECTING' }, connectionId: 's1' }, { text: 'send while the connection is CONNECTING; nothing was queued.', detail: { state: 'CONNECTING' }, connectionId: 's2' }],
    apart: { text: 'send while the connection is CLOSED; nothing was queued.', detail: { state: 'CLOSED' } },
  },
  'no-listeners': {
    fold: [{ text: 'The message event reached no listener.', detail: { event: 'message', target: 't1' } }, { text: 'The message event reached no listener.', detail: { event: 'message', target: 't7' } }],
    apart: { text: 'The message event reached no listener.', detail: { event: 'message', target: null } },
  },
  'listener-pileup': { fold: [pileup('message', null, 2), pileup('message', null, 4)], apart: pileup('open', null, 2), span: 'registrations 2–4, newest 4' },
  'second-single-connect': {
    fold: [
      { text: 'connectSocket while s1 is OPEN: policy "replace".', detail: { policy: 'replace', state: 'OPEN' }, connectionId: 's1' },
      { text: 'connectSocket while s4 is OPEN: policy "replace".', detail: { policy: 'replace', state: 'OPEN' }, connectionId: 's4' },
    ],
    apart: { text: 'connectSocket while s1 is OPEN: policy "reject".', detail: { policy: 'reject', state: 'OPEN' }, connectionId: 's1' },
    span: 'connection s1 first, s4 newest',
  },
  'close-code-browser-rejects': {
    fold: [{ text: 'Close code 1001 was sent, but browsers only accept 1000 or 3000-4999.', detail: { code: 1001 } }, { text: 'Close code 1001 was sent, but browsers only accept 1000 or 3000-4999.', detail: { code: 1001 } }],
    apart: { text: 'Close code 2000 was sent, but browsers only accept 1000 or 3000-4999.', detail: { code: 2000 } },
  },
  'reason-too-long': {
    fold: [{ text: 'The close reason is 140 UTF-8 bytes; at most 123 fit in a close frame.', detail: { bytes: 140 } }, { text: 'The close reason is 131 UTF-8 bytes; at most 123 fit in a close frame.', detail: { bytes: 131 } }],
    span: 'reason bytes 131–140, newest 131',
  },
  'invalid-base64': text('isBuffer is set but data is not valid base64.', 'other'),
  'arraybuffer-sent': text('data was an ArrayBuffer/typed array; it was sent as a binary frame (old clients accept strings only).', 'other'),
  'header-dropped': {
    fold: [{ text: 'Header "Host" is owned by the handshake or removed by the client; it was not sent.', detail: { header: 'Host' } }, { text: 'Header "host" is owned by the handshake or removed by the client; it was not sent.', detail: { header: 'host' } }],
    apart: { text: 'Header "Origin" is owned by the handshake or removed by the client; it was not sent.', detail: { header: 'Origin' } },
  },
  'url-fragment': {
    fold: [{ text: 'The fragment "#t=1" was stripped from the URL before connecting.', detail: { fragment: '#t=1' } }, { text: 'The fragment "#t=2" was stripped from the URL before connecting.', detail: { fragment: '#t=2' } }],
    span: 'fragment #t=1 first, #t=2 newest',
  },
  'close-without-connection': text('close with no live connection: answered success, did nothing.', 'other'),
  'close-before-open': text('closed while the handshake was running: aborted, close code 1006.', 'other'),
  'task-limit': {
    fold: [{ text: '5 SocketTasks are live; the limit is 5.', detail: { limit: 5 } }, { text: '8 SocketTasks are live; the limit is 8.', detail: { limit: 8 } }],
  },
  'data-not-object': text('data is a string, not an object, and was ignored.', 'data is an array, not an object, and was ignored.'),
  'data-percent-encoded': text('Characters of data that are illegal in a URL were percent-encoded; some Alipay clients send them as they are.', 'other'),
  'listener-threw': { fold: [threw('message', 't1', ['a']), threw('message', 't2', ['a', 'b'])], apart: threw('message', null, ['a']), span: 'listeners that threw 1–2, newest 2' },
  'isbuffer-missing': text('data looks like base64 but isBuffer is not set: it was sent as text.', 'other'),
  'insecure-ws': text('Plain ws:// is refused by release builds of mini programs created since May 2019.', 'other'),
  'reconnect-storm': {
    fold: [{ text: 'reconnect storm: more than 5 replacements within 1000 ms; connectSocket refused', detail: { limit: 5, windowMs: 1000 } }, { text: 'reconnect storm: more than 9 replacements within 1000 ms; connectSocket refused', detail: { limit: 9, windowMs: 1000 } }],
  },
  'listener-not-function': text('onSocketMessage was given onSocketMessage expects a function, got undefined; the call was ignored, not a function; ignored.', 'onSocketOpen was given onSocketOpen expects a function, got null; the call was ignored, not a function; ignored.'),
  'invalid-message': {
    fold: [{ text: 'A message from the client was not read: it holds more than 100000 values (900000 characters); my never sends one, so it was dropped.', detail: { limit: 100000, chars: 900000 } }, { text: 'A message from the client was not read: it holds more than 100000 values (700000 characters); my never sends one, so it was dropped.', detail: { limit: 100000, chars: 700000 } }],
    apart: { text: 'a message on my:call was not valid: op is required', detail: { channel: 'my:call', issue: 'op is required' } },
    span: 'characters 700000–900000, newest 700000',
  },
  'client-send-failed': text('The client link threw: closed', 'The client link threw: broken pipe'),
  'force-close-invalid': text('forceClose code is 5; closed with 1000 instead.', 'forceClose reason is 200 UTF-8 bytes; closed with 1000 instead.'),
  'force-close-unknown': {
    fold: [{ text: 'No live connection t1 to close.', detail: { connectionId: 't1' } }, { text: 'No live connection t3 to close.', detail: { connectionId: 't3' } }],
    span: 'connection t1 first, t3 newest',
  },
  'inject-failed': text('Injection refused: the connection is CLOSED.', 'Injection refused: the frame is too large.'),
  'invalid-settings': text('Settings patch refused: maxTasks too big', 'Settings patch refused: unknown key'),
  'invalid-panel-message': text('panel message rejected: kind required', 'panel message rejected: not JSON'),
  'panel-request-failed': text('panel request "har" failed: disk full', 'panel request "session" failed: disk full'),
  'call-rate-limit': {
    fold: [{ text: 'The app is sending more than 200 send msgs/s (burst 400): later calls wait.', detail: { channel: 'send' } }, { text: 'The app is sending more than 100 send msgs/s (burst 400): later calls wait.', detail: { channel: 'send' } }],
    apart: { text: 'The app is sending more than 200 call msgs/s (burst 400): later calls wait.', detail: { channel: 'call' } },
  },
  'call-rate-limit-end': { fold: [burstEnd('send', 900), burstEnd('send', 450)], apart: burstEnd('call', 900), span: 'rate in msgs/s 450–900, newest 450' },
  'app-json-invalid': text('app.json is not valid JSON', 'app.json has no pages'),
  'miniapp-blocked': text('blocked the mini-app navigating to https://a.example/', 'blocked the mini-app navigating to https://b.example/'),
  'request-rejected': text('The lab server refused a request: bad path.', 'The lab server refused a request: bad method.'),
  'miniprogram-problem': {
    fold: [problem('pages/index/index.js', 12, 'Invalid value 37'), problem('pages/index/index.js', 12, 'Invalid value 38')],
    apart: problem('pages/index/index.js', 13, 'Invalid value 37'),
  },
  'preferences-unsaved': text('panel preferences not saved: EACCES', 'panel preferences not saved: ENOSPC'),
  'preferences-unreadable': text('preferences file is not JSON', 'preferences file is unreadable'),
  'sessions-storage': text('session folder is full', 'session file is broken'),
  'capture-memory-bound': {
    fold: [{ text: 'The capture holds at most 1000 bytes in memory.', detail: { maxBytes: 1000, dropped: 1 } }, { text: 'The capture holds at most 1000 bytes in memory.', detail: { maxBytes: 1000, dropped: 40 } }],
    apart: { text: 'The capture holds at most 2000 bytes in memory.', detail: { maxBytes: 2000, dropped: 1 } },
    span: 'entries dropped 1–40, newest 40',
  },
  'client-bound': { fold: [lag(9_000_000, 8_388_608), lag(12_000_000, 8_388_608)], apart: lag(9_000_000, 4_194_304), span: 'bytes waiting 9000000–12000000, newest 12000000' },
  'resend-failed': text('Resend refused: the connection is CLOSED.', 'Resend refused: no such frame.'),
  'api-unsupported': {
    fold: [{ text: 'my.scan is not available in the preview; the call failed with error 1.', detail: { api: 'scan' } }, { text: 'my.scan is not available in the preview; the call failed with error 1.', detail: { api: 'scan' } }],
    apart: { text: 'my.getLocation is not available in the preview; the call failed with error 1.', detail: { api: 'getLocation' } },
  },
  'request-header-dropped': text('my.request did not send the header Authorization (its value is null, not a string).', 'my.request did not send the header host (the client sets it).'),
  'storage-write-refused': {
    fold: [{ text: 'data too long: key "a" needs 300000 bytes, the limit is 200 KB per key', detail: { error: 14 } }, { text: 'data too long: key "a" needs 310000 bytes, the limit is 200 KB per key', detail: { error: 14 } }],
    apart: { text: 'storage full: the write would use 10485800 bytes, the limit is 10 MB per mini-program', detail: { error: 12 } },
  },
  'storage-file-unreadable': text('storage file is not JSON', 'storage file is unreadable'),
  'foreign-host-refused': text('The lab server refused a request for Host "evil.example"', 'The lab server refused a request for Host "other.example"'),
  'foreign-origin-refused': text('The lab server refused a request from the web page https://evil.example', 'The lab server refused a request from the web page https://other.example'),  'payment-not-emulated': {
    fold: [
      { text: 'my.tradePay(T1) answered resultCode 6001 (the user cancelled): payments are not emulated, nothing was paid.', detail: { resultCode: '6001' } },
      { text: 'my.tradePay(T2) answered resultCode 6001 (the user cancelled): payments are not emulated, nothing was paid.', detail: { resultCode: '6001' } },
    ],
    apart: { text: 'my.tradePay(T3) answered resultCode 9000 (order processed (paid)): payments are not emulated, nothing was paid.', detail: { resultCode: '9000' } },
  },
  'remote-resource-refused': {
    // The same font origin from two sheets is one row; an image from that origin is another.
    fold: [
      { text: 'pages/a/a.acss: ACSS loads a font from https://at.alicdn.com: …', detail: { kind: 'acss', file: 'pages/a/a.acss', resource: 'font', origin: 'https://at.alicdn.com' } },
      { text: 'pages/b/b.acss: ACSS loads a font from https://at.alicdn.com: …', detail: { kind: 'acss', file: 'pages/b/b.acss', resource: 'font', origin: 'https://at.alicdn.com' } },
    ],
    apart: { text: 'pages/a/a.acss: ACSS loads an image from https://at.alicdn.com: …', detail: { kind: 'acss', file: 'pages/a/a.acss', resource: 'image', origin: 'https://at.alicdn.com' } },
  },
};

let seq = 0;
function warning(id: string, occurrence: Occurrence, fields: Partial<CaptureEntry> = {}): CaptureEntry {
  seq += 1;
  return entry(seq, seq * 10, {
    kind: 'warning',
    name: id,
    clientId: 'app-1',
    connectionId: occurrence.connectionId ?? 's1',
    errorMessage: occurrence.text,
    detail: { warning: id, ...occurrence.detail },
    ...fields,
  });
}

describe('warning grouping per id', () => {
  it.each(WARNING_IDS.map((id) => [id, CASES[id]] as const))('%s: the same problem folds, another stays apart', (id, { fold, apart, span }) => {
    const [a, b] = fold;
    const folded = groupProblems([warning(id, a), warning(id, b)]);
    expect(folded.groups.map((group) => group.count)).toEqual([2]);
    expect(folded.groups[0]!.latest.errorMessage).toBe(b.text);
    expect(folded.groups[0]!.figure ? describeFigureSpan(folded.groups[0]!.figure) : undefined).toBe(span);
    if (apart) expect(groupProblems([warning(id, a), warning(id, apart)]).groups).toHaveLength(2);
  });

  it('keeps the same problem apart on another client or page, whatever the id', () => {
    for (const id of WARNING_IDS) {
      const [a] = CASES[id].fold;
      expect(groupProblems([warning(id, a), warning(id, a, { clientId: 'app-2' }), warning(id, a, { page: 'pages/cart/cart' })]).groups).toHaveLength(3);
    }
  });

  it('folds an id it does not know only when the text is identical', () => {
    const { groups } = groupProblems([warning('future-id', { text: 'x 1' }), warning('future-id', { text: 'x 1' }), warning('future-id', { text: 'x 2' })]);
    expect(groups.map((group) => group.count)).toEqual([2, 1]);
  });

  it('shows one value when the figure did not change', () => {
    const { groups } = groupProblems([warning('listener-pileup', pileup('message', null, 3)), warning('listener-pileup', pileup('message', null, 3))]);
    expect(describeFigureSpan(groups[0]!.figure!)).toBe('registrations 3 each time');
    expect(shortFigureSpan(groups[0]!.figure!)).toBeUndefined();
  });

  it('gives the row a changing number as its range and a changing text as its newest value', () => {
    const span = (id: WarningId) => shortFigureSpan(groupProblems(CASES[id].fold.map((occurrence) => warning(id, occurrence))).groups[0]!.figure!);
    expect([span('listener-pileup'), span('second-single-connect')]).toEqual(['2–4', 's4']);
  });
});
