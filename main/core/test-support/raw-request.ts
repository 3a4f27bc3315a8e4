// Sends bytes a real client library would refuse to send (a malformed request target, a bad escape) to a
// loopback port and reads the status line of the answer. Test support for the hostile-input suites.
import { connect } from 'node:net';

/** The status code the server answered with, or 0 when it closed without answering. */
export function rawRequestStatus(port: number, target: string, options: { upgrade?: boolean } = {}): Promise<number> {
  const upgradeHeaders = options.upgrade
    ? 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n'
    : 'Connection: close\r\n';
  const request = `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${upgradeHeaders}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0));
      }
    });
    socket.on('end', () => resolve(0));
    socket.on('error', reject);
  });
}
