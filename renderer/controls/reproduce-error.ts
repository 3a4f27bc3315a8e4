// One-click reproduction of each error code by a real condition, through the panel's own `my`: URL
// mistakes for 3–5, the lab server's fault endpoints for the network codes, a send before open for 10 and
// a second single-mode connect under the "reject" policy for 2.
import { socketError } from '../../shared/error-codes';
import type { SocketErrorCode } from '../../shared/error-codes';
import type { LabEndpoint } from '../../shared/panel-wire';
import type { EngineSettings, SettingsPatch } from '../../shared/settings';
import type { PanelSockets } from './panel-sockets';

export interface ReproduceContext {
  sockets: PanelSockets;
  lab: LabEndpoint[];
  settings: EngineSettings;
  updateSettings(patch: SettingsPatch): void;
}

export interface ReproductionRecipe {
  code: SocketErrorCode;
  /** Short description of the condition that raises it. */
  how: string;
  /** Null when it can be run; otherwise why not. */
  unavailable: string | null;
  run(): Promise<void>;
}

/** A port nothing listens on, on the loopback address (connection refused). */
export const REFUSED_URL = 'ws://127.0.0.1:9/refused';
/** Handshake timeout used for the timeout reproduction, so it does not take the default 30 s. */
export const REPRODUCE_TIMEOUT_MS = 2000;

const CODES: SocketErrorCode[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The echo endpoint of the lab (by name, else the first that reproduces nothing). */
export function echoEndpoint(lab: LabEndpoint[]): LabEndpoint | undefined {
  return lab.find((endpoint) => /echo/i.test(endpoint.name)) ?? lab.find((endpoint) => endpoint.reproduces === undefined);
}

/** A recipe for every code 1–12, each saying whether it can run with the lab endpoints at hand. */
export function reproductionRecipes(context: ReproduceContext): ReproductionRecipe[] {
  const { sockets, lab } = context;
  const echo = echoEndpoint(lab);
  const task = async (url: string, timeout?: number) => {
    await sockets.connect({ url, multiple: true, ...(timeout !== undefined ? { timeout } : {}) }).answered;
  };
  const noLab = (code: SocketErrorCode) => `No lab endpoint reproduces ${code}: start the app with its embedded lab server.`;

  return CODES.map((code): ReproductionRecipe => {
    const endpoint = lab.find((candidate) => candidate.reproduces === code);
    if (endpoint && code === 11) {
      return { code, how: `connect a task to the lab's "${endpoint.name}" and send large messages until a write fails`, unavailable: null, run: () => reproduceWriteFailure(sockets, endpoint.url) };
    }
    if (endpoint && code === 10) {
      return { code, how: `connect a task to the lab's "${endpoint.name}" and send before it opens`, unavailable: null, run: () => reproduceSendBeforeOpen(sockets, endpoint.url) };
    }
    if (endpoint) {
      const timeout = code === 6 ? REPRODUCE_TIMEOUT_MS : undefined;
      return { code, how: `connect a task to the lab's "${endpoint.name}" (${endpoint.description})`, unavailable: null, run: () => task(endpoint.url, timeout) };
    }
    switch (code) {
      case 1:
        return { code, how: `connect a task to a refused port (${REFUSED_URL})`, unavailable: null, run: () => task(REFUSED_URL) };
      case 2:
        return {
          code,
          how: 'single-mode connect twice under the "reject" policy (the policy is restored afterwards)',
          unavailable: echo ? null : noLab(2),
          run: () => reproduceSecondConnect(context, echo?.url ?? ''),
        };
      case 3:
        return { code, how: 'connect a task with an empty url', unavailable: null, run: () => task('') };
      case 4:
        return { code, how: 'connect a task to a URL with a space in the host', unavailable: null, run: () => task('ws://exa mple.invalid/') };
      case 5:
        return { code, how: 'connect a task to an https:// URL', unavailable: null, run: () => task('https://127.0.0.1/') };
      default:
        return { code, how: socketError(code).meaning, unavailable: noLab(code), run: async () => undefined };
    }
  });
}

/** Large enough that the write is still in flight when the lab resets the connection. */
export const LARGE_WRITE_BYTES = 16 * 1024 * 1024;
const WRITE_ATTEMPTS = 3;

async function reproduceSendBeforeOpen(sockets: PanelSockets, url: string): Promise<void> {
  const { key, answered } = sockets.connect({ url, multiple: true });
  await sockets.send(key, { data: 'sent before open', isBuffer: false });
  if (await answered) await sockets.close(key);
}

async function reproduceWriteFailure(sockets: PanelSockets, url: string): Promise<void> {
  const { key, answered } = sockets.connect({ url, multiple: true });
  if (!(await answered) || !(await sockets.whenOpen(key))) return;
  const data = 'x'.repeat(LARGE_WRITE_BYTES);
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
    if (!(await sockets.send(key, { data, isBuffer: false }))) break;
  }
  await sockets.close(key);
}

async function reproduceSecondConnect(context: ReproduceContext, url: string): Promise<void> {
  const previous = context.settings.singleModePolicy;
  if (previous !== 'reject') context.updateSettings({ singleModePolicy: 'reject' });
  try {
    const first = await context.sockets.connect({ url, multiple: false }).answered;
    await context.sockets.connect({ url, multiple: false }).answered;
    if (first) await context.sockets.close('single');
  } finally {
    if (previous !== 'reject') context.updateSettings({ singleModePolicy: previous });
  }
}
