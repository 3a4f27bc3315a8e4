// What page and component views need from the view runtime: the logic channel, the modules, and each
// instance's data with the `setData` callbacks waiting for its next render.
import type { Json } from '../../../shared/json';
import type { RuntimeProblem, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import type { ComponentPlaces } from './component-places';
import type { ModuleRegistry } from './module-registry';

export type InstanceData = { [key: string]: Json };

export interface ViewHost {
  readonly registry: ModuleRegistry;
  /** The places of components with relations, reported to the logic (docs/miniprogram-runtime.md#relations). */
  readonly places: ComponentPlaces;
  post(message: ViewToLogic): void;
  /** The instance's data, undefined until its `init` arrived. */
  dataOf(instanceId: number): InstanceData | undefined;
  /** `rerender` runs when the instance's data changes; returns the detach function. */
  attach(instanceId: number, rerender: () => void): () => void;
  /** Acknowledges the `set-data` callbacks the instance's finished render showed. */
  rendered(instanceId: number): void;
  /** A page's render committed: acknowledges its callbacks, and sends `page-ready` after its first render. */
  pageRendered(pageId: number): void;
  /** A fresh id for a custom-component instance (view-allocated, see component-create). */
  nextComponentId(): number;
  /** A component instance's declared `props` defaults (from its `init`; empty until then). */
  defaultPropsOf(instanceId: number): Readonly<Record<string, Json>>;
  /** A component instance's external class names (from its `init`; empty until then). */
  externalClassesOf(instanceId: number): readonly string[];
  /** The component has relations (its `init` said `ordered`): it reports its place on the page. */
  isOrdered(instanceId: number): boolean;
  /** `virtualHost: false` (JS options over .json, §4.8): the component renders inside a host element. */
  hasHostElement(instanceId: number, path: string): boolean;
  /** `usingComponents` of a component, by its path. */
  componentsOf(path: string): Record<string, string>;
  /** The scope class of an `apply-shared` component (every element of its own AXML carries it), by its path. */
  styleScopeOf(path: string): string | undefined;
  /** Shows a problem in the phone and sends it to the logic side, once per distinct message. */
  reportOnce(problem: RuntimeProblem): void;
}
