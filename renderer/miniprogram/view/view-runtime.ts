// The view half of the mini-program runtime: receives LogicToView messages, keeps each instance's data
// (applying `init` and `set-data` ops with the function it is given), and renders the phone with Preact into
// `container`. Data changes re-render only the instance they belong to; Preact's diff keeps DOM nodes (and so
// focus and typed text) across renders.
import { h, render } from 'preact';
import type { Json } from '../../../shared/json';
import type { DataOp, LogicToView, RuntimeProblem, StackPage, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import type { ManifestComponent, ViewManifest } from '../../../shared/miniprogram/view-bundle';
import { createComponentPlaces, type ComponentPlaces } from './component-places';
import { whenListsMounted } from './list-slices';
import type { ModuleRegistry } from './module-registry';
import { PhoneShell, type ShellState } from './phone-shell';
import type { InstanceData, ViewHost } from './view-host';
import type { AnswerQuestion } from './view-answers';

/** Applies data ops in order (shared/miniprogram/data-path.ts `applyDataOps` in the product). */
export type ApplyDataOps = (data: InstanceData, ops: readonly DataOp[]) => InstanceData;

export interface MiniProgramViewOptions {
  container: HTMLElement;
  manifest: ViewManifest;
  registry: ModuleRegistry;
  post: (message: ViewToLogic) => void;
  applyDataOps: ApplyDataOps;
  /** Answers the logic's `ask` (UI feedback, selector queries); absent: questions stay unanswered. */
  answer?: AnswerQuestion;
}

/** Component instance ids the view allocates start here, far above the logic's page ids. */
export const FIRST_COMPONENT_ID = 1_000_000;

interface Instance {
  data: InstanceData | undefined;
  callbackIds: number[];
  rerender: (() => void) | undefined;
  externalClasses: readonly string[];
  /** The component's JS `options.virtualHost` (from its `init`), which wins over its .json. */
  virtualHost?: boolean;
  ordered?: boolean;
  defaultProps?: Record<string, Json>;
}

export class MiniProgramView implements ViewHost {
  readonly registry: ModuleRegistry;
  readonly places: ComponentPlaces;
  private readonly instances = new Map<number, Instance>();
  private readonly reported = new Set<string>();
  private readonly readyPages = new Set<number>();
  private readonly components: Map<string, ManifestComponent>;
  private state: ShellState;
  private nextId = FIRST_COMPONENT_ID;

  constructor(private readonly options: MiniProgramViewOptions) {
    this.registry = options.registry;
    this.places = createComponentPlaces((message) => this.options.post(message));
    this.components = new Map(options.manifest.components.map((component) => [component.path, component]));
    this.state = { stack: [], live: [], tab: undefined, window: undefined, problems: [...options.manifest.problems] };
    this.paint();
  }

  /** What the view was started with (the page glue builds the logic's LogicConfig from it). */
  get manifest(): ViewManifest {
    return this.options.manifest;
  }

  post(message: ViewToLogic): void {
    this.places.send(message);
  }

  receive(message: LogicToView): void {
    switch (message.t) {
      case 'stack': {
        const added = message.pages.filter((page) => !this.state.live.some((live) => live.pageId === page.pageId));
        // A new top page starts from its .json window settings; the logic re-sends `window` changes it made.
        const topChanged = message.pages.at(-1)?.pageId !== this.state.stack.at(-1)?.pageId;
        const window = topChanged ? undefined : this.state.window;
        this.state = { ...this.state, stack: message.pages, live: [...this.state.live, ...added], tab: message.tab, window };
        this.paint();
        break;
      }
      case 'init':
        this.instance(message.instanceId).data = message.data !== null && typeof message.data === 'object' && !Array.isArray(message.data) ? message.data : {};
        this.instance(message.instanceId).externalClasses = message.externalClasses ?? [];
        if (message.virtualHost !== undefined) this.instance(message.instanceId).virtualHost = message.virtualHost;
        if (message.ordered === true) this.instance(message.instanceId).ordered = true;
        this.instance(message.instanceId).defaultProps = message.defaultProps;
        this.instance(message.instanceId).rerender?.();
        break;
      case 'set-data':
        this.setData(message.instanceId, message.ops, message.callbackId);
        break;
      case 'window':
        this.state = { ...this.state, window: message.window };
        this.paint();
        break;
      case 'problem':
        this.showProblem(message.problem);
        break;
      case 'ask': {
        const { id } = message;
        void this.options.answer?.(message.question).then((answer) => this.post({ t: 'answer', id, answer }));
        break;
      }
      case 'unload': {
        for (const pageId of message.pageIds) this.instances.delete(pageId);
        const staying = (page: StackPage): boolean => !message.pageIds.includes(page.pageId);
        const stack = this.state.stack.filter(staying);
        const window = stack.at(-1)?.pageId === this.state.stack.at(-1)?.pageId ? this.state.window : undefined;
        this.state = { ...this.state, stack, live: this.state.live.filter(staying), window };
        this.paint();
        break;
      }
    }
  }

  dataOf(instanceId: number): InstanceData | undefined {
    return this.instances.get(instanceId)?.data;
  }

  attach(instanceId: number, rerender: () => void): () => void {
    this.instance(instanceId).rerender = rerender;
    return () => {
      if (instanceId >= FIRST_COMPONENT_ID) this.instances.delete(instanceId);
      else if (this.instances.get(instanceId)?.rerender === rerender) this.instance(instanceId).rerender = undefined;
    };
  }

  /** Acknowledged once long lists finished mounting (list-slices.ts): a setData callback sees every row. */
  rendered(instanceId: number): void {
    whenListsMounted(() => this.acknowledge(instanceId));
  }

  pageRendered(pageId: number): void {
    whenListsMounted(() => {
      this.acknowledge(pageId);
      if (this.readyPages.has(pageId)) return;
      this.readyPages.add(pageId);
      this.post({ t: 'page-ready', pageId });
    });
  }

  private acknowledge(instanceId: number): void {
    const instance = this.instances.get(instanceId);
    if (instance === undefined || instance.callbackIds.length === 0) return;
    const callbackIds = instance.callbackIds.splice(0);
    this.post({ t: 'rendered', callbackIds });
  }

  nextComponentId(): number {
    return this.nextId++;
  }

  defaultPropsOf(instanceId: number): Readonly<Record<string, Json>> {
    return this.instances.get(instanceId)?.defaultProps ?? {};
  }

  externalClassesOf(instanceId: number): readonly string[] {
    return this.instances.get(instanceId)?.externalClasses ?? [];
  }

  isOrdered(instanceId: number): boolean {
    return this.instances.get(instanceId)?.ordered === true;
  }

  hasHostElement(instanceId: number, path: string): boolean {
    return !(this.instances.get(instanceId)?.virtualHost ?? this.components.get(path)?.virtualHost ?? true);
  }

  componentsOf(path: string): Record<string, string> {
    return this.components.get(path)?.usingComponents ?? {};
  }

  styleScopeOf(path: string): string | undefined {
    return this.components.get(path)?.styleScope;
  }

  reportOnce(problem: RuntimeProblem): void {
    const key = `${problem.kind}|${problem.file ?? ''}|${problem.message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.post({ t: 'view-problem', problem });
    // Reported while rendering: show it after this render, not inside it.
    queueMicrotask(() => this.showProblem(problem));
  }

  /** Removes the phone from the container. */
  stop(): void {
    render(null, this.options.container);
  }

  private setData(instanceId: number, ops: DataOp[], callbackId: number | undefined): void {
    const instance = this.instance(instanceId);
    instance.data = this.options.applyDataOps(instance.data ?? {}, ops);
    if (callbackId !== undefined) instance.callbackIds.push(callbackId);
    if (instance.rerender !== undefined) instance.rerender();
    else this.rendered(instanceId);
  }

  private showProblem(problem: RuntimeProblem): void {
    this.state = { ...this.state, problems: [...this.state.problems, problem] };
    this.paint();
  }

  private instance(instanceId: number): Instance {
    let instance = this.instances.get(instanceId);
    if (instance === undefined) {
      instance = { data: undefined, callbackIds: [], rerender: undefined, externalClasses: [] };
      this.instances.set(instanceId, instance);
    }
    return instance;
  }

  private paint(): void {
    const { manifest } = this.options;
    render(h(PhoneShell, { host: this, state: this.state, pages: manifest.pages, tabBar: manifest.tabBar }), this.options.container);
  }
}
