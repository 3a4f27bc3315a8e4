// my.getAuthCode, my.getOpenUserInfo and my.tradePay (docs/behaviour.md#login-and-payment-stand-ins): the
// engine answers them with the stand-ins the session settings choose, so the calls are logged like others.
import { OPEN_APIS, type OpenApiName } from '../open-api-stand-ins';
import { callbacksOf, type ApiPort } from './api-port';
import type { CallSuccessPayload } from './pending-calls';
import { sanitizeOptions } from './sanitize';

export type OpenApi = Record<OpenApiName, (options?: unknown) => Promise<CallSuccessPayload>>;

export function createOpenApi(port: ApiPort): OpenApi {
  const call = (api: OpenApiName, options: unknown): Promise<CallSuccessPayload> =>
    port.callEngine(api, options === undefined ? {} : sanitizeOptions(options), callbacksOf(options)).promise;
  return Object.fromEntries(OPEN_APIS.map((api) => [api, (options?: unknown) => call(api, options)])) as OpenApi;
}
