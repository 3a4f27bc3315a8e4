// Validation of a client message where it enters the engine. A burst of sends is tens of thousands of
// `{ op: 'send', callId, target, options: { data } }` messages a second; zod's discriminated union with the
// recursive Json schema costs ~2 µs each. The hot shape — a send whose options hold only primitive values
// under known keys — is checked by hand here and yields exactly what the schema would (a fresh object with
// the same keys in the same order); every other message, and every message that is not valid, goes through the schema, so
// the schema stays the one definition of what is accepted and how a refusal reads.
import type { ClientMessage } from '../../shared/my-wire';
import { clientMessageSchema } from '../../shared/my-wire';

type Parsed = { success: true; data: ClientMessage } | { success: false; issues: string };

const SEND_KEYS: ReadonlySet<string> = new Set(['op', 'callId', 'target', 'options', 'page']);
const HOT_OPTION_KEYS: ReadonlySet<string> = new Set(['data', 'isBuffer']);
/** The schema's bounds (shared/my-wire.ts socketTargetSchema and callBase.page). */
const MAX_TARGET = 64;
const MAX_PAGE = 512;

const isPrimitive = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The message when `raw` is a valid send of the hot shape, else undefined (the schema decides). */
export function hotSend(raw: unknown): Extract<ClientMessage, { op: 'send' }> | undefined {
  if (!plainObject(raw) || raw.op !== 'send') return undefined;
  for (const key in raw) if (!SEND_KEYS.has(key)) return undefined;
  const { callId, target, options, page } = raw;
  if (typeof callId !== 'number' || !Number.isSafeInteger(callId) || callId < 0) return undefined;
  if (target !== null && (typeof target !== 'string' || target.length < 1 || target.length > MAX_TARGET)) return undefined;
  if (page !== undefined && (typeof page !== 'string' || page.length > MAX_PAGE)) return undefined;
  if (!plainObject(options)) return undefined;
  const copied: Record<string, string | number | boolean | null> = {};
  for (const key in options) {
    const value = options[key];
    if (!HOT_OPTION_KEYS.has(key) || !isPrimitive(value)) return undefined;
    copied[key] = value;
  }
  return page === undefined ? { op: 'send', callId, target, options: copied } : { op: 'send', callId, target, page, options: copied };
}

/** The validated message, or the first issues of a refused one (as the receiver reports them). */
export function parseClientMessage(raw: unknown): Parsed {
  const hot = hotSend(raw);
  if (hot) return { success: true, data: hot };
  const parsed = clientMessageSchema.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, issues: parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`).join('; ') };
}
