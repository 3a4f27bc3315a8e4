// Per-session engine settings, changed from the panel (docs/behaviour.md#a1-second-single-mode-connect-replaces-or-rejects, docs/behaviour.md#a11-close-code-and-reason-validation, docs/behaviour.md#a14-incoming-binary-as-arraybuffer, docs/behaviour.md#a22-which-connect-timeout-applies, docs/behaviour.md#a24-strict-wss).
import * as z from 'zod';
import { CLIENT_PROFILES, DEFAULT_CLIENT_PROFILE, clientProfile } from './client-profiles';
import { AUTH_OUTCOMES, DEFAULT_TRADE_PAY_RESULT, MAX_FIXED_AUTH_CODE, TRADE_PAY_RESULT_CODES } from './open-api-stand-ins';
import { DEFAULT_PHONE_PROFILE, PHONE_PROFILE_IDS } from './phone-profiles';

/** Most seconds backgroundCloseSeconds takes. */
export const MAX_BACKGROUND_CLOSE_SECONDS = 3600;

export const engineSettingsSchema = z.object({
  /** Single mode: a second connectSocket replaces the live connection, or fails with 2. */
  singleModePolicy: z.enum(['replace', 'reject']),
  /** ws: URLs fail ("strict wss", as apps created since May 2019): 5 under alipay-plus, 20 under alipay-cn. */
  strictWss: z.boolean(),
  /** Accept any TLS certificate (not faithful to phones; clearly labelled in the panel). */
  ignoreCertificateErrors: z.boolean(),
  /** Incoming messages larger than this fail with 12. */
  maxIncomingMessageBytes: z.number().int().min(1).max(1024 * 1024 * 1024),
  /** Handshake timeout when connectSocket gives none (ms, 1..120000). */
  connectTimeoutMs: z.number().int().min(1).max(120000),
  /** Live SocketTasks allowed per client. */
  maxTasks: z.number().int().min(1).max(64),
  /**
   * The socket domains a release build may reach (the mini program console's server domain allowlist),
   * separated by commas, spaces or new lines; '' = not configured. Read by the release-parity verdict only.
   */
  domainAllowlist: z.string().max(10_000),
  /**
   * How `my` delivers incoming binary messages (docs/behaviour.md#a14-incoming-binary-as-arraybuffer): base64 with `isBuffer: true` (the docs, most clients)
   * or an ArrayBuffer (mini-game clients >= 10.5.16). The capture keeps base64 either way.
   */
  incomingBinary: z.enum(['base64', 'arraybuffer']),
  /** Whose error table the engine answers with (docs/behaviour.md#client-profiles). */
  clientProfile: z.enum(CLIENT_PROFILES),
  /** The phone my.getSystemInfo describes to pages attached from now on (docs/behaviour.md#system-info). */
  phoneProfile: z.enum(PHONE_PROFILE_IDS),
  /** my.request: an HTTP status >= 400 fails with 19 (the docs) instead of succeeding (docs/behaviour.md#my-request). */
  httpErrorStatusFails: z.boolean(),
  /**
   * Seconds in the background after which the engine closes the mini-app's sockets with 1001; null = they stay
   * open (docs/behaviour.md#app-life-background-and-foreground). Fractions are allowed (tests use 0.2 s).
   */
  backgroundCloseSeconds: z.number().min(0).max(MAX_BACKGROUND_CLOSE_SECONDS).nullable(),
  /** my.getAuthCode: the user grants or refuses (error 11) (docs/behaviour.md#login-and-payment-stand-ins). */
  authOutcome: z.enum(AUTH_OUTCOMES),
  /** The code a grant gives; '' = a fresh `preview-auth-<n>` each call. */
  fixedAuthCode: z.string().max(MAX_FIXED_AUTH_CODE),
  /** The resultCode my.tradePay answers (payments are never made). */
  tradePayResultCode: z.enum(TRADE_PAY_RESULT_CODES),
});
export type EngineSettings = z.infer<typeof engineSettingsSchema>;

export const DEFAULT_SETTINGS: EngineSettings = {
  singleModePolicy: 'replace',
  strictWss: false,
  ignoreCertificateErrors: false,
  maxIncomingMessageBytes: 16 * 1024 * 1024,
  connectTimeoutMs: 30000,
  maxTasks: 5,
  domainAllowlist: '',
  incomingBinary: 'base64',
  clientProfile: DEFAULT_CLIENT_PROFILE,
  phoneProfile: DEFAULT_PHONE_PROFILE,
  httpErrorStatusFails: true,
  backgroundCloseSeconds: null,
  authOutcome: 'grant',
  fixedAuthCode: '',
  tradePayResultCode: DEFAULT_TRADE_PAY_RESULT,
};

/** `--background-close <seconds>` and the panel's field: '' = null (sockets stay open), else 0..3600 seconds. */
export function parseBackgroundCloseSeconds(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!/^\d+(\.\d+)?$/.test(trimmed) || value > MAX_BACKGROUND_CLOSE_SECONDS) {
    return { ok: false, error: `background close: seconds from 0 to ${MAX_BACKGROUND_CLOSE_SECONDS}, or empty to keep sockets open, not "${text}"` };
  }
  return { ok: true, value };
}

export const settingsPatchSchema = engineSettingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * Choosing a client profile also applies its single-mode policy and wss rule (docs/behaviour.md#client-profiles),
 * unless the same patch sets them; both stay adjustable afterwards.
 */
export function withProfilePresets(patch: SettingsPatch): SettingsPatch {
  if (patch.clientProfile === undefined) return patch;
  const profile = clientProfile(patch.clientProfile);
  return { singleModePolicy: profile.singleModePolicy, strictWss: profile.strictWss, ...patch };
}
