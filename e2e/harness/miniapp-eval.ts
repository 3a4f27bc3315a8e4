// Runs a function inside the mini-app document with its `my` as the first argument. The function is sent
// as source text (like Playwright's own evaluate), so it must not close over anything: pass data in `arg`.
import type { Frame } from '@playwright/test';
import type { MySocketApi } from '../../shared/my/types';

/** JSON-safe argument of inMiniapp. */
export type MiniappArg = null | boolean | number | string | MiniappArg[] | { [key: string]: MiniappArg | undefined };

/** `body(window.my, arg)` evaluated in the mini-app; resolves with its (awaited, serializable) result. */
export function inMiniapp<A extends MiniappArg, R>(frame: Frame, body: (my: MySocketApi, arg: A) => R | Promise<R>, arg: A): Promise<R> {
  // A string expression goes through the DevTools protocol, which the page's no-eval CSP does not govern.
  return frame.evaluate(`(${body.toString()})(window.my, ${JSON.stringify(arg)})`) as Promise<R>;
}
