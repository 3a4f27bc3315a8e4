// The `o` a compiled render function receives: one per page or component instance, because handler names,
// `usingComponents` and slots belong to whoever's AXML is rendering (docs/miniprogram-runtime.md#references §4.4, §4.6, §5.4).
import { h } from 'preact';
import type { Json } from '../../../shared/json';
import { BUNDLE_PATHS, type RenderChild, type RenderOwner, type RenderScope, type SlotRenderer } from '../../../shared/miniprogram/view-bundle';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { builtinComponent, type EventSink } from './builtins';
import { createMiniEvent } from './mini-event';
import { MiniComponent } from './mini-component';
import type { ViewHost } from './view-host';

/** Alipay's native basic components (§6), which the preview renders as views (docs/miniprogram-runtime.md "Not done yet"). */
const NATIVE_TAGS: ReadonlySet<string> = new Set(['map', 'video', 'camera', 'web-view', 'lottie', 'live-player', 'live-pusher']);

export class ViewOwner implements RenderOwner, EventSink {
  /** The children the instance's user wrote inside its tag (components only), refreshed on every render. */
  slots: SlotRenderer[] = [];
  /** External class name → the classes the component's user passed for it (components only, §4.8). */
  externalClasses = new Map<string, string>();

  constructor(
    readonly host: ViewHost,
    readonly instanceId: number,
    readonly pageId: number,
    private readonly usingComponents: Record<string, string>,
    /** The component's `apply-shared` scope class (style-isolation.ts in main/miniprogram), if any. */
    private readonly styleScope?: string,
  ) {}

  el(tag: string, props: Record<string, unknown>, children: RenderChild[], slots?: SlotRenderer[]): RenderChild {
    // usingComponents may name a basic tag (mini-ali-ui's "button"): the custom component wins, its content its
    // slots, named ones included (docs/miniprogram-runtime.md "Tried on public projects").
    if (Object.hasOwn(this.usingComponents, tag)) return this.comp(tag, props, slots ?? [{ name: '', render: () => children }]);
    const mapped = this.externalClasses.size > 0 || this.styleScope !== undefined;
    return h(builtinComponent(tag), { ...props, ...(mapped ? { class: this.classOf(props.class) } : {}), $o: this, $tag: tag }, children as never);
  }

  /** External class names replaced by the user's classes (`my-class` given as "red big" → `red big`), plus the scope class. */
  private classOf(written: unknown): string {
    const names = written === undefined || written === null ? [] : String(written).split(/\s+/).map((name) => this.externalClasses.get(name) ?? name);
    return [...names, this.styleScope ?? ''].filter((name) => name !== '').join(' ');
  }

  comp(tag: string, props: Record<string, unknown>, slots: SlotRenderer[]): RenderChild {
    const path = this.usingComponents[tag];
    if (path === undefined) {
      const why = NATIVE_TAGS.has(tag) ? 'is a native component the preview does not emulate' : 'is neither a basic component nor in usingComponents';
      this.host.reportOnce({ kind: 'axml', message: `<${tag}> ${why}; rendered as a view` });
      const content = slots.filter((slot) => slot.name === '').flatMap((slot) => slot.render({}));
      return this.el('view', { ...props, class: `${tag} ${String(props.class ?? '')}`.trim() }, content);
    }
    return h(MiniComponent, { host: this.host, parent: this, tag, path, attrs: props, slots });
  }

  tpl(file: string, name: unknown, data: unknown): RenderChild {
    const module = this.host.registry.axml(file);
    const templateName = String(name);
    const candidates = [module, ...(module?.imports ?? []).map((path) => this.host.registry.axml(path))];
    const template = candidates.map((candidate) => candidate?.templates[templateName]).find((found) => found !== undefined);
    if (template === undefined) {
      this.host.reportOnce({ kind: 'axml', message: `template "${templateName}" is not defined or imported`, file: file.slice(1) });
      return null;
    }
    return template(data, this);
  }

  include(path: string, scope: RenderScope): RenderChild {
    const module = this.host.registry.axml(path);
    if (module === undefined) {
      this.host.reportOnce({ kind: 'axml', message: 'included file is not loaded', file: path.slice(1) });
      return null;
    }
    return module.render(scope, this);
  }

  slot(name: unknown, props: Record<string, unknown>, fallback: () => RenderChild[]): RenderChild {
    const filled = this.slots.filter((slot) => slot.name === String(name ?? ''));
    return filled.length === 0 ? fallback() : filled.map((slot) => slot.render(props));
  }

  sjs(path: string): Record<string, unknown> {
    return this.host.registry.sjs(path);
  }

  emit(tag: string, props: Record<string, unknown>, type: string, detail: Json, domEvent?: Event, phase: 'capture' | 'bubble' = 'bubble'): void {
    const suffix = type[0]?.toUpperCase() + type.slice(1);
    const prefix = phase === 'capture' ? 'capture-' : '';
    const caught = props[`${prefix}catch${suffix}`];
    const handler = caught ?? props[`${prefix}on${suffix}`];
    if (typeof handler !== 'string' || handler === '') return;
    if (caught !== undefined) domEvent?.stopPropagation();
    this.host.post({ t: 'event', instanceId: this.instanceId, handler, event: createMiniEvent(type, { tag, props }, domEvent, detail) });
  }

  navigate(openType: string, url: string, delta: number): void {
    this.host.post({ t: 'navigate', openType, url, delta });
  }

  reportOnce(problem: RuntimeProblem): void {
    this.host.reportOnce(problem);
  }

  assetUrl(src: string): string {
    return src.startsWith('/') && !src.startsWith('//') ? `${BUNDLE_PATHS.asset}${src}` : src;
  }
}
