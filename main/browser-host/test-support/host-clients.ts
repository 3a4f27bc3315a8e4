// Clients of a running browser host for its tests: plain HTTP with any Host header, the bridge URLs the
// host wrote into its pages, and WebSockets that the test's teardown terminates.
import { request as httpRequest } from 'node:http';
import { WebSocket } from 'ws';
import { unpackEngineLinkMessage } from '../../../shared/my-wire';
import type { BrowserHost } from '../index';

const openSockets = new Set<WebSocket>();

/** Terminates every socket `connect` opened (call it after each test). */
export function terminateOpenSockets(): void {
  for (const socket of openSockets) socket.terminate();
  openSockets.clear();
}

/** GET with an explicit Host header (fetch would not let a test lie about it). */
export function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The bridge URL the host wrote into the mini-app page. */
export async function miniappBridgeUrl(h: BrowserHost): Promise<string> {
  const page = await get(h.miniappUrl);
  const match = /data-msd-bridge="([^"]+)"/.exec(page.body);
  if (!match?.[1]) throw new Error('no bridge in the mini-app page');
  return match[1].replace(/&amp;/g, '&');
}

/** The panel config the host wrote into the panel page. */
export async function panelBridgeUrl(h: BrowserHost): Promise<string> {
  const page = await get(h.panelUrl);
  const match = /window\.__MSD_CONFIG__ = Object\.freeze\((.*?)\);<\/script>/.exec(page.body);
  if (!match?.[1]) throw new Error('no config in the panel page');
  return (JSON.parse(match[1]) as { panelBridge: string }).panelBridge;
}

/** Opens a WebSocket; resolves with it once open, or with the HTTP status that refused the upgrade. */
export function connect(url: string, origin: string | undefined): Promise<{ socket: WebSocket; messages: unknown[] } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    const messages: unknown[] = [];
    // The mini-app bridge packs a tick's engine messages into one batch: unpack, as createMy does.
    socket.on('message', (data) => messages.push(...unpackEngineLinkMessage(JSON.parse(data.toString()))));
    socket.once('open', () => {
      openSockets.add(socket);
      resolve({ socket, messages });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ refused: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** Polls `find` every 20 ms until it returns a value. */
export async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
