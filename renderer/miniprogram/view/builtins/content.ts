// Basic components that show content: view (and the containers without behaviour of their own), text, icon,
// progress, navigator, label (docs/miniprogram-runtime.md#references §6.1, §6.2); image is in image.ts.
import { h, toChildArray, type ComponentChild, type VNode } from 'preact';
import { dom, flag, num, rootProps, text, type BuiltinProps } from './builtin-props';
import { useHoverClass, withHandlers } from './hover-class';

type Children = ComponentChild;

/** A view with `hover-class` or `hover-stop-propagation`; plain views skip the hover state (most views, e.g. every row of a long list). */
function HoverView(props: BuiltinProps): VNode {
  const hover = useHoverClass(props, { hoverClass: 'none', startMs: 50, stayMs: 400 });
  return dom('div', withHandlers(rootProps(props, hover.className), hover.handlers), props.children as Children);
}

export function View(props: BuiltinProps): VNode {
  const hoverClass = text(props['hover-class'], 'none');
  const plain = (hoverClass === 'none' || hoverClass === '') && !flag(props['hover-stop-propagation']);
  return plain ? dom('div', rootProps(props), props.children as Children) : (h(HoverView, props) as VNode);
}

const SPACES: Record<string, string> = { nbsp: '\u00A0', ensp: '\u2002', emsp: '\u2003' };

/** Text with its spaces widened as `space` (nbsp, ensp, emsp) asks; other values leave it as it is. */
export function widenSpaces(content: string, space: unknown): string {
  const wide = SPACES[text(space)];
  return wide === undefined ? content : content.replace(/ /g, wide);
}
/** What `decode` adds: the XML entities (&lt; &amp; …) are already decoded when the AXML is parsed. */
const DECODED: Record<string, string> = { '&nbsp;': '\u00A0', '&ensp;': '\u2002', '&emsp;': '\u2003' };

/** `space` widens spaces, `decode` turns &nbsp;/&ensp;/&emsp; into their characters (docs §6.2). */
export function Text(props: BuiltinProps): VNode {
  const decode = flag(props.decode);
  const children = toChildArray(props.children as Children).map((child) => {
    if (typeof child !== 'string') return child;
    const decoded = decode ? child.replace(/&(?:nbsp|ensp|emsp);/g, (entity) => DECODED[entity] ?? entity) : child;
    return widenSpaces(decoded, props.space);
  });
  return dom('span', rootProps(props, flag(props.selectable) ? 'mp-selectable' : ''), children);
}

const ICON_GLYPHS: Record<string, string> = {
  success: '✔', success_no_circle: '✓', info: 'i', warn: '!', waiting: '◷', cancel: '✕', download: '↓',
  search: '⌕', clear: '✕', loading: '↻',
};

export function Icon(props: BuiltinProps): VNode {
  const type = text(props.type, 'info');
  const style = `font-size:${num(props.size, 23)}px;${props.color ? `color:${text(props.color)};` : ''}${text(rootProps(props).style)}`;
  return dom('span', { ...rootProps(props, `mp-icon-${type}`), style, role: 'img', 'aria-label': type }, ICON_GLYPHS[type] ?? '');
}

export function Progress(props: BuiltinProps): VNode {
  const percent = Math.min(100, Math.max(0, num(props.percent, 0)));
  const bar = `width:${percent}%;height:${num(props['stroke-width'], 6)}px;background:${text(props['active-color'], '#09BB07')}`;
  return dom(
    'div',
    { ...rootProps(props), role: 'progressbar', 'aria-valuenow': percent },
    dom('div', { class: 'mp-progress-track', style: `background:${text(props['background-color'], '#EBEBEB')}` }, dom('div', { class: 'mp-progress-bar', style: bar })),
    flag(props['show-info']) ? dom('span', { class: 'mp-progress-info' }, `${percent}%`) : null,
  );
}

export function Navigator(props: BuiltinProps): VNode {
  const hover = useHoverClass(props, { hoverClass: 'none', startMs: 50, stayMs: 600 });
  return dom(
    'div',
    {
      ...withHandlers(rootProps(props, hover.className), hover.handlers),
      role: 'link',
      onClick: () => props.$o.navigate(text(props['open-type'], 'navigate'), text(props.url), num(props.delta, 1)),
    },
    props.children as Children,
  );
}

export function Label(props: BuiltinProps): VNode {
  return dom('label', { ...rootProps(props), for: props.for === undefined ? undefined : text(props.for) }, props.children as Children);
}
