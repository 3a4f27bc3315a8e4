// The engine's stand-ins for my.getAuthCode, my.getOpenUserInfo and my.tradePay
// (docs/behaviour.md#login-and-payment-stand-ins): the answer the session settings choose, never a real
// account or payment; wrong arguments fail with 2.
import { jsonTypeName, type Json } from '../../../shared/json';
import { AUTH_REFUSED_ERROR, PREVIEW_AUTH_CODE_PREFIX, SILENT_AUTH_SCOPE, TRADE_PAY_RESULTS, type OpenApiName } from '../../../shared/open-api-stand-ins';
import type { EngineSettings } from '../../../shared/settings';
import type { EngineWarning } from '../engine-warning';
import type { RequestReply } from './request-result';

/** Counts the stand-in auth codes an engine issued, so each is new (as phones give a new code per call). */
export interface AuthCodeCounter {
  issued: number;
}

export interface OpenApiAnswer {
  reply: RequestReply;
  warning?: EngineWarning;
}

const invalid = (detail: string): OpenApiAnswer => ({ reply: { ok: false, error: 2, errorMessage: `invalid parameter (${detail})` } });

/** The call's options as an object, or undefined when they are something else. */
function fieldsOf(options: Json): Record<string, Json> | undefined {
  return typeof options === 'object' && options !== null && !Array.isArray(options) ? options : undefined;
}

/** `scopes` as the docs allow it: absent or null = auth_base, one name, or an array of names. */
function scopesOf(scopes: Json | undefined): string[] | undefined {
  if (scopes === undefined || scopes === null) return [SILENT_AUTH_SCOPE];
  if (typeof scopes === 'string' && scopes !== '') return [scopes];
  if (Array.isArray(scopes) && scopes.every((scope): scope is string => typeof scope === 'string' && scope !== '')) {
    return scopes.length === 0 ? [SILENT_AUTH_SCOPE] : scopes;
  }
  return undefined;
}

function getAuthCode(fields: Record<string, Json>, settings: EngineSettings, counter: AuthCodeCounter): OpenApiAnswer {
  const scopes = scopesOf(fields['scopes']);
  if (!scopes) return invalid(`getAuthCode: scopes must be a scope name or an array of scope names, got ${jsonTypeName(fields['scopes'])}`);
  // auth_base is silent on phones (no prompt), so only the scopes that ask the user can be refused.
  const refused = settings.authOutcome === 'refuse' ? scopes.filter((scope) => scope !== SILENT_AUTH_SCOPE) : [];
  if (refused.length > 0) {
    const authErrorScopes = Object.fromEntries(refused.map((scope) => [scope, String(AUTH_REFUSED_ERROR)]));
    return { reply: { ok: false, error: AUTH_REFUSED_ERROR, errorMessage: 'The user refused authorization (preview setting "user refuses").', extra: { authErrorScopes } } };
  }
  counter.issued += 1;
  const authCode = settings.fixedAuthCode === '' ? `${PREVIEW_AUTH_CODE_PREFIX}${counter.issued}` : settings.fixedAuthCode;
  return { reply: { ok: true, payload: { authCode, authSuccessScopes: scopes, authErrorScopes: {} } } };
}

/** The documented double-wrapped `response` string: 10000 with a stand-in profile, or 40003 when authorization is refused. */
function getOpenUserInfo(settings: EngineSettings): OpenApiAnswer {
  const response =
    settings.authOutcome === 'refuse'
      ? { code: '40003', msg: 'Insufficient Conditions', subCode: 'isv.invalid-auth-relations', subMsg: 'invalid authorization relation (preview setting "user refuses")' }
      : { code: '10000', msg: 'Success', nickName: 'Preview user', avatar: '', gender: '', countryCode: '', province: '', city: '' };
  return { reply: { ok: true, payload: { response: JSON.stringify({ response }) } } };
}

function tradePay(fields: Record<string, Json>, settings: EngineSettings): OpenApiAnswer {
  const { tradeNO, orderStr } = fields;
  const order = [tradeNO, orderStr].find((value): value is string => typeof value === 'string' && value !== '');
  if (order === undefined) return invalid(`tradePay: give tradeNO (a trade number string) or orderStr, got tradeNO ${jsonTypeName(tradeNO)} and orderStr ${jsonTypeName(orderStr)}`);
  const resultCode = settings.tradePayResultCode;
  const message = `my.tradePay(${order.slice(0, 64)}) answered resultCode ${resultCode} (${TRADE_PAY_RESULTS[resultCode]}): payments are not emulated, nothing was paid.`;
  return { reply: { ok: true, payload: { resultCode } }, warning: { id: 'payment-not-emulated', message, detail: { resultCode } } };
}

/** The answer to one call of an open API with `options` as the page sent them. */
export function answerOpenApi(api: OpenApiName, options: Json, settings: EngineSettings, counter: AuthCodeCounter): OpenApiAnswer {
  const fields = fieldsOf(options);
  if (!fields) return invalid(`${api}: expects an options object, got ${jsonTypeName(options)}`);
  if (api === 'getAuthCode') return getAuthCode(fields, settings, counter);
  if (api === 'getOpenUserInfo') return getOpenUserInfo(settings);
  return tradePay(fields, settings);
}
