// The app.json facts the logic Worker needs, read from the view's manifest (the engine compiled app.json
// and every page's .json into it), so the project's JSON is parsed once, in main.
import type { LogicConfig } from '../../../shared/miniprogram/logic-worker-protocol';
import type { ViewManifest } from '../../../shared/miniprogram/view-bundle';
import type { WindowState } from '../../../shared/miniprogram/view-logic-protocol';

export function logicConfigOf(manifest: ViewManifest): LogicConfig {
  const windows: Record<string, WindowState> = {};
  for (const page of manifest.pages) {
    const { defaultTitle, titleBarColor } = page.window;
    windows[page.route] = { title: typeof defaultTitle === 'string' ? defaultTitle : '', ...(typeof titleBarColor === 'string' ? { titleBarColor } : {}) };
  }
  return {
    pages: manifest.pages.map((page) => page.route),
    tabBarPages: (manifest.tabBar?.items ?? []).map((item) => item.pagePath.replace(/^\/+/, '')),
    windows,
  };
}
