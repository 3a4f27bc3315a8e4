// Page mixins (docs/miniprogram-runtime.md#page-mixins; `Mixin.md`, base library 2.8.5): `Page({ mixins })` takes
// Mixin() instances and uses their `data`, `methods`, `observers` and `rootEvents` (as the page's `events`); the
// component-only definition segments are ignored, each named once in a warning.
import { asRecord } from './component-options';
import { flattenMixins, isMixinInstance } from './mixins';

/** Definition segments `Mixin.md` says a page ignores. */
const COMPONENT_ONLY = new Set(['props', 'onInit', 'deriveDataFromProps', 'didMount', 'didUpdate', 'didUnmount', 'onError', 'lifetimes', 'relations']);
/** What a page uses from a mixin, and what it reads elsewhere (`mixins`) or the preview does not implement for anyone (`definitionFilter`). */
const PAGE_SEGMENTS = new Set(['data', 'methods', 'observers', 'rootEvents', 'mixins', 'definitionFilter']);

export interface PageMixins {
  /** The mixin layers in run order: nested mixins before the one using them, earlier before later, each once. */
  layers: Record<string, unknown>[];
  /** `methods` of all layers, later ones over earlier ones (the page's own members win over these). */
  methods: Record<string, unknown>;
}

const merged = new WeakMap<object, PageMixins>();

/** The mixins of one Page() definition, worked out (and warned about) once however often the page opens. */
export function pageMixinsOf(options: Record<string, unknown>, warn: (message: string) => void): PageMixins {
  const known = merged.get(options);
  if (known) return known;
  const layers = flattenMixins(options.mixins, (mixin) => {
    if (isMixinInstance(mixin)) return true;
    warn('a page takes only mixins made by Mixin() (Mixin.md); a plain object in mixins is ignored');
    return false;
  });
  const ignored = new Set<string>();
  for (const layer of layers) for (const key of Object.keys(layer)) if (!PAGE_SEGMENTS.has(key)) ignored.add(key);
  if (ignored.size > 0) warn(`a page ignores these fields of its mixins: ${[...ignored].map((key) => (COMPONENT_ONLY.has(key) ? key : `${key} (page hooks of a mixin go in rootEvents)`)).join(', ')}`);
  const methods: Record<string, unknown> = {};
  for (const layer of layers) Object.assign(methods, asRecord(layer.methods));
  const result = { layers, methods };
  merged.set(options, result);
  return result;
}
