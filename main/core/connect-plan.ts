// Everything connectSocket decides before a socket exists: the final URL, headers, subprotocols and
// timeout, or the code the call fails with (api-spec §b.2 row 1, a.9, A22).
import type { Json } from '../../shared/json';
import type { EngineSettings } from '../../shared/settings';
import type { CallProblem } from './call-results';
import type { EngineWarning } from './engine-warning';
import { buildHandshakeRequest } from './header-rules';
import { buildSocketUrl } from './url-builder';

/** Platform cap on the handshake timeout (Android ≈120 s). */
export const MAX_CONNECT_TIMEOUT_MS = 120_000;

/** Everything needed to open the socket, decided before it exists. */
export interface ConnectPlan {
  url: string;
  headers: Record<string, string>;
  protocols: string[];
  protocolSource: 'protocols' | 'header' | 'both' | 'none';
  timeoutMs: number;
}

/** A plan with its warnings, or the code connectSocket fails with. */
export type ConnectPlanResult = { ok: true; plan: ConnectPlan; warnings: EngineWarning[] } | { ok: false; problem: CallProblem; warnings: EngineWarning[] };

function timeoutFrom(value: Json | undefined, fallback: number): number | string {
  if (value === undefined || value === null) return Math.min(fallback, MAX_CONNECT_TIMEOUT_MS);
  if (typeof value !== 'number' || !Number.isFinite(value)) return `timeout must be a number of milliseconds, got ${JSON.stringify(value)}`;
  if (value <= 0) return `timeout must be positive, got ${value}`;
  return Math.min(Math.ceil(value), MAX_CONNECT_TIMEOUT_MS);
}

/** Validates sanitized connectSocket options in the order of a.9: url (3/4/5), then headers, protocols, timeout. */
export function planConnect(options: Json, settings: EngineSettings): ConnectPlanResult {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { ok: false, problem: { code: 3, detail: 'connectSocket needs an options object with url' }, warnings: [] };
  }
  const built = buildSocketUrl(options.url, options.data, settings.strictWss);
  if (!built.ok) return built;
  const handshake = buildHandshakeRequest(options.header, options.protocols);
  const warnings = [...built.warnings, ...handshake.warnings];
  if (!handshake.ok) return { ok: false, problem: handshake.problem, warnings };
  const timeout = timeoutFrom(options.timeout, settings.connectTimeoutMs);
  if (typeof timeout === 'string') return { ok: false, problem: { code: 1, detail: timeout }, warnings };
  return { ok: true, plan: { url: built.url, ...handshake.request, timeoutMs: timeout }, warnings };
}
