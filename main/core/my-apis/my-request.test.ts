// my.request end to end: a page's `my` (shared/my) over a memory link to a real engine, against real
// HTTP and HTTPS servers on 127.0.0.1; every request is a capture entry of kind 'http' and a HAR entry.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import { captureToHar } from '../../../shared/har-export';
import type { MyApi } from '../../../shared/my';
import type { EngineSettings } from '../../../shared/settings';
import { NETWORK_PRESETS } from '../../../shared/debugging/network-conditions';
import { createEngine } from '../engine';
import type { Engine } from '../ports';
import { attachMyClient } from '../test-support/attach-my';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
let httpBase = '';
let httpsBase = '';
const servers: Server[] = [];

function handle(request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/json') response.writeHead(200, { 'content-type': 'application/json', 'x-token': 'abc' }).end('{"token":"t-1","n":2}');
    else if (path === '/text') response.writeHead(200, { 'content-type': 'text/plain' }).end('not json');
    else if (path === '/bytes') response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 255]));
    else if (path === '/gone') response.writeHead(410, { 'content-type': 'text/html' }).end('<h1>gone</h1>');
    else if (path === '/missing') response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"nope"}');
    else if (path === '/slow') setTimeout(() => response.writeHead(200).end('late'), 2000);
    else if (path === '/echo') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ body: Buffer.concat(chunks).toString('utf8') }));
    else response.writeHead(500).end();
  });
}

function listen(server: Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  httpBase = `http://127.0.0.1:${await listen(createServer(handle))}`;
  const pems = await generate([{ name: 'commonName', value: 'my.request test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  httpsBase = `https://127.0.0.1:${await listen(createTlsServer({ key: pems.private, cert: pems.cert }, handle))}`;
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
  seen.length = 0;
});

function attachMy(settings: Partial<EngineSettings> = {}): MyApi {
  engine = createEngine({ settings });
  return attachMyClient(engine).my;
}

function httpEntries(): CaptureEntry[] {
  return [...(engine?.capture.from(0) ?? [])].filter((entry) => entry.kind === 'http');
}

describe('my.request', () => {
  it('GETs JSON with data in the query and returns data, status, headers and their aliases', async () => {
    const my = attachMy();
    const result = await my.request({ url: `${httpBase}/json`, data: { q: 'a b', n: 1 }, headers: { 'X-App': 'demo' } });
    expect(result).toMatchObject({ data: { token: 't-1', n: 2 }, status: 200, statusCode: 200 });
    expect((result['headers'] as Record<string, string>)['x-token']).toBe('abc');
    expect(result['header']).toEqual(result['headers']);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/json?q=a%20b&n=1' });
    expect(seen[0]?.headers['x-app']).toBe('demo');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('POSTs objects as JSON, or as a form with x-www-form-urlencoded, and strings as they are', async () => {
    const my = attachMy();
    await my.request({ url: `${httpBase}/echo`, method: 'post', data: { a: 1 } });
    await my.request({ url: `${httpBase}/echo`, method: 'PUT', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: { a: 'x y', b: 2 } });
    await my.request({ url: `${httpBase}/echo`, method: 'POST', data: 'raw=1' });
    expect(seen.map((request) => [request.method, request.body])).toEqual([
      ['POST', '{"a":1}'],
      ['PUT', 'a=x%20y&b=2'],
      ['POST', 'raw=1'],
    ]);
  });

  it('my.httpRequest, the old name, posts a form unless the app names a content-type, and canIUse knows it', async () => {
    const my = attachMy();
    const result = await my.httpRequest({ url: `${httpBase}/echo`, method: 'POST', data: { card: '71 00', n: 2 }, dataType: 'json' });
    await my.httpRequest({ url: `${httpBase}/echo`, method: 'POST', header: { 'X-App': 'old', 'Content-Type': 'application/json' }, data: { a: 1 } });
    await my.httpRequest({ url: `${httpBase}/echo`, method: 'POST', header: { 'X-App': 'old' }, data: { a: 1 } });
    expect(result).toMatchObject({ status: 200, data: { body: 'card=71%2000&n=2' } });
    expect(seen.map((request) => [request.body, request.headers['content-type'], request.headers['x-app']])).toEqual([
      ['card=71%2000&n=2', 'application/x-www-form-urlencoded', undefined],
      ['{"a":1}', 'application/json', 'old'],
      ['a=1', 'application/x-www-form-urlencoded', 'old'],
    ]);
    expect(my.canIUse('httpRequest')).toBe(true);
  });

  it('decodes by dataType: text, base64 data URI, arraybuffer; a body that is not JSON fails with 14', async () => {
    const my = attachMy();
    expect((await my.request({ url: `${httpBase}/text`, dataType: 'text' }))['data']).toBe('not json');
    expect((await my.request({ url: `${httpBase}/bytes`, dataType: 'base64' }))['data']).toBe('data:application/octet-stream;base64,AAEC/w==');
    const buffer = (await my.request({ url: `${httpBase}/bytes`, dataType: 'arraybuffer' }))['data'];
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(buffer as ArrayBuffer)]).toEqual([0, 1, 2, 255]);
    await expect(my.request({ url: `${httpBase}/text` })).rejects.toMatchObject({ error: 14, errorMessage: 'JSON parse data error', status: 200 });
  });

  it('fails a status >= 400 with 19 and the response, or succeeds when the setting says so', async () => {
    const fails = attachMy();
    await expect(fails.request({ url: `${httpBase}/missing` })).rejects.toMatchObject({ error: 19, status: 404, data: { error: 'nope' } });
    await expect(fails.request({ url: `${httpBase}/gone` })).rejects.toMatchObject({ error: 19, status: 410, data: '<h1>gone</h1>' });
    await engine?.shutdown();
    const succeeds = attachMy({ httpErrorStatusFails: false });
    await expect(succeeds.request({ url: `${httpBase}/missing` })).resolves.toMatchObject({ status: 404, data: { error: 'nope' } });
  });

  it('fails bad arguments with 2, a refused connection with 12, a timeout with 13 and abort with 9', async () => {
    const my = attachMy();
    await expect(my.request({})).rejects.toMatchObject({ error: 2, errorMessage: 'invalid parameter (url is required)' });
    await expect(my.request({ url: 'ftp://127.0.0.1/' })).rejects.toMatchObject({ error: 2 });
    await expect(my.request({ url: `${httpBase}/json`, method: 'BREW' })).rejects.toMatchObject({ error: 2 });
    await expect(my.request({ url: `${httpBase}/json`, timeout: 70_000 })).rejects.toMatchObject({ error: 2 });
    await expect(my.request({ url: `${httpBase}/json`, dataType: 'xml' })).rejects.toMatchObject({ error: 2 });
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(my.request({ url: `http://127.0.0.1:${port}/` })).rejects.toMatchObject({ error: 12 });
    await expect(my.request({ url: `${httpBase}/slow`, timeout: 100 })).rejects.toMatchObject({ error: 13, errorMessage: expect.stringContaining('timeout') });
    const task = my.request({ url: `${httpBase}/slow` });
    setTimeout(() => task.abort(), 50);
    await expect(task).rejects.toEqual({ error: 9, errorMessage: 'request:fail abort' });
  });

  it('fails with 12 without reaching the server while the emulated network is offline, and works again once online', async () => {
    const my = attachMy();
    engine?.debug.command({ op: 'set-network', conditions: { all: NETWORK_PRESETS.offline, perConnection: {} } });
    await expect(my.request({ url: `${httpBase}/json` })).rejects.toMatchObject({ error: 12, errorMessage: 'network error (the network is offline (network conditions))' });
    expect(seen).toHaveLength(0);
    expect(httpEntries()[0]).toMatchObject({ errorCode: 12 });
    engine?.debug.command({ op: 'set-network', conditions: { all: null, perConnection: {} } });
    await expect(my.request({ url: `${httpBase}/json` })).resolves.toMatchObject({ status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('runs success or fail, then complete, with the same object', async () => {
    const my = attachMy();
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      void my.request({
        url: `${httpBase}/missing`,
        success: () => order.push('success'),
        fail: (failure: { error: number }) => order.push(`fail ${failure.error}`),
        complete: () => {
          order.push('complete');
          resolve();
        },
      } as Record<string, unknown>);
    });
    expect(order).toEqual(['fail 19', 'complete']);
  });

  it('checks certificates over HTTPS unless the setting accepts any', async () => {
    const strict = attachMy();
    await expect(strict.request({ url: `${httpsBase}/json` })).rejects.toMatchObject({ error: 12, errorMessage: expect.stringContaining('certificate') });
    await engine?.shutdown();
    const lenient = attachMy({ ignoreCertificateErrors: true });
    await expect(lenient.request({ url: `${httpsBase}/json` })).resolves.toMatchObject({ status: 200, data: { token: 't-1' } });
  });

  it('logs each request as an http capture entry and exports it as an ordinary HAR HTTP entry', async () => {
    const my = attachMy();
    await my.request({ url: `${httpBase}/echo`, method: 'POST', data: { hello: 'world' }, headers: { referer: 'x' } });
    await expect(my.request({ url: `${httpBase}/missing` })).rejects.toMatchObject({ error: 19 });
    const [posted, missing] = httpEntries();
    expect(posted).toMatchObject({ kind: 'http', name: 'POST', connectionId: 'h1', payload: '{"body":"{\\"hello\\":\\"world\\"}"}' });
    expect(posted?.detail).toMatchObject({ url: `${httpBase}/echo`, status: 200, requestBody: '{"hello":"world"}', requestHeaders: { 'content-type': 'application/json' } });
    expect(typeof posted?.detail?.durationMs).toBe('number');
    expect(missing).toMatchObject({ name: 'GET', errorCode: 19, detail: { status: 404 } });
    const warnings = [...(engine?.capture.from(0) ?? [])].filter((entry) => entry.kind === 'warning').map((entry) => entry.name);
    expect(warnings).toContain('request-header-dropped');

    const har = captureToHar([...(engine?.capture.from(0) ?? [])], { creator: { name: 'test', version: '1' } });
    const entry = har.log.entries.find((item) => item._connectionId === 'h1');
    expect(entry).toMatchObject({
      _resourceType: 'fetch',
      request: { method: 'POST', url: `${httpBase}/echo`, postData: { mimeType: 'application/json', text: '{"hello":"world"}' } },
      response: { status: 200, content: { mimeType: 'application/json', text: '{"body":"{\\"hello\\":\\"world\\"}"}' } },
      _webSocketMessages: [],
    });
    expect(entry?._events.map((event) => event.kind)).toEqual(['warning', 'http']);
  });

  it('dials the URL a map-remote rule gives, keeps the app\'s URL in the log and the dialled one beside it', async () => {
    const my = attachMy();
    engine?.debug.command({ op: 'set-map-remote', rules: [{ id: 'api', enabled: true, from: 'https://api.shop.invalid/v1', to: `${httpBase}/` }] });
    await expect(my.request({ url: 'https://api.shop.invalid/v1/json?page=2' })).resolves.toMatchObject({ status: 200, data: { token: 't-1' } });
    expect(seen.map((request) => request.url)).toEqual(['/json?page=2']);
    const [entry] = httpEntries();
    expect(entry?.detail).toMatchObject({ url: 'https://api.shop.invalid/v1/json?page=2', dialedUrl: `${httpBase}/json?page=2`, mappedBy: 'api' });
    const har = captureToHar([...(engine?.capture.from(0) ?? [])], { creator: { name: 'test', version: '1' } });
    expect(har.log.entries[0]).toMatchObject({ request: { url: 'https://api.shop.invalid/v1/json?page=2' }, _dialedUrl: `${httpBase}/json?page=2` });
  });
});

describe('request-header-dropped', () => {
  function warnings(): CaptureEntry[] {
    return [...(engine?.capture.from(0) ?? [])].filter((entry) => entry.kind === 'warning' && entry.name === 'request-header-dropped');
  }

  it('logs one warning per request, each kept, with the same text for the same header and reason', async () => {
    const my = attachMy();
    for (let i = 0; i < 3; i += 1) await my.request({ url: `${httpBase}/json?n=${i}`, headers: { Authorization: null, 'x-ok': 'yes' } });
    await my.request({ url: `${httpBase}/json`, headers: { host: 'elsewhere', 'x-list': ['a'] } });
    expect(seen.map((request) => request.headers['authorization'])).toEqual([undefined, undefined, undefined, undefined]);
    expect(seen[0]?.headers['x-ok']).toBe('yes');
    const logged = warnings();
    expect(logged.map((entry) => entry.connectionId)).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(new Set(logged.slice(0, 3).map((entry) => entry.errorMessage))).toEqual(new Set(['my.request did not send the header Authorization (its value is null, not a string).']));
    expect(logged[0]?.detail).toMatchObject({ headers: ['Authorization'], reasons: ['its value is null, not a string'] });
    expect(logged[3]?.errorMessage).toBe('my.request did not send the headers host (the client sets it), x-list (its value is an array, not a string).');
  });
});
