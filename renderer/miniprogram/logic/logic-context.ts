// What the parts of the logic runtime share: the channel to the view, the render acknowledgements, the
// project's pages, and one way to call project code so that nothing it throws escapes the runtime.
import type { LogicConfig } from '../../../shared/miniprogram/logic-worker-protocol';
import type { LogicToView, RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import type { RenderAcks } from './instance-data';

export interface LogicContext {
  config: LogicConfig;
  post(message: LogicToView): void;
  acks: RenderAcks;
  /** An uncaught error of project code: App.onError, then a `problem`. */
  reportError(error: unknown): void;
  /** A problem the runtime found itself (not an exception of project code). */
  reportProblem(problem: RuntimeProblem): void;
  warn(message: string): void;
  /** `warn` the first time this exact text comes (an instance's setData misuse repeats on every render, §3.4). */
  warnOnce(message: string): void;
  /** The route APIs resolving relative URLs against `base` (`this.router` / `this.pageRouter`, §8.2). */
  routerFor(base: string): object;
  /** `this.createSelectorQuery()` of a page or component: a query searching page `pageId`. */
  selectorQueryIn(pageId: number): unknown;
  /** `$selectComponent` (`all` false: the first or null) / `$selectAllComponents` of page or component `scopeId`. */
  selectComponents(scopeId: number, selector: unknown, all: boolean): unknown;
  /** A page's `this`, or a component's `ref()` value or `this` (§4.7); null when no such instance lives. */
  publicInstance(instanceId: number): unknown;
  /** `getRelationNodes(key)` of component `instanceId` (docs/miniprogram-runtime.md#relations). */
  relationNodes(instanceId: number, key: unknown): unknown[];
}

/** Calls `target[name](...args)` when it is a function; what it throws is reported, never rethrown. */
export function callHook(context: LogicContext, target: object, name: string, args: unknown[] = []): unknown {
  const hook: unknown = (target as Record<string, unknown>)[name];
  if (typeof hook !== 'function') return undefined;
  return invoke(context, () => (hook as (...hookArgs: unknown[]) => unknown).apply(target, args));
}

/** Runs project code; a throw is reported and gives undefined. */
export function invoke(context: LogicContext, run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    context.reportError(error);
    return undefined;
  }
}
