// No descriptor outlives its connection: 1,000 abandoned attempts at the lab's raw endpoints (a client that
// gives up on /silent, as a connect timeout does, and clients that reject a broken handshake) leave the
// process's descriptor count where it was. Linux: counted in /proc/self/fd.
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLabServer, type LabServer } from './lab-server';

const ATTEMPTS = 1000;
const AT_ONCE = 100;
const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

let lab: LabServer;
beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(async () => {
  await lab?.close();
});

/** Sends an upgrade request, waits until the server has it (or answered), then half-closes and lets go. */
function abandonedAttempt(port: number, path: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`);
      setTimeout(() => socket.end(), 20);
    });
    socket.on('data', () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.resume();
  });
}

it.each(['/silent', '/bad-accept', '/unrequested-protocol'])(`${ATTEMPTS} abandoned attempts at %s leave no descriptor behind`, async (path) => {
  const port = Number(new URL(lab.endpoints.find((endpoint) => endpoint.name === 'echo')!.url).port);
  const before = openDescriptors();
  for (let done = 0; done < ATTEMPTS; done += AT_ONCE) {
    await Promise.all(Array.from({ length: AT_ONCE }, () => abandonedAttempt(port, path)));
  }
  // The server closes its side as each client goes, later on a loaded machine: wait for the count to settle.
  await expect.poll(openDescriptors).toBeLessThanOrEqual(before + 5);
}, 60_000);
