// A real `ws` server on 127.0.0.1 that records every message it receives (text as is, binary as base64),
// for the tests of frames the engine puts on the wire (injection, resend).
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export interface RecordingServer {
  readonly url: string;
  /** What arrived, in order; tests empty it between cases. */
  readonly received: { data: string; binary: boolean }[];
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const received: { data: string; binary: boolean }[] = [];
  server.on('connection', (socket: WebSocket) => {
    socket.on('message', (data: RawData, binary) => received.push({ data: binary ? (data as Buffer).toString('base64') : (data as Buffer).toString(), binary }));
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    async close() {
      server.clients.forEach((client) => client.terminate());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** This test file's recording server: started before its tests, emptied after each test, closed after all. */
export function recordingServerPerFile(): { readonly url: string; readonly received: RecordingServer['received'] } {
  let server: RecordingServer | undefined;
  const started = (): RecordingServer => {
    if (!server) throw new Error('the recording server starts in beforeAll');
    return server;
  };
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterEach(() => {
    started().received.length = 0;
  });
  afterAll(async () => {
    await started().close();
  });
  return {
    get url() {
      return started().url;
    },
    get received() {
      return started().received;
    },
  };
}
