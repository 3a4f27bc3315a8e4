// The socket settings of a mini-app's app.json (docs/behaviour.md#a17-default-of-multiple-from-appjson, docs/behaviour.md#a22-which-connect-timeout-applies): `behavior.connectSocketDefaultMultiple`
// (the default of connectSocket's `multiple`) and `networkTimeout.connectSocket` (the handshake timeout when
// the call gives none). Pure, so every host (browser host, Electron) reads app.json the same way.
import * as z from 'zod';

/** Platform cap on the handshake timeout (Android ≈120 s). */
export const MAX_CONNECT_TIMEOUT_MS = 120_000;

/** A handshake timeout as the engine applies it, from any source: whole ms, at most the platform cap. */
export function clampConnectTimeout(ms: number): number {
  return Math.min(Math.ceil(ms), MAX_CONNECT_TIMEOUT_MS);
}

/** What an app.json said about sockets; a key is absent when app.json does not set it. */
export interface AppJsonSettings {
  connectSocketDefaultMultiple?: boolean;
  /** Already clamped to 1..MAX_CONNECT_TIMEOUT_MS and rounded up to whole ms. */
  connectTimeoutMs?: number;
}

/** The outcome of reading app.json: none, its settings, or defaults and why it was refused. */
export type AppJsonRead = { found: false } | { found: true; settings: AppJsonSettings; problem?: string };

// Only the two keys we use are checked; everything else an app.json holds (pages, window, …) passes.
const appJsonSchema = z.object({
  behavior: z.object({ connectSocketDefaultMultiple: z.boolean().optional() }).optional(),
  networkTimeout: z.object({ connectSocket: z.number().finite().positive().optional() }).optional(),
});

/** Reads app.json's text (undefined = no file). Malformed JSON or wrong types give defaults and a problem. */
export function parseAppJson(text: string | undefined): AppJsonRead {
  if (text === undefined) return { found: false };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { found: true, settings: {}, problem: `app.json is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = appJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    return { found: true, settings: {}, problem: `app.json has wrong types (${issues})` };
  }
  const settings: AppJsonSettings = {};
  const multiple = parsed.data.behavior?.connectSocketDefaultMultiple;
  if (multiple !== undefined) settings.connectSocketDefaultMultiple = multiple;
  const timeout = parsed.data.networkTimeout?.connectSocket;
  if (timeout !== undefined) settings.connectTimeoutMs = clampConnectTimeout(timeout);
  return { found: true, settings };
}
