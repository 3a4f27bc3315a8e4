// `rich-text` (docs/miniprogram-runtime.md#references §6.2): `nodes` as an array of `{ type, name, attrs, children,
// text }` (type `node`, the default, or `text`) or, from base library 2.8.5, an HTML string, which the browser's
// own DOMParser reads into an inert document (no script runs, no image loads). Either way only whitelisted tags
// and attributes reach the page: no scripts, no event-handler attributes, no links that navigate; a tag outside
// the list shows its children, `script`/`style` and the like are dropped with their content. `space` widens the
// text nodes' spaces as it does on `text`.
import { h, type ComponentChild, type VNode } from 'preact';
import { convertRpx } from '../../../../shared/miniprogram/rpx';
import { dom, rootProps, text, type BuiltinProps, type EventSink } from './builtin-props';
import { widenSpaces } from './content';

const TAGS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'fieldset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'label', 'legend', 'li', 'ol', 'p', 'q', 'span',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'pre', 'small', 'u', 's',
]);
/** Dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'link', 'meta', 'base', 'form', 'input', 'textarea', 'button', 'select', 'svg', 'math']);
const COMMON_ATTRS = new Set(['class', 'style', 'id', 'title']);
const TAG_ATTRS: Record<string, ReadonlySet<string>> = {
  img: new Set(['src', 'alt', 'width', 'height']),
  td: new Set(['colspan', 'rowspan', 'align', 'valign']),
  th: new Set(['colspan', 'rowspan', 'align', 'valign']),
  col: new Set(['span', 'width']),
  colgroup: new Set(['span', 'width']),
  ol: new Set(['start', 'type']),
  table: new Set(['border', 'cellpadding', 'cellspacing', 'width']),
};

interface RichNode {
  type?: unknown;
  name?: unknown;
  attrs?: unknown;
  children?: unknown;
  text?: unknown;
}

function safeAttrs(tag: string, attrs: unknown, sink: EventSink): Record<string, string> {
  const safe: Record<string, string> = {};
  if (typeof attrs !== 'object' || attrs === null) return safe;
  for (const [name, value] of Object.entries(attrs)) {
    const key = name.toLowerCase();
    if (!COMMON_ATTRS.has(key) && !TAG_ATTRS[tag]?.has(key)) continue;
    const textValue = text(value);
    if (key === 'src') {
      if (!/^(https?:|data:image\/|\/)/i.test(textValue.trim())) continue;
      safe.src = sink.assetUrl(textValue.trim());
    } else safe[key] = key === 'style' ? convertRpx(textValue) : textValue;
  }
  return safe;
}

/** How the nodes render: where assets resolve, and the `space` that widens their text's spaces. */
interface RenderContext {
  sink: EventSink;
  space: unknown;
}

function fromNode(node: unknown, context: RenderContext): ComponentChild {
  if (typeof node !== 'object' || node === null) return null;
  const { type, name, attrs, children, text: content } = node as RichNode;
  if (type === 'text') return widenSpaces(text(content), context.space);
  const tag = text(name).toLowerCase();
  if (DROPPED.has(tag)) return null;
  const inner = Array.isArray(children) ? children.map((child) => fromNode(child, context)) : [];
  return TAGS.has(tag) ? h(tag, safeAttrs(tag, attrs, context.sink), inner) : inner;
}

/** An element of the parsed HTML as a node of the array form. */
function nodeOfDom(element: Node): RichNode | undefined {
  if (element.nodeType === 3) return { type: 'text', text: element.textContent ?? '' };
  if (element.nodeType !== 1) return undefined;
  const source = element as Element;
  const attrs = Object.fromEntries([...source.attributes].map((attribute) => [attribute.name, attribute.value]));
  return { name: source.tagName, attrs, children: [...source.childNodes].map(nodeOfDom).filter((child) => child !== undefined) };
}

function nodesOfHtml(html: string): RichNode[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.childNodes].map(nodeOfDom).filter((node) => node !== undefined);
}

export function RichText(props: BuiltinProps): VNode {
  const nodes = typeof props.nodes === 'string' ? nodesOfHtml(props.nodes) : Array.isArray(props.nodes) ? props.nodes : [];
  const context = { sink: props.$o, space: props.space };
  return dom('div', rootProps(props), nodes.map((node) => fromNode(node, context)));
}
