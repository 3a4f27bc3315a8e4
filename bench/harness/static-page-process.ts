// The start-up baseline's server: a bare `node -e` HTTP server on 127.0.0.1 answering every request with
// one small static page, ready when it prints its URL.
import { spawn } from 'node:child_process';

export interface StaticPageProcess {
  url: string;
  spawnedAt: number;
  readyAt: number;
  stop(): Promise<void>;
}

const SERVER_SOURCE = `
const http = require('node:http');
const page = '<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head><body><h1>Static page</h1><p>One paint, nothing else.</p></body></html>';
const server = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(page);
});
server.listen(0, '127.0.0.1', () => console.log('URL http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** Spawns the server and waits for its URL. */
export function startStaticPageProcess(timeoutMs = 15_000): Promise<StaticPageProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['-e', SERVER_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the static page server did not start'));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /URL (\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        spawnedAt,
        readyAt: performance.now(),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(kill);
        },
      });
    });
  });
}
