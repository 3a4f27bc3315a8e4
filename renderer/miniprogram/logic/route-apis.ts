// my.navigateTo / redirectTo / navigateBack / switchTab / reLaunch (docs/miniprogram-runtime.md#references §8.1, §9.1): the
// route changes after the calling code has returned, with the calling conventions of asyncApi.
import { joinPath } from '../../../shared/miniprogram/route-url';
import { invoke, type LogicContext } from './logic-context';
import type { PageStack, RouteOutcome } from './page-stack';

export type RouteApi = (options?: unknown) => Promise<unknown>;

export interface RouteApis {
  navigateTo: RouteApi;
  redirectTo: RouteApi;
  navigateBack: RouteApi;
  switchTab: RouteApi;
  reLaunch: RouteApi;
}

/**
 * An async `my` API over a synchronous step: the step runs in a microtask after the call (as on a phone,
 * where it crosses to the native side), then settles as settleApiCall does.
 */
export function asyncApi(context: LogicContext, run: (options: Record<string, unknown>) => RouteOutcome): RouteApi {
  return (raw?: unknown) => {
    const options = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    return settleApiCall(context, options, new Promise<RouteOutcome>((resolve) => queueMicrotask(() => resolve(run(options)))));
  };
}

/**
 * The calling conventions of an async `my` API (§9.1) once its outcome is known: `success(result)` or
 * `fail({error, errorMessage})`, then `complete`; the returned Promise settles the same way and its rejection
 * never counts as unhandled.
 */
export function settleApiCall(context: LogicContext, options: Record<string, unknown>, outcome: Promise<RouteOutcome>): Promise<unknown> {
  const callback = (name: string, payload: object): void => {
    const fn = options[name];
    if (typeof fn === 'function') invoke(context, () => (fn as (result: object) => void).call(options, payload));
  };
  const promise = outcome.then((settled) => {
    const payload = settled.ok ? (settled.result ?? {}) : { error: settled.error, errorMessage: settled.errorMessage };
    callback(settled.ok ? 'success' : 'fail', payload);
    callback('complete', payload);
    if (!settled.ok) throw payload;
    return payload;
  });
  promise.catch(() => undefined);
  return promise;
}

/** `url` made absolute against `base` (a route or component path), so the stack does not resolve it against its top. */
function fromBase(url: string, base: string | undefined): string {
  if (base === undefined || url.startsWith('/')) return url;
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  return `/${joinPath(base.split('/').slice(0, -1), path)}${mark === -1 ? '' : url.slice(mark)}`;
}

/**
 * The route APIs; relative URLs resolve against the top page (`my.*`, no `base`) or against `base`
 * (`this.router` / `this.pageRouter` of a page or component, §8.2).
 */
export function createRouteApis(context: LogicContext, stack: PageStack, base?: string): RouteApis {
  const api = (run: (options: Record<string, unknown>) => RouteOutcome): RouteApi => asyncApi(context, run);
  const url = (options: Record<string, unknown>): string => fromBase(String(options.url ?? ''), base);
  return {
    navigateTo: api((options) => stack.navigateTo(url(options), options.events)),
    redirectTo: api((options) => stack.redirectTo(url(options))),
    navigateBack: api((options) => stack.navigateBack(typeof options.delta === 'number' ? options.delta : 1)),
    switchTab: api((options) => stack.switchTab(url(options))),
    reLaunch: api((options) => stack.reLaunch(url(options))),
  };
}

/** `<navigator open-type>` values and the route API each one performs (docs/miniprogram-runtime.md "View events from the chrome"). */
const NAVIGATOR_APIS: Readonly<Record<string, keyof RouteApis>> = {
  navigate: 'navigateTo',
  redirect: 'redirectTo',
  navigateBack: 'navigateBack',
  switchTab: 'switchTab',
  reLaunch: 'reLaunch',
};

/** The route API a `<navigator>` tap performs, or undefined for an open-type the preview does not know. */
export function navigatorApiOf(openType: string): keyof RouteApis | undefined {
  return Object.hasOwn(NAVIGATOR_APIS, openType) ? NAVIGATOR_APIS[openType] : undefined;
}
