// What the preview answers for the Alipay open APIs that need a real account: login, user info and payment
// (docs/behaviour.md#login-and-payment-stand-ins). Shared by the engine (answers) and the panel (choices).

/** The open APIs the engine answers with stand-ins. */
export const OPEN_APIS = ['getAuthCode', 'getOpenUserInfo', 'tradePay'] as const;
export type OpenApiName = (typeof OPEN_APIS)[number];

/** my.getAuthCode: the user grants, or refuses with AUTH_REFUSED_ERROR. */
export const AUTH_OUTCOMES = ['grant', 'refuse'] as const;
export type AuthOutcome = (typeof AUTH_OUTCOMES)[number];

/** The documented error of my.getAuthCode when the user refuses authorization. */
export const AUTH_REFUSED_ERROR = 11;

/** The stand-in codes are `preview-auth-<n>`: no real server accepts them by mistake. */
export const PREVIEW_AUTH_CODE_PREFIX = 'preview-auth-';

/** The silent scope: Alipay grants it without asking the user, so it is never refused. */
export const SILENT_AUTH_SCOPE = 'auth_base';

/** The most characters of a fixed auth code. */
export const MAX_FIXED_AUTH_CODE = 256;

/** my.tradePay's documented result codes and what each means. */
export const TRADE_PAY_RESULTS = {
  '9000': 'order processed (paid)',
  '8000': 'processing, result unknown',
  '4000': 'order failed',
  '6001': 'the user cancelled',
  '6002': 'network error',
  '6004': 'result unknown',
} as const;
export type TradePayResultCode = keyof typeof TRADE_PAY_RESULTS;
/** In the docs' order (object keys that look like numbers would sort). */
export const TRADE_PAY_RESULT_CODES = ['9000', '8000', '4000', '6001', '6002', '6004'] as const satisfies readonly TradePayResultCode[];

/** Default: the user cancels, so no one believes a payment happened. */
export const DEFAULT_TRADE_PAY_RESULT: TradePayResultCode = '6001';
