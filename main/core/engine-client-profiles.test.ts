// Client profiles (docs/behaviour.md#client-profiles): the same real condition on real sockets yields the code,
// text and policy of the chosen profile — the Alipay+ table (the seed) or Alipay China's current one.
import { describe, expect, it } from 'vitest';
import { labPerFile } from '../lab/test-support/lab-per-file';
import type { EngineSettings } from '../../shared/settings';
import type { WireTestClient } from './test-support/wire-test-client';
import { attachWireTestClient } from './test-support/wire-test-client';
import { engineEachTest } from './test-support/engine-per-test';

const lab = labPerFile();
const engines = engineEachTest();

function setup(settings: Partial<EngineSettings> = {}): WireTestClient {
  return attachWireTestClient(engines.create(settings));
}

async function failureOf(client: WireTestClient, options: Parameters<WireTestClient['call']>[1]): Promise<{ error: number; errorMessage: string }> {
  const result = await client.result(client.call('connect', options));
  if (result.ok) throw new Error('connectSocket succeeded');
  return { error: result.error, errorMessage: result.errorMessage };
}

describe('client profile alipay-cn', () => {
  it('applies its presets (reject, strict wss) and a second single-mode connect fails with 3, the old socket untouched', async () => {
    const client = setup({ clientProfile: 'alipay-cn', strictWss: false });
    expect(engines.current().settings()).toMatchObject({ clientProfile: 'alipay-cn', singleModePolicy: 'reject', strictWss: false });
    await client.result(client.call('connect', { url: lab.url('echo') }));
    await client.event(null, 'open');
    expect(await failureOf(client, { url: lab.url('echo') })).toEqual({ error: 3, errorMessage: '该appId，SocketTaskID对应的WebSocket已存在' });
    expect(engines.current().state().connections.map((c) => c.state)).toEqual(['OPEN']);
  });

  it('fails a ws:// URL with 20 under its wss rule, an empty url with 2, a bad scheme with 5', async () => {
    const client = setup({ clientProfile: 'alipay-cn' });
    expect(await failureOf(client, { url: lab.url('echo') })).toEqual({ error: 20, errorMessage: '请求url不支持ws，请使用wss (strict wss is on: ws: URLs are refused)' });
    expect(await failureOf(client, { url: '' })).toEqual({ error: 2, errorMessage: '接口参数无效。 (url is empty)' });
    expect(await failureOf(client, { url: 'https://127.0.0.1/' })).toMatchObject({ error: 5 });
    expect(engines.current().state().connections).toEqual([]);
  });

  it('reports a real handshake timeout as 6 with the China wording', async () => {
    const client = setup({ clientProfile: 'alipay-cn', strictWss: false });
    await client.result(client.call('connect', { url: lab.url('silent'), timeout: 300 }));
    const error = await client.event(null, 'error');
    expect(error.payload).toEqual({ event: 'error', error: 6, errorMessage: '连接服务器超时。 (Opening handshake has timed out)' });
  });

  it('switching the profile later applies its presets to the next call', async () => {
    const client = setup();
    engines.current().updateSettings({ clientProfile: 'alipay-cn' });
    expect(engines.current().settings()).toMatchObject({ singleModePolicy: 'reject', strictWss: true });
    expect((await failureOf(client, { url: lab.url('echo') })).error).toBe(20);
    engines.current().updateSettings({ clientProfile: 'alipay-plus' });
    expect(engines.current().settings()).toMatchObject({ singleModePolicy: 'replace', strictWss: false });
  });
});

describe('client profile alipay-plus (the default, the seed)', () => {
  it('keeps the seed codes for the same conditions: already exists 2, url empty 3, ws:// under strict wss 5', async () => {
    const client = setup({ singleModePolicy: 'reject', strictWss: false });
    await client.result(client.call('connect', { url: lab.url('echo') }));
    await client.event(null, 'open');
    expect(await failureOf(client, { url: lab.url('echo') })).toEqual({ error: 2, errorMessage: 'A network connection already exists.' });
    expect(await failureOf(client, { url: '' })).toEqual({ error: 3, errorMessage: 'The URL parameter is null. (url is empty)' });
    engines.current().updateSettings({ strictWss: true });
    expect(await failureOf(client, { url: lab.url('echo') })).toMatchObject({ error: 5 });
  });
});
