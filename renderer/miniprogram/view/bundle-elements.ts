// The served bundle as elements of the view page's <head>: compiled modules as classic <script>s, ACSS as
// <link rel="stylesheet">s kept in the manifest's cascade order whatever order they load in
// (docs/miniprogram-runtime.md "Loading the view").
import { bundleUrlOf } from '../../../shared/miniprogram/view-bundle';
import type { LoadFile } from './page-module-loader';

function settle(element: HTMLScriptElement | HTMLLinkElement): Promise<boolean> {
  return new Promise((resolve) => {
    element.onload = () => resolve(true);
    element.onerror = () => resolve(false);
  });
}

export function loadScript(url: string): Promise<boolean> {
  const script = document.createElement('script');
  script.src = url;
  const done = settle(script);
  document.head.append(script);
  return done;
}

/**
 * Loads compiled files: `.acss` as a style sheet placed after `anchor` and after every sheet of `cascade` that
 * comes before it, anything else as a script.
 */
export function bundleFileLoader(cascade: readonly string[], anchor: Element): LoadFile {
  const sheets = new Map<string, HTMLLinkElement>();
  return (path) => {
    if (!path.endsWith('.acss')) return loadScript(bundleUrlOf(path));
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = bundleUrlOf(path);
    const done = settle(link);
    const earlier = cascade.slice(0, Math.max(cascade.indexOf(path), 0)).reverse();
    const previous = earlier.map((sheet) => sheets.get(sheet)).find((element) => element !== undefined) ?? anchor;
    previous.after(link);
    sheets.set(path, link);
    return done;
  };
}
