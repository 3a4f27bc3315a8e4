// A child process for process-safety-net.test.ts: a loopback HTTP server whose `/throw` path throws outside
// any handler's try (as a missed check would), with the safety net installed. Prints its port.
import { createServer } from 'node:http';
import { installProcessSafetyNet } from '../process-safety-net';

installProcessSafetyNet();
const server = createServer((request, response) => {
  if (request.url === '/throw') setImmediate(() => { throw new Error('a check was missed'); });
  if (request.url === '/reject') void Promise.reject(new Error('a promise nobody awaited'));
  response.end('alive');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
