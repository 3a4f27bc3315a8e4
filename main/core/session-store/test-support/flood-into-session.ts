// Child process for the SIGKILL test: a real `ws` server on 127.0.0.1 floods numbered text frames
// ("frame-<n>") to a real client that appends each one, as received, to a live session in the sessions
// folder given as argv[2]. Prints `session <id>` once, then `appended <count>` every 20 ms until killed.
import { WebSocket, WebSocketServer } from 'ws';
import { openSessionStore } from '../session-store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: flood-into-session <sessionsDir>');
const store = await openSessionStore({ dir });
const session = store.startSession({ miniapp: 'sigkill-test' });
process.stdout.write(`session ${session.id}\n`);

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
const client = new WebSocket(`ws://127.0.0.1:${address.port}`);
let seq = 0;
client.on('message', (data: Buffer) => {
  const payload = data.toString('utf8');
  session.append({ seq, wallTime: Date.now(), monoTime: performance.now(), clientId: 'app-1', connectionId: 't1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: data.length, payload });
  seq += 1;
});
setInterval(() => process.stdout.write(`appended ${seq}\n`), 20);
