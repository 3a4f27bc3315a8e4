// The basic `canvas` (docs/miniprogram-runtime.md#references §6, docs/miniprogram-runtime.md#canvas): an HTML
// canvas that CanvasContext.draw batches are replayed on (canvas-painter.ts). Its `width`/`height` attributes
// are its coordinate space and its default CSS size (300 × 225); `style` and ACSS size it on the page.
import type { VNode } from 'preact';
import { dom, num, rootProps, text, type BuiltinProps } from './builtin-props';

/** The DOM attribute holding the id `my.createCanvasContext` names (`id`, or a WeChat-style `canvas-id`). */
export const CANVAS_ID_ATTRIBUTE = 'mp-canvas-id';
/** The `width`/`height` attributes as given: the canvas's coordinate space (absent: its CSS size). */
export const CANVAS_WIDTH_ATTRIBUTE = 'mp-width';
export const CANVAS_HEIGHT_ATTRIBUTE = 'mp-height';

/** Canvas 2D / WebGL (`type`) are not emulated (docs/miniprogram-runtime.md#canvas): said once, in the phone and in Problems. */
const TYPED_CANVAS = {
  kind: 'axml',
  message: '<canvas type="…"> (Canvas 2D or WebGL through createSelectorQuery().node()) is not emulated: the preview draws the my.createCanvasContext API on a canvas without type',
} as const;

export function Canvas(props: BuiltinProps): VNode {
  const base = rootProps(props);
  // During render, as an unknown tag is reported (view-owner.ts): reportOnce keeps it to one problem per run.
  if (text(props.type) !== '') props.$o.reportOnce(TYPED_CANVAS);
  const width = num(props.width === undefined ? undefined : parseFloat(text(props.width)), 0);
  const height = num(props.height === undefined ? undefined : parseFloat(text(props.height)), 0);
  // Custom properties, not width/height: the default size must lose to the page's own ACSS and style (view-styles.ts).
  const size = `${width > 0 ? `--mp-canvas-width:${width}px;` : ''}${height > 0 ? `--mp-canvas-height:${height}px;` : ''}`;
  return dom('canvas', {
    ...base,
    style: `${size}${text(base.style)}` || undefined,
    [CANVAS_ID_ATTRIBUTE]: text(props.id) || text(props['canvas-id']),
    [CANVAS_WIDTH_ATTRIBUTE]: width > 0 ? width : undefined,
    [CANVAS_HEIGHT_ATTRIBUTE]: height > 0 ? height : undefined,
  });
}
