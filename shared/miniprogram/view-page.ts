// The generated view page of a mini-program project: what the host serves at the mini-app's entry
// (main/miniprogram/miniprogram-host.ts) and what its script (renderer/miniprogram/view-page/) expects.

/** The page glue bundle (renderer/miniprogram/view-page/view-page.ts, built by scripts/build.mjs). */
export const VIEW_PAGE_SCRIPT_PATH = '/__mp/view-page.js';

/** Every URL the mini-program runtime serves starts with this. */
export const MINIPROGRAM_URL_PREFIX = '/__mp/';

/** The element the phone renders into. */
export const VIEW_PAGE_ROOT_ID = 'mp-root';
