// The basic `image` (docs/miniprogram-runtime.md#references §6.2): `mode` as CSS object-fit, `lazy-load`, `onLoad`
// with the natural size, `onError`. A failed image is blank as on a phone (docs/miniprogram-runtime.md#failed-images):
// Chromium would draw its broken-image icon and a border, so a failed or missing `src` renders an empty box instead.
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { dom, flag, rootProps, text, type BuiltinProps } from './builtin-props';

/** `mode` → CSS object-fit / object-position; widthFix/heightFix keep the aspect ratio by auto height/width. */
const IMAGE_MODES: Record<string, string> = {
  scaleToFill: 'object-fit:fill', aspectFit: 'object-fit:contain', aspectFill: 'object-fit:cover',
  widthFix: 'height:auto', heightFix: 'width:auto', center: 'object-fit:none',
  top: 'object-fit:none;object-position:top', bottom: 'object-fit:none;object-position:bottom',
  left: 'object-fit:none;object-position:left', right: 'object-fit:none;object-position:right',
  'top left': 'object-fit:none;object-position:top left', 'top right': 'object-fit:none;object-position:top right',
  'bottom left': 'object-fit:none;object-position:bottom left', 'bottom right': 'object-fit:none;object-position:bottom right',
};

/**
 * The preview's content policy lets the page load images from the project, `data:` and `blob:` only (it reaches
 * nothing else, docs/architecture.md#threat-model), so a remote `src` fails where a phone would show it: said once.
 */
const REMOTE_IMAGE = {
  kind: 'runtime',
  message: '<image> with an http(s) src: remote images do not load in the preview (it loads the project\'s files, data: and blob: URLs only); the image\'s onError ran',
} as const;

export function Image(props: BuiltinProps): VNode {
  const base = rootProps(props);
  const src = text(props.src);
  const style = `${IMAGE_MODES[text(props.mode, 'scaleToFill')] ?? ''};${text(base.style)}`;
  // The src that failed (a new src gets an <img> again); no src at all is blank too, as Chromium would draw a border.
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (src === '' || failed === src) return dom('span', { ...base, class: `${text(base.class)} mp-image-failed`, style, role: 'img' });
  return dom('img', {
    ...base,
    src: props.$o.assetUrl(src),
    style,
    loading: flag(props['lazy-load']) ? 'lazy' : undefined,
    onLoad: (event: Event) => {
      const image = event.currentTarget as HTMLImageElement;
      props.$o.emit('image', props, 'load', { width: image.naturalWidth, height: image.naturalHeight }, event);
    },
    onError: (event: Event) => {
      if (/^(https?:)?\/\//i.test(src)) props.$o.reportOnce(REMOTE_IMAGE);
      props.$o.emit('image', props, 'error', { errMsg: 'image load failed' }, event);
      setFailed(src);
    },
  });
}
