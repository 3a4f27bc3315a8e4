// `npm run lab`: the lab server on its own, for trying endpoints with any client. Prints one endpoint
// per line and runs until Ctrl-C.
import { installProcessSafetyNet } from '../core/process-safety-net';
import { startLabServer } from './lab-server';

installProcessSafetyNet();

const portArgument = process.argv.indexOf('--port');
const port = portArgument >= 0 ? Number(process.argv[portArgument + 1]) : undefined;
const lab = await startLabServer(port !== undefined && Number.isInteger(port) ? { port } : {});
for (const endpoint of lab.endpoints) {
  const code = endpoint.reproduces !== undefined ? `error ${endpoint.reproduces}` : '-';
  console.log(`${endpoint.name.padEnd(22)} ${endpoint.url.padEnd(64)} ${code.padEnd(9)} ${endpoint.description}`);
}
console.log('Lab server running on 127.0.0.1; Ctrl-C to stop.');

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void lab.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
