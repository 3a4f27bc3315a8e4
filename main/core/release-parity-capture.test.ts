// The release-parity verdict over what the real engine records for real connections to the lab (plain ws
// on loopback, self-signed wss with and without "ignore certificate errors", an unrequested subprotocol,
// dropped headers and non-ASCII data), so the verdict reads the capture as the engine really writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../shared/json';
import type { ParityItemId, ParityVerdict } from '../../shared/release-parity';
import { releaseParity } from '../../shared/release-parity';
import type { SettingsPatch } from '../../shared/settings';
import type { LabServer } from '../lab/lab-server';
import { startLabServer } from '../lab/lab-server';
import { createEngine } from './engine';
import type { Engine } from './ports';
import { attachWireTestClient } from './test-support/wire-test-client';

let lab: LabServer;
const engines: Engine[] = [];
beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.shutdown()));
  await lab?.close();
});

/** Connects once through a fresh engine and returns the verdict over its whole capture once the socket settled. */
async function verdictOf(options: { [key: string]: Json }, settings: SettingsPatch = {}, settle: 'open' | 'close' = 'open'): Promise<ParityVerdict> {
  const engine = createEngine();
  engines.push(engine);
  engine.updateSettings(settings);
  const client = attachWireTestClient(engine);
  const result = await client.result(client.call('connect', options));
  expect(result.ok).toBe(true);
  await client.event(null, settle);
  const connectionId = engine.state().connections[0]?.connectionId ?? '';
  expect(connectionId).toBe('s1');
  return releaseParity(connectionId, engine.capture.from(0), engine.settings());
}

const item = (verdict: ParityVerdict, id: ParityItemId) => verdict.items.find((candidate) => candidate.id === id);

describe('release parity over real captures', () => {
  it('the lab echo (ws on 127.0.0.1) fails scheme and host, with reasons', async () => {
    const verdict = await verdictOf({ url: lab.url('echo') });
    expect(verdict.overall).toBe('fail');
    expect(item(verdict, 'scheme')).toMatchObject({ status: 'fail', reason: expect.stringContaining('ws://') });
    expect(item(verdict, 'host')).toMatchObject({ status: 'fail', reason: expect.stringContaining('127.0.0.1 is a loopback address') });
    expect(item(verdict, 'headers')?.status).toBe('pass');
    expect(item(verdict, 'url')?.status).toBe('pass');
  });

  it('self-signed wss fails the certificate with the TLS cause, also when ignoring certificate errors lets it open', async () => {
    const rejected = await verdictOf({ url: lab.url('wss-echo') }, {}, 'close');
    expect(item(rejected, 'scheme')?.status).toBe('pass');
    expect(item(rejected, 'certificate')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/rejected \(.*(SELF_SIGNED|CERT).*\)/) });
    const masked = await verdictOf({ url: lab.url('wss-echo') }, { ignoreCertificateErrors: true });
    expect(item(masked, 'certificate')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/not valid \(.*(SELF_SIGNED|CERT).*\): "Ignore certificate errors" let the devtools connect/) });
  });

  it('an unrequested subprotocol fails negotiation (9)', async () => {
    const verdict = await verdictOf({ url: lab.url('unrequested-protocol') }, {}, 'close');
    expect(item(verdict, 'subprotocol')).toMatchObject({ status: 'fail', reason: expect.stringContaining('negotiation failed') });
  });

  it('dropped headers, `protocols` alone and data the devtools had to percent-encode are warned about', async () => {
    const verdict = await verdictOf({ url: lab.url('echo'), header: { Referer: 'https://app.example/', 'X-Token': 't' }, protocols: ['chat'], data: { name: '张三' } });
    expect(item(verdict, 'headers')).toMatchObject({ status: 'warn', reason: expect.stringContaining('Not sent: Referer') });
    expect(item(verdict, 'subprotocol')).toMatchObject({ status: 'warn', reason: expect.stringContaining('server chose "chat"') });
    expect(item(verdict, 'url')).toMatchObject({ status: 'warn', reason: expect.stringContaining('percent-encoded') });
  });

  it('non-ASCII written into the URL itself fails the URL check', async () => {
    const verdict = await verdictOf({ url: `${lab.url('echo')}?room=大厅` });
    expect(item(verdict, 'url')).toMatchObject({ status: 'fail', reason: expect.stringContaining('大 厅') });
  });

  it('a configured allowlist that does not name 127.0.0.1 fails the allowlist item', async () => {
    const verdict = await verdictOf({ url: lab.url('echo') }, { domainAllowlist: 'chat.example.com' });
    expect(item(verdict, 'allowlist')).toMatchObject({ status: 'fail', reason: expect.stringContaining('127.0.0.1 is not on the configured allowlist') });
  });
});
