// Component `styleIsolation` (docs/miniprogram-runtime.md#references §4.8): `shared` (the default) leaves the
// component's ACSS global; `apply-shared` keeps it inside the component. The preview does that as scoped CSS:
// the view adds the component's scope class to every element the component's own AXML renders, and each rule
// of its sheet requires that class on the element it styles (the last compound of each selector). Outside
// styles still apply to the component, as the documentation says.
import type { AtRule, Root } from 'postcss';
import selectorParser from 'postcss-selector-parser';
import type { Json } from '../../shared/json';
import type { RuntimeProblem } from '../../shared/miniprogram/view-logic-protocol';
import { componentHostTag } from '../../shared/miniprogram/view-bundle';

/** The scope class of an `apply-shared` component, e.g. `/components/card/index` → `mp-iso-components-card-index`. */
export function styleScopeClass(componentPath: string): string {
  return `mp-iso-${componentPath.replace(/^\/+/, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The scope class a component's .json asks for; an unknown `styleIsolation` is a problem and means `shared`. */
export function styleScopeOf(componentPath: string, styleIsolation: Json | undefined, problems: RuntimeProblem[]): string | undefined {
  if (styleIsolation === undefined || styleIsolation === 'shared') return undefined;
  if (styleIsolation === 'apply-shared') return styleScopeClass(componentPath);
  problems.push({ kind: 'json', message: `styleIsolation ${JSON.stringify(styleIsolation)}: use "shared" or "apply-shared"; "shared" applies`, file: `${componentPath.slice(1)}.json` });
  return undefined;
}

/** The .json's `virtualHost` when it is a boolean; anything else is a problem and means the default (virtual). */
export function virtualHostOf(componentPath: string, value: Json | undefined, problems: RuntimeProblem[]): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  problems.push({ kind: 'json', message: `virtualHost ${JSON.stringify(value)}: use true or false; true (no host element) applies`, file: `${componentPath.slice(1)}.json` });
  return undefined;
}

/** `:host` → `.hostClass`, `:host(.a)` → `.hostClass.a`: the component's host element (`virtualHost: false`, §4.8). */
export function rewriteHost(root: Root, hostClass: string): void {
  const replaceHost = selectorParser((selectors) => {
    selectors.walkPseudos((pseudo) => {
      if (pseudo.value !== ':host') return;
      const inner = pseudo.nodes[0]?.nodes ?? [];
      pseudo.replaceWith(selectorParser.className({ value: hostClass }), ...inner.map((node) => node.clone()));
    });
  });
  root.walkRules((rule) => {
    if (rule.selector.includes(':host')) rule.selector = replaceHost.processSync(rule.selector);
  });
}

/** Adds `.scope` to the last compound of every selector (before a pseudo-element); keyframe steps are left alone. */
export function scopeSheet(root: Root, scope: string): void {
  const addScope = selectorParser((selectors) => {
    selectors.each((selector) => {
      const nodes = selector.nodes;
      const lastCombinator = nodes.findLastIndex((node) => node.type === 'combinator');
      const pseudoElement = nodes.findIndex((node, index) => index > lastCombinator && node.type === 'pseudo' && node.value.startsWith('::'));
      const scopeClass = selectorParser.className({ value: scope });
      const before = nodes[pseudoElement];
      if (before === undefined) selector.append(scopeClass);
      else selector.insertBefore(before, scopeClass);
    });
  });
  rewriteSelectors(root, addScope);
}

/** Runs `processor` on every rule's selector but keyframe steps (`from`, `50%`). */
function rewriteSelectors(root: Root, processor: ReturnType<typeof selectorParser>): void {
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as AtRule).name)) return;
    rule.selector = processor.processSync(rule.selector);
  });
}

/**
 * A page's sheet applies inside that page only (§7 "全局样式与局部样式"): a selector whose first compound is the
 * page root (`page`, compiled to `.a-page`) gets the page's class there; any other gets it as an ancestor.
 */
export function scopeToPage(root: Root, pageClass: string): void {
  const addPage = selectorParser((selectors) => {
    selectors.each((selector) => {
      const firstCombinator = selector.nodes.findIndex((node) => node.type === 'combinator');
      const firstCompound = firstCombinator === -1 ? selector.nodes : selector.nodes.slice(0, firstCombinator);
      const pageRoot = firstCompound.find((node) => node.type === 'class' && node.value === 'a-page');
      if (pageRoot !== undefined) {
        selector.insertAfter(pageRoot, selectorParser.className({ value: pageClass }));
        return;
      }
      const first = selector.first;
      const spaces = { before: first.spaces.before, after: '' };
      first.spaces.before = '';
      selector.prepend(selectorParser.combinator({ value: ' ' }));
      selector.prepend(selectorParser.className({ value: pageClass, spaces }));
    });
  });
  rewriteSelectors(root, addPage);
}

/**
 * A basic tag the page's `usingComponents` overrides (`"button": "…"`): its tag selector (`button`, compiled to
 * `.a-button`) matches the basic buttons as before (inside the overriding component too, whose styles are
 * shared by default) and also the component's host element when it has one (`virtualHost: false`), as the
 * user who wrote `<button>` and `button {}` expects (docs/miniprogram-runtime.md#tried-on-public-projects).
 */
export function matchOverridingHosts(root: Root, tags: readonly string[]): void {
  if (tags.length === 0) return;
  const widen = selectorParser((selectors) => {
    selectors.walkClasses((node) => {
      const tag = tags.find((candidate) => node.value === `a-${candidate}`);
      if (tag === undefined) return;
      const either = selectorParser.pseudo({ value: ':is', spaces: node.spaces });
      either.append(selectorParser.selector({ value: '', nodes: [selectorParser.className({ value: node.value })] }));
      either.append(selectorParser.selector({ value: '', nodes: [selectorParser.tag({ value: componentHostTag(tag), spaces: { before: ' ', after: '' } })] }));
      node.replaceWith(either);
    });
  });
  rewriteSelectors(root, widen);
}
