// Frame injection (docs/behaviour.md#frame-injection): a frame put on a live connection by the panel or a
// test instead of by the app ('out') or the server ('in'). One contract for the panel wire and the
// Playwright fixture's `sockets.inject`.
import * as z from 'zod';

/** Injected payloads are capped like a panel bridge message, far above any realistic test frame. */
export const MAX_INJECT_PAYLOAD_CHARS = 16 * 1024 * 1024;

export const injectRequestSchema = z.object({
  connectionId: z.string().min(1).max(64),
  /** 'in': delivered to the app as if the server had sent it; 'out': sent to the server as if the app had. */
  direction: z.enum(['in', 'out']),
  /** Text as is; with `binary`, the bytes as base64. */
  payload: z.string().max(MAX_INJECT_PAYLOAD_CHARS),
  binary: z.boolean().optional(),
});
export type InjectRequest = z.infer<typeof injectRequestSchema>;

/**
 * How the capture marks a frame the engine put on a connection: injected by the composer or a test, or
 * resent by the user from the log's row menu (docs/behaviour.md#resend-through-the-apps-connection), naming
 * the entry it repeats.
 */
export type InjectMark = { injected: true } | { resent: true; resentFrom: number };

/** Refused: no such live connection, not OPEN, or a binary payload that is not base64. */
export type InjectOutcome = { ok: true; seq: number } | { ok: false; reason: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether `text` is canonical base64 (what Buffer would decode without silently skipping characters). */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}
