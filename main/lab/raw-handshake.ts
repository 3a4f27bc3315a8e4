// Hand-written upgrade answers for the endpoints that must break the handshake on purpose (bad accept
// key, unrequested subprotocol) or speak raw frames afterwards (oversized message, write reset).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** The Sec-WebSocket-Accept value RFC 6455 §4.2.2 derives from the client's key. */
export function acceptKeyFor(key: string): string {
  return createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
}

/** Writes a 101 answer; `accept` overrides the correct key, `extraHeaders` are appended as given. */
export function writeSwitchingProtocols(socket: Duplex, request: IncomingMessage, options: { accept?: string; extraHeaders?: string[] } = {}): void {
  const key = request.headers['sec-websocket-key'] ?? '';
  const lines = [
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${options.accept ?? acceptKeyFor(key)}`,
    ...(options.extraHeaders ?? []),
  ];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
}

/** An unmasked server close frame with a status code (no reason). */
export function closeFrame(code: number): Buffer {
  const frame = Buffer.alloc(4);
  frame[0] = 0x88;
  frame[1] = 0x02;
  frame.writeUInt16BE(code, 2);
  return frame;
}

/** The header of an unmasked, final server frame (opcode 1 text, 2 binary) announcing `length` payload bytes. */
export function frameHeader(length: number, opcode: 1 | 2 = 1): Buffer {
  const first = 0x80 | opcode;
  if (length < 126) return Buffer.from([first, length]);
  if (length < 65536) {
    const header = Buffer.alloc(4);
    header[0] = first;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = first;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}
