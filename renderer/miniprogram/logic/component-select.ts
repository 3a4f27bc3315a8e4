// `this.$selectComponent(selector)` / `$selectAllComponents(selector)` of a page or component
// (docs/miniprogram-runtime.md#references §4.3, §4.7): custom components matched by the documented selector
// syntax (`#id`, `.a.b`, `a b`, `a > b`, `a >>> b`, `x, y`) plus the tag of a custom component (`my-card`,
// `my-card.on`), in the order they are seen, each as its `ref()` value or its `this`. The logic has no DOM, so
// it matches on what the view told it: each component's tag, `id` and `class` attributes, the instance whose
// AXML declared it (owner) and the component it renders inside (composed parent). Decisions in
// docs/miniprogram-runtime.md "Decisions where the framework documentation is silent".
import { BUILTIN_TAGS } from '../../../shared/miniprogram/view-bundle';

/** What the selection needs of one live component. */
export interface SelectableComponent {
  readonly instanceId: number;
  readonly pageId: number;
  /** The page or component whose AXML wrote its tag. */
  readonly parentId: number;
  /** The component it renders inside (a slot host, or its owner), or its page. */
  readonly composedParentId: number;
  /** The tag its user wrote (`my-card`), when the view said. */
  readonly tag?: string | undefined;
  /** Its `id` and `class` attributes as last rendered. */
  attributes(): { id: string; classes: string[] };
}

interface Compound {
  tag?: string;
  id?: string;
  classes: string[];
}

type Combinator = ' ' | '>' | '>>>';

/** One selector of a list: compounds left to right, `combinators[i]` between compound i and i + 1. */
interface ComplexSelector {
  compounds: Compound[];
  combinators: Combinator[];
}

const NAME = '[A-Za-z_\\-\\u00a0-\\uffff][\\w\\-\\u00a0-\\uffff]*';
const COMPOUND = new RegExp(`^(${NAME})?(?:[#.]${NAME})*$`);
const PART = new RegExp(`[#.]${NAME}`, 'g');

/** The selector list, or undefined when it uses syntax neither the documentation lists nor a tag name (attributes, pseudo-classes, `*`). */
export function parseComponentSelector(text: string): ComplexSelector[] | undefined {
  const list: ComplexSelector[] = [];
  for (const raw of text.split(',')) {
    const tokens = raw.trim().split(/\s*(>>>|>)\s*|\s+/).filter((token) => token !== undefined && token !== '');
    const selector: ComplexSelector = { compounds: [], combinators: [] };
    let pending: Combinator | undefined;
    for (const token of tokens) {
      if (token === '>' || token === '>>>') {
        if (pending !== undefined || selector.compounds.length === 0) return undefined;
        pending = token;
        continue;
      }
      if (!COMPOUND.test(token)) return undefined;
      if (selector.compounds.length > 0) selector.combinators.push(pending ?? ' ');
      pending = undefined;
      selector.compounds.push(compoundOf(token));
    }
    if (pending !== undefined || selector.compounds.length === 0) return undefined;
    list.push(selector);
  }
  return list;
}

function compoundOf(token: string): Compound {
  const tag = COMPOUND.exec(token)?.[1];
  const compound: Compound = { classes: [], ...(tag === undefined ? {} : { tag }) };
  for (const part of token.slice(tag?.length ?? 0).match(PART) ?? []) {
    if (part.startsWith('#')) compound.id = part.slice(1);
    else compound.classes.push(part.slice(1));
  }
  return compound;
}

/** Basic-component tags a selector names (`view`): they never match, as only custom components are selected. */
export function basicTagsOf(selectors: readonly ComplexSelector[]): string[] {
  return selectors.flatMap((selector) => selector.compounds.flatMap((compound) => (compound.tag !== undefined && BUILTIN_TAGS.has(compound.tag) ? [compound.tag] : [])));
}

function matchesCompound(component: SelectableComponent, compound: Compound): boolean {
  if (compound.tag !== undefined && compound.tag !== component.tag) return false;
  const { id, classes } = component.attributes();
  if (compound.id !== undefined && compound.id !== id) return false;
  return compound.classes.every((name) => classes.includes(name));
}

/**
 * The components of `scopeId`'s page that `selectors` match from the AXML of `scopeId`, in the order they are
 * seen: depth first through the components each renders inside, a component's own before its slot content,
 * siblings in the order they were first rendered.
 */
export function selectComponents<T extends SelectableComponent>(components: readonly T[], scopeId: number, pageId: number, selectors: ComplexSelector[]): T[] {
  const onPage = components.filter((component) => component.pageId === pageId);
  const byId = new Map(onPage.map((component) => [component.instanceId, component]));
  const children = new Map<number, T[]>();
  for (const component of [...onPage].sort((a, b) => a.instanceId - b.instanceId)) {
    const parent = byId.has(component.composedParentId) ? component.composedParentId : pageId;
    children.set(parent, [...(children.get(parent) ?? []), component]);
  }
  const ordered: T[] = [];
  // A component's own AXML before the slot content it was given ("inside first, then outside" for `>>>`).
  const inside = (child: T, id: number): number => (child.parentId === id ? 0 : 1);
  const walk = (id: number): void => {
    for (const child of (children.get(id) ?? []).sort((a, b) => inside(a, id) - inside(b, id))) {
      ordered.push(child);
      walk(child.instanceId);
    }
  };
  walk(pageId);
  const matcher = { byId, scopeId };
  return ordered.filter((component) => selectors.some((selector) => matchesSelector(matcher, component, selector)));
}

interface Matcher {
  byId: Map<number, SelectableComponent>;
  scopeId: number;
}

function matchesSelector(matcher: Matcher, component: SelectableComponent, selector: ComplexSelector): boolean {
  const last = selector.compounds.length - 1;
  // Without `>>>` every compound names a component of the caller's own AXML.
  if (!selector.combinators.includes('>>>') && component.parentId !== matcher.scopeId) return false;
  return matchesCompound(component, selector.compounds[last] as Compound) && matchesLeft(matcher, component, selector, last);
}

/** Compound `index` matched `component`; do the compounds left of it match its composed ancestors? */
function matchesLeft(matcher: Matcher, component: SelectableComponent, selector: ComplexSelector, index: number): boolean {
  if (index === 0) return component.parentId === matcher.scopeId;
  const combinator = selector.combinators[index - 1] as Combinator;
  const compound = selector.compounds[index - 1] as Compound;
  let ancestor = matcher.byId.get(component.composedParentId);
  while (ancestor !== undefined) {
    // ` ` and `>` stay inside one AXML file; `>>>` crosses into the components that file uses.
    if (combinator !== '>>>' && ancestor.parentId !== component.parentId) return false;
    if (matchesCompound(ancestor, compound) && matchesLeft(matcher, ancestor, selector, index - 1)) return true;
    if (combinator === '>') return false;
    ancestor = matcher.byId.get(ancestor.composedParentId);
  }
  return false;
}
