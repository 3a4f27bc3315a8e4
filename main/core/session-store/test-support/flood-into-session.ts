// Child process for the SIGKILL test: the engine's process as the product runs it. A real `ws` server on
// 127.0.0.1 floods numbered text frames ("frame-<n>") to a SocketTask the engine opens for a mini-app
// client; the capture is recorded into a live session in the sessions folder given as argv[2]. Prints
// `session <id>` once, then `recorded <entries>` every 20 ms until killed.
import { WebSocketServer } from 'ws';
import { createEngine } from '../../engine';
import { recordCapture } from '../capture-recorder';
import { openSessionStore } from '../session-store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: flood-into-session <sessionsDir>');

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) => server.once('listening', resolve));
server.on('connection', (socket) => {
  let sent = 0;
  const pump = () => {
    // Keep the socket busy without letting the server's own buffer grow without bound.
    while (socket.bufferedAmount < 1024 * 1024) socket.send(`frame-${sent++}`);
    setImmediate(pump);
  };
  pump();
});
const address = server.address();
if (typeof address !== 'object' || address === null) throw new Error('no server address');

const engine = createEngine();
const store = await openSessionStore({ dir });
const recorder = recordCapture(engine.capture, store, 'sigkill-test');
process.stdout.write(`session ${recorder.sessionId}\n`);
const app = engine.attachClient({ origin: 'http://127.0.0.1', send: () => {} });
app.receive({ op: 'connect', callId: 1, target: null, options: { url: `ws://127.0.0.1:${address.port}`, multiple: true } });
setInterval(() => process.stdout.write(`recorded ${engine.capture.nextSeq()}\n`), 20);
