// Everything connectSocket decides before a socket exists: the final URL, headers, subprotocols and
// timeout, or the code the call fails with (docs/behaviour.md#states-and-event-order, docs/behaviour.md#a7-data-is-appended-to-the-url, docs/behaviour.md#a22-which-connect-timeout-applies).
import { clampConnectTimeout, MAX_CONNECT_TIMEOUT_MS } from '../../shared/app-json';
import type { Json } from '../../shared/json';
import type { EngineSettings } from '../../shared/settings';
import type { CallProblem } from './call-results';
import type { EngineWarning } from './engine-warning';
import { buildHandshakeRequest } from './header-rules';
import { buildSocketUrl } from './url-builder';

export { MAX_CONNECT_TIMEOUT_MS };

/** Which rule gave the handshake timeout (docs/behaviour.md#a22-which-connect-timeout-applies): the call's `timeout`, app.json, or the session setting. */
export type TimeoutSource = 'call' | 'app.json' | 'settings';

/** Everything needed to open the socket, decided before it exists. */
export interface ConnectPlan {
  url: string;
  headers: Record<string, string>;
  protocols: string[];
  protocolSource: 'protocols' | 'header' | 'both' | 'none';
  timeoutMs: number;
  timeoutFrom: TimeoutSource;
  /** The URL really dialled when a map-remote rule matched `url` (docs/debugging.md#map-remote), and that rule's id. */
  dialUrl?: string;
  mappedBy?: string;
}

/** A plan with its warnings, or the code connectSocket fails with. */
export type ConnectPlanResult = { ok: true; plan: ConnectPlan; warnings: EngineWarning[] } | { ok: false; problem: CallProblem; warnings: EngineWarning[] };

/**
 * The one place that decides the handshake timeout (docs/behaviour.md#a22-which-connect-timeout-applies): the call's `timeout` if given, else app.json's
 * `networkTimeout.connectSocket`, else the session setting; always clamped to the platform cap.
 */
function resolveTimeout(value: Json | undefined, appJsonMs: number | undefined, settingsMs: number): { ms: number; from: TimeoutSource } | string {
  if (value === undefined || value === null) {
    return appJsonMs === undefined ? { ms: clampConnectTimeout(settingsMs), from: 'settings' } : { ms: clampConnectTimeout(appJsonMs), from: 'app.json' };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `timeout must be a number of milliseconds, got ${JSON.stringify(value)}`;
  if (value <= 0) return `timeout must be positive, got ${value}`;
  return { ms: clampConnectTimeout(value), from: 'call' };
}

/**
 * Validates sanitized connectSocket options in the order of a.9: url (3/4/5), then headers, protocols,
 * timeout. `appJsonTimeoutMs` is the page's app.json `networkTimeout.connectSocket`, when it sets one.
 */
export function planConnect(options: Json, settings: EngineSettings, appJsonTimeoutMs?: number): ConnectPlanResult {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { ok: false, problem: { code: 3, detail: 'connectSocket needs an options object with url' }, warnings: [] };
  }
  const built = buildSocketUrl(options.url, options.data, settings.strictWss);
  if (!built.ok) return built;
  const handshake = buildHandshakeRequest(options.header, options.protocols);
  const warnings = [...built.warnings, ...handshake.warnings];
  if (!handshake.ok) return { ok: false, problem: handshake.problem, warnings };
  const timeout = resolveTimeout(options.timeout, appJsonTimeoutMs, settings.connectTimeoutMs);
  if (typeof timeout === 'string') return { ok: false, problem: { code: 1, detail: timeout }, warnings };
  return { ok: true, plan: { url: built.url, ...handshake.request, timeoutMs: timeout.ms, timeoutFrom: timeout.from }, warnings };
}
