import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from './capture';
import { findAllowedDomain, parseDomainAllowlist } from './domain-allowlist';
import { hostReach } from './host-reach';
import type { ParityItemId, ParitySettings, ParityVerdict } from './release-parity';
import { releaseParity } from './release-parity';

const RELEASE_LIKE: ParitySettings = { strictWss: true, ignoreCertificateErrors: false, domainAllowlist: 'chat.example.com' };

let seq = 0;
function entry(fields: Partial<CaptureEntry> & Pick<CaptureEntry, 'kind' | 'name'>): CaptureEntry {
  seq += 1;
  return { seq, wallTime: 1_700_000_000_000 + seq, monoTime: seq, clientId: 'app-1', connectionId: 's1', direction: 'none', size: 0, ...fields };
}

interface ConnectionShape {
  url: string;
  rawUrl?: string;
  opened?: boolean;
  error?: { code: number; cause: string };
  requested?: string[];
  protocolSource?: string;
  chosen?: string;
  warnings?: { name: string; message: string; detail?: CaptureEntry['detail'] }[];
  withCall?: boolean;
}

/** The entries the engine writes for one connectSocket (call, its warnings, connecting, result, open or error). */
function connection(shape: ConnectionShape): CaptureEntry[] {
  const withCall = shape.withCall ?? true;
  const out: CaptureEntry[] = [];
  if (withCall) out.push(entry({ kind: 'call', name: 'connectSocket', connectionId: '', detail: { callId: 7, target: null, options: { url: shape.rawUrl ?? shape.url } } }));
  for (const warning of shape.warnings ?? []) {
    out.push(entry({ kind: 'warning', name: warning.name, connectionId: '', errorMessage: warning.message, detail: { warning: warning.name, ...warning.detail } }));
  }
  out.push(entry({ kind: 'lifecycle', name: 'connecting', detail: { url: shape.url, headers: {}, requestedProtocols: shape.requested ?? [], protocolSource: shape.protocolSource ?? 'none', timeoutMs: 30000 } }));
  if (withCall) out.push(entry({ kind: 'result', name: 'connectSocket', detail: { callId: 7, ok: true, payload: {} } }));
  if (shape.error) out.push(entry({ kind: 'error', name: 'error', direction: 'in', errorCode: shape.error.code, errorMessage: 'x', cause: shape.error.cause }));
  if (shape.opened ?? !shape.error) out.push(entry({ kind: 'lifecycle', name: 'open', detail: { protocol: shape.chosen ?? '', url: shape.url } }));
  return out;
}

const item = (verdict: ParityVerdict, id: ParityItemId) => {
  const found = verdict.items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id} item`);
  return found;
};
const statuses = (verdict: ParityVerdict) => Object.fromEntries(verdict.items.map((candidate) => [candidate.id, candidate.status]));

describe('releaseParity', () => {
  it('passes a wss connection to an allowlisted domain on 443 whose certificate was verified', () => {
    const verdict = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws?room=1' }), RELEASE_LIKE);
    expect(statuses(verdict)).toEqual({ scheme: 'pass', certificate: 'pass', host: 'pass', allowlist: 'pass', port: 'pass', url: 'pass', subprotocol: 'pass', headers: 'pass' });
    expect(verdict.overall).toBe('pass');
    expect(verdict.url).toBe('wss://chat.example.com/ws?room=1');
  });

  it('fails ws:// on a loopback address with the reasons and says which relaxation let it through', () => {
    const verdict = releaseParity('s1', connection({ url: 'ws://127.0.0.1:40123/echo' }), { ...RELEASE_LIKE, strictWss: false, domainAllowlist: '' });
    expect(verdict.overall).toBe('fail');
    expect(item(verdict, 'scheme')).toMatchObject({ status: 'fail', reason: expect.stringContaining('fails with 20') });
    expect(item(verdict, 'scheme').reason).toContain('"Strict wss" is off');
    expect(item(verdict, 'scheme').fix).toContain('wss://');
    expect(item(verdict, 'host')).toMatchObject({ status: 'fail', reason: expect.stringContaining('loopback') });
    expect(item(verdict, 'certificate').status).toBe('skip');
    expect(item(verdict, 'allowlist')).toMatchObject({ status: 'warn', reason: expect.stringContaining('No domain allowlist') });
    expect(item(verdict, 'port')).toMatchObject({ status: 'warn', reason: expect.stringContaining('40123') });
  });

  it('does not mention the strict-wss relaxation when it is on', () => {
    const verdict = releaseParity('s1', connection({ url: 'ws://chat.example.com/ws' }), RELEASE_LIKE);
    expect(item(verdict, 'scheme').status).toBe('fail');
    expect(item(verdict, 'scheme').reason).not.toContain('Strict wss');
  });

  it('fails the certificate on error 7 or a recorded invalid certificate, and warns when ignoring certificate errors hides whether it is valid', () => {
    const rejected = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws', error: { code: 7, cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }), RELEASE_LIKE);
    expect(item(rejected, 'certificate')).toMatchObject({ status: 'fail', reason: expect.stringContaining('DEPTH_ZERO_SELF_SIGNED_CERT') });
    expect(rejected.overall).toBe('fail');
    const masked = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws' }), { ...RELEASE_LIKE, ignoreCertificateErrors: true });
    expect(item(masked, 'certificate')).toMatchObject({ status: 'warn', reason: expect.stringContaining('"Ignore certificate errors" is on') });
    expect(masked.overall).toBe('warn');
    const invalidButIgnored = connection({ url: 'wss://chat.example.com/ws' }).map((entry) =>
      entry.name === 'open' ? { ...entry, detail: { ...entry.detail, certificateError: 'DEPTH_ZERO_SELF_SIGNED_CERT' } } : entry,
    );
    const unmasked = releaseParity('s1', invalidButIgnored, { ...RELEASE_LIKE, ignoreCertificateErrors: true });
    expect(item(unmasked, 'certificate')).toMatchObject({ status: 'fail', reason: expect.stringContaining('not valid (DEPTH_ZERO_SELF_SIGNED_CERT)') });
    const otherFailure = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws', error: { code: 1, cause: 'ECONNREFUSED' } }), RELEASE_LIKE);
    expect(item(otherFailure, 'certificate').status).toBe('skip');
  });

  it.each([
    ['wss://192.168.1.20/ws', 'lan'],
    ['wss://10.0.0.5/ws', 'lan'],
    ['wss://printer.local/ws', 'lan'],
    ['wss://devbox/ws', 'lan'],
    ['wss://[::1]:8443/ws', 'loopback'],
    ['wss://localhost/ws', 'loopback'],
    ['wss://8.8.8.8/ws', 'IP address'],
  ])('fails the host %s (%s)', (url, words) => {
    const verdict = releaseParity('s1', connection({ url }), RELEASE_LIKE);
    expect(item(verdict, 'host').status).toBe('fail');
    expect(item(verdict, 'host').reason).toContain(words === 'lan' ? 'local network' : words);
  });

  it('fails a host missing from a configured allowlist, and names the port when only another port is listed', () => {
    const missing = releaseParity('s1', connection({ url: 'wss://api.example.com/ws' }), RELEASE_LIKE);
    expect(item(missing, 'allowlist')).toMatchObject({ status: 'fail', reason: expect.stringContaining('api.example.com is not on the configured allowlist') });
    const wrongPort = releaseParity('s1', connection({ url: 'wss://chat.example.com:9443/ws' }), { ...RELEASE_LIKE, domainAllowlist: 'chat.example.com:8443' });
    expect(item(wrongPort, 'allowlist')).toMatchObject({ status: 'fail', reason: expect.stringContaining('only for port 8443, not 9443') });
    expect(item(wrongPort, 'allowlist').fix).toContain('chat.example.com:9443');
    const listedPort = releaseParity('s1', connection({ url: 'wss://chat.example.com:8443/ws' }), { ...RELEASE_LIKE, domainAllowlist: 'wss://chat.example.com:8443' });
    expect(statuses(listedPort)).toMatchObject({ allowlist: 'pass', port: 'pass' });
  });

  it('fails spaces and non-ASCII in the URL as the app wrote it, and warns about what the devtools encoded', () => {
    const chinese = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws?name=张三' }), RELEASE_LIKE);
    expect(item(chinese, 'url')).toMatchObject({ status: 'fail', reason: expect.stringContaining('张 三') });
    const spaced = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws?a=b', rawUrl: 'wss://chat.example.com/ws?a=b c' }), RELEASE_LIKE);
    expect(item(spaced, 'url').reason).toContain('space');
    const encoded = releaseParity(
      's1',
      connection({ url: 'wss://chat.example.com/ws?name=%E5%BC%A0', warnings: [{ name: 'data-percent-encoded', message: 'Characters of data that are illegal in a URL were percent-encoded.' }] }),
      RELEASE_LIKE,
    );
    expect(item(encoded, 'url')).toMatchObject({ status: 'warn', reason: expect.stringContaining('percent-encoded') });
  });

  it('judges subprotocol negotiation: error 9 fails, `protocols` alone warns, a header passes', () => {
    const refused = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws', error: { code: 9, cause: 'Server sent a subprotocol but none was requested' } }), RELEASE_LIKE);
    expect(item(refused, 'subprotocol')).toMatchObject({ status: 'fail', reason: expect.stringContaining('none was requested') });
    const viaOption = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws', requested: ['mqtt'], protocolSource: 'protocols', chosen: 'mqtt' }), RELEASE_LIKE);
    expect(item(viaOption, 'subprotocol')).toMatchObject({ status: 'warn', reason: expect.stringContaining('older Alipay clients dropped') });
    const viaHeader = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws', requested: ['mqtt'], protocolSource: 'both', chosen: 'mqtt' }), RELEASE_LIKE);
    expect(item(viaHeader, 'subprotocol')).toMatchObject({ status: 'pass', reason: 'Requested mqtt; the server chose "mqtt".' });
  });

  it('warns about dropped headers, and skips the check when the connect call is not held', () => {
    const dropped = releaseParity(
      's1',
      connection({ url: 'wss://chat.example.com/ws', warnings: [{ name: 'header-dropped', message: 'Header "Referer" …', detail: { header: 'Referer' } }] }),
      RELEASE_LIKE,
    );
    expect(item(dropped, 'headers')).toMatchObject({ status: 'warn', reason: expect.stringContaining('Not sent: Referer') });
    const imported = releaseParity('s1', connection({ url: 'wss://chat.example.com/ws', withCall: false }), RELEASE_LIKE);
    expect(item(imported, 'headers').status).toBe('skip');
    expect(imported.overall).toBe('pass');
  });

  it('reads only its own connection, and warnings of the same client between its call and its connecting step', () => {
    const other = connection({ url: 'ws://10.0.0.1/x', warnings: [{ name: 'header-dropped', message: 'x', detail: { header: 'Cookie' } }] }).map((e) => ({ ...e, connectionId: e.connectionId && 's9' }));
    const mine = connection({ url: 'wss://chat.example.com/ws' });
    const verdict = releaseParity('s1', [...other, ...mine], RELEASE_LIKE);
    expect(verdict.overall).toBe('pass');
    expect(verdict.url).toBe('wss://chat.example.com/ws');
  });

  it('says what it cannot tell when the connecting step is gone, and fails a URL that does not parse', () => {
    const gone = releaseParity('s1', [entry({ kind: 'frame', name: 'text', direction: 'in', payload: 'x' })], RELEASE_LIKE);
    expect(gone.items).toEqual([expect.objectContaining({ id: 'url', status: 'skip' })]);
    const broken = releaseParity('s1', connection({ url: 'not a url' }), RELEASE_LIKE);
    expect(broken).toMatchObject({ overall: 'fail', items: [expect.objectContaining({ id: 'url', status: 'fail' })] });
  });
});

describe('hostReach', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.8.9.1', 'loopback'], ['0.0.0.0', 'loopback'], ['localhost', 'loopback'], ['app.localhost', 'loopback'], ['[::1]', 'loopback'],
    ['10.1.2.3', 'lan'], ['172.16.0.1', 'lan'], ['172.31.255.255', 'lan'], ['192.168.0.9', 'lan'], ['169.254.1.1', 'lan'], ['100.64.0.1', 'lan'],
    ['[fd00::1]', 'lan'], ['[fe80::1]', 'lan'], ['[::ffff:c0a8:1]', 'lan'], ['[::ffff:7f00:1]', 'loopback'], ['nas.local', 'lan'], ['devbox', 'lan'], ['router.home.arpa', 'lan'],
    ['172.32.0.1', 'public-ip'], ['8.8.8.8', 'public-ip'], ['[2001:db8::1]', 'public-ip'],
    ['example.com', 'domain'], ['Chat.Example.COM.', 'domain'],
  ])('%s is %s', (host, reach) => {
    expect(hostReach(host)).toBe(reach);
  });
});

describe('domain allowlist', () => {
  it('reads hosts with or without scheme, port and path, separated any way', () => {
    expect(parseDomainAllowlist(' wss://a.example.com/path,b.example.com:8443\n\nC.example.com; https:// ')).toEqual([
      { host: 'a.example.com' },
      { host: 'b.example.com', port: 8443 },
      { host: 'c.example.com' },
    ]);
    expect(parseDomainAllowlist('')).toEqual([]);
  });

  it('matches exact host names, and the port when the entry names one', () => {
    const list = parseDomainAllowlist('a.example.com b.example.com:8443');
    expect(findAllowedDomain(list, 'A.example.com', 443)).toEqual({ host: 'a.example.com' });
    expect(findAllowedDomain(list, 'x.a.example.com', 443)).toBeUndefined();
    expect(findAllowedDomain(list, 'b.example.com', 8443)).toEqual({ host: 'b.example.com', port: 8443 });
    expect(findAllowedDomain(list, 'b.example.com', 443)).toBeUndefined();
  });
});
