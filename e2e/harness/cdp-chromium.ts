// Launches Debian's Chromium headless with remote debugging on an ephemeral port and a throw-away
// profile, and reads the DevTools endpoint from its stderr: the browser as a user runs it, with no
// driver-side Network tracking.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectCdp, type CdpConnection } from './cdp-client';
import { CHROMIUM_PATH } from './browser-path';

export interface LaunchedChromium {
  /** The browser's DevTools WebSocket endpoint. */
  endpoint: string;
  cdp: CdpConnection;
  /** e.g. "HeadlessChrome/156.0.8078.108". */
  product: string;
  process: ChildProcess;
  /** Closes the browser (Browser.close, then SIGKILL of its own pid if it lingers) and removes the profile. */
  close(): Promise<void>;
}

export interface ChromiumOptions {
  executable?: string;
  /** Added after the default flags. */
  extraArgs?: string[];
  timeoutMs?: number;
}


const DEFAULT_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--remote-debugging-port=0',
  '--remote-debugging-address=127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--window-size=1440,900',
];

/** Starts Chromium and connects to it; rejects when no DevTools endpoint appears in time. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<LaunchedChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'msd-chromium-'));
  const child = spawn(options.executable ?? CHROMIUM_PATH, [...DEFAULT_FLAGS, `--user-data-dir=${profile}`, ...(options.extraArgs ?? []), 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let endpoint: string;
  try {
    endpoint = await readEndpoint(child, options.timeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  child.stderr?.resume(); // keep draining so Chromium never blocks on a full pipe
  const cdp = await connectCdp(endpoint);
  const version = await cdp.send<{ product: string }>('Browser.getVersion');
  return {
    endpoint,
    cdp,
    product: version.product,
    process: child,
    async close() {
      await Promise.race([cdp.send('Browser.close').catch(() => undefined), delay(5000)]);
      cdp.close();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

function readEndpoint(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => finish(new Error(`Chromium printed no DevTools endpoint within ${timeoutMs} ms:\n${text.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match?.[1]) finish(undefined, match[1]);
    };
    const onExit = (code: number | null): void => finish(new Error(`Chromium exited (${code}) before listening:\n${text.slice(-2000)}`));
    function finish(error?: Error, url?: string): void {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(url as string);
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
