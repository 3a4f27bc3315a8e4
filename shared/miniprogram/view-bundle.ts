// What the engine serves into the sandboxed view (main/miniprogram/ compiles it, renderer/miniprogram/view/ runs
// it): the manifest, and the shapes of the compiled AXML and SJS modules. See docs/miniprogram-runtime.md.
import type { Json } from '../json';
import type { RuntimeProblem } from './view-logic-protocol';

/** URL prefixes of the served bundle; the logic half serves `/__mp/logic/`. */
export const BUNDLE_PATHS = {
  manifest: '/__mp/manifest.json',
  /** The manifest as a classic script, `__mpDefine('manifest', '', () => manifest)`: the sandboxed view may load
   * scripts from its origin but not fetch (its connect-src is the `my` bridge only). */
  manifestScript: '/__mp/manifest.js',
  view: '/__mp/view',
  style: '/__mp/style',
  sjs: '/__mp/sjs',
  /** Project images, fonts and media named by `/absolute` paths in AXML and ACSS. */
  asset: '/__mp/asset',
} as const;

/**
 * Compiled AXML and SJS files are classic scripts that call this global once: `__mpDefine(kind, path, factory)`.
 * Paths are project paths with a leading slash and their extension, e.g. `/pages/index/index.axml`.
 */
export const DEFINE_GLOBAL = '__mpDefine';

/** A render scope: the instance's data plus loop variables, slot-scope names and SJS module names. */
export type RenderScope = Record<string, unknown>;

/** Preact vnodes, opaque to the compiler. */
export type RenderChild = unknown;

/** Runtime helpers shared by every compiled module (the view's `rt`). */
export interface RenderRuntime {
  /** A `{{ }}` in text: null/undefined render as an empty string. */
  text(value: unknown): string;
  /** An attribute mixing text and `{{ }}`: the parts joined as text. */
  cat(parts: unknown[]): string;
  /** A child scope (loops, templates, slot scopes); `parent` null makes a root scope over `data`. */
  scope(parent: RenderScope | null, data: unknown): RenderScope;
  /** A computed member key, with prototype-reaching names made harmless. */
  key(value: unknown): string | number;
  /**
   * One `a:for` whose body reads, from outside the loop, the values `deps`: items are keyed by `keyOf` and
   * re-rendered only when their item, index or `deps` changed (data changes copy only along the changed path,
   * so untouched items keep their identity).
   */
  list(
    value: unknown,
    deps: unknown[],
    keyOf: (pair: [unknown, number | string]) => unknown,
    renderItem: (pair: [unknown, number | string]) => RenderChild,
  ): RenderChild;
}

/** Per-instance helpers: what depends on whose AXML this is (page or component). */
export interface RenderOwner {
  /**
   * A built-in component (`view`, `input`, …) as a vnode. `slots`: its children as slot renderers, given when a
   * child has a `slot` attribute, for a tag `usingComponents` overrides.
   */
  el(tag: string, props: Record<string, unknown>, children: RenderChild[], slots?: SlotRenderer[]): RenderChild;
  /** A custom component tag (from `usingComponents`); children arrive as slot renderers. */
  comp(tag: string, props: Record<string, unknown>, slots: SlotRenderer[]): RenderChild;
  /** `<template is data>`: looked up in `file`'s templates, then in those of the files it imports. */
  tpl(file: string, name: unknown, data: unknown): RenderChild;
  /** `<include src>` */
  include(path: string, scope: RenderScope): RenderChild;
  /** `<slot name …props>fallback</slot>` inside a component's AXML. */
  slot(name: unknown, props: Record<string, unknown>, fallback: () => RenderChild[]): RenderChild;
  /** The exports of an SJS module (`default` for `<import-sjs name="x">`). */
  sjs(path: string): Record<string, unknown>;
}

/** One group of children passed to a component: `name` is the `slot` attribute's value ('' = default slot). */
export interface SlotRenderer {
  name: string;
  render(slotProps: Record<string, unknown>): RenderChild[];
}

export type TemplateRender = (data: unknown, owner: RenderOwner) => RenderChild[];

/** What the factory of a compiled AXML file returns. */
export interface AxmlModule {
  render(scope: RenderScope, owner: RenderOwner): RenderChild[];
  templates: Record<string, TemplateRender>;
  /** Files named by `<import src>` (their templates, not transitively). */
  imports: string[];
}
export type AxmlFactory = (rt: RenderRuntime) => AxmlModule;

/**
 * A compiled SJS file: CommonJS-shaped (ES `export x` become `exports.x`, `export default` `exports.default`),
 * with SJS's own globals `getDate(...)` and `getRegExp(pattern, flags)` passed in.
 */
export type SjsFactory = (
  module: { exports: Record<string, unknown> },
  exports: Record<string, unknown>,
  require: (path: string) => Record<string, unknown>,
  getDate: (...args: unknown[]) => Date,
  getRegExp: (pattern: string, flags?: string) => RegExp,
) => void;

export interface ManifestPage {
  route: string;
  /** app.json `window` merged with the page's .json. */
  window: Record<string, Json>;
  /** Tag → component path (`/components/card/index`), app-wide ones included. */
  usingComponents: Record<string, string>;
}

export interface ManifestComponent {
  path: string;
  usingComponents: Record<string, string>;
  /** `styleIsolation: "apply-shared"`: the class the view puts on every element of the component's own AXML. */
  styleScope?: string;
  /** The .json's `virtualHost` (§4.8); `false` gives the component a host element. JS `options.virtualHost` wins. */
  virtualHost?: boolean;
}

/** The class of a component's host element (`virtualHost: false`), which its ACSS `:host` selects (§4.8). */
export function componentHostClass(componentPath: string): string {
  return `mp-host-${componentPath.replace(/^\/+/, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The name of a `virtualHost: false` component's host element (docs/miniprogram-runtime.md#references §4.8): the
 * tag its user wrote when that is a custom-element name (`my-card`), else `mp-<tag>` (never an HTML element with
 * behaviour of its own, e.g. `form` or `button`).
 */
export function componentHostTag(tag: string): string {
  return /^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(tag) ? tag : `mp-${tag.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
}

/**
 * The class of a page's root element, which every rule of the page's ACSS requires (page styles are local
 * to their page, docs/miniprogram-runtime.md "Page styles are local").
 */
export function pageScopeClass(route: string): string {
  return `mp-route-${route.replace(/^\/+/, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface TabBarItem {
  pagePath: string;
  name: string;
  icon?: string;
  activeIcon?: string;
}

export interface TabBar {
  textColor?: string;
  selectedColor?: string;
  backgroundColor?: string;
  items: TabBarItem[];
}

/** `/__mp/manifest.json` */
export interface ViewManifest {
  pages: ManifestPage[];
  components: ManifestComponent[];
  window: Record<string, Json>;
  tabBar?: TabBar;
  /** Every compiled file the view loads, as project paths (`/pages/index/index.axml`, `/util.sjs`, `/app.acss`). */
  axml: string[];
  sjs: string[];
  /** What each AXML file imports, includes and names in `<import-sjs>`, and what each SJS file requires (page-modules.ts). */
  deps: Record<string, string[]>;
  /** Style sheets in cascade order: app.acss, components, pages. */
  acss: string[];
  problems: RuntimeProblem[];
  /** Remote `url()`s the sheets name (remoteUrlKey → the ACSS file, no leading slash), to say which file a refusal came from. */
  remoteUrls?: Record<string, string>;
}

/**
 * A remote URL without its scheme, normalised as the browser reports it (`//host/path`), so `url(//host/…)` in
 * ACSS and the `https://host/…` a refusal names match; undefined for what is no URL.
 */
export function remoteUrlKey(url: string): string | undefined {
  try {
    return new URL(url, 'https://base.invalid/').href.replace(/^https?:/i, '');
  } catch {
    return undefined;
  }
}

/** The URL of a compiled file: `/pages/a.axml` → `/__mp/view/pages/a.axml.js`. */
export function bundleUrlOf(projectPath: string): string {
  if (projectPath.endsWith('.acss')) return `${BUNDLE_PATHS.style}${projectPath}.css`;
  if (projectPath.endsWith('.sjs')) return `${BUNDLE_PATHS.sjs}${projectPath}.js`;
  return `${BUNDLE_PATHS.view}${projectPath}.js`;
}

/** Basic components (docs/miniprogram-runtime.md#references §6); any other tag is a custom component from `usingComponents`. */
export const BUILTIN_TAGS: ReadonlySet<string> = new Set([
  'view', 'text', 'button', 'input', 'textarea', 'image', 'icon', 'scroll-view', 'swiper', 'swiper-item', 'switch',
  'checkbox', 'checkbox-group', 'radio', 'radio-group', 'picker', 'form', 'label', 'navigator', 'progress',
  'rich-text', 'slider', 'movable-area', 'movable-view', 'picker-view', 'picker-view-column',
  'canvas',
]);
