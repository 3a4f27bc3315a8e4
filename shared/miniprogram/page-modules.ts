// What a page needs before it renders (docs/miniprogram-runtime.md "Loading the view"): its AXML, the AXML of
// every component it uses (and those components use), everything these import, include or require (templates,
// SJS), and the style sheets of app, page and components. The view loads this set for a page before showing it;
// the host names the home page's set as preloads of the view page.
import type { ViewManifest } from './view-bundle';

export type ModuleGraph = Pick<ViewManifest, 'pages' | 'components' | 'deps' | 'axml' | 'sjs' | 'acss'>;

/** The page (`/pages/a/a`) and every component it uses, directly or through components. */
function ownersOfPage(graph: ModuleGraph, route: string): string[] {
  const componentUses = new Map(graph.components.map((component) => [component.path, component.usingComponents]));
  const owners = new Set<string>([`/${route}`]);
  const queue = Object.values(graph.pages.find((page) => page.route === route)?.usingComponents ?? {});
  for (let owner = queue.shift(); owner !== undefined; owner = queue.shift()) {
    if (owners.has(owner)) continue;
    owners.add(owner);
    queue.push(...Object.values(componentUses.get(owner) ?? {}));
  }
  return [...owners];
}

/** The compiled AXML/SJS files (project paths, as in the manifest) that `route` needs; files not served are left out. */
export function modulesOfPage(graph: ModuleGraph, route: string): string[] {
  const served = new Set([...graph.axml, ...graph.sjs]);
  const files = new Set<string>();
  const queue = ownersOfPage(graph, route).map((owner) => `${owner}.axml`);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.has(file) || !served.has(file)) continue;
    files.add(file);
    queue.push(...(graph.deps[file] ?? []));
  }
  return [...files];
}

/** The style sheets `route` needs (app.acss, its components', its own), in the manifest's cascade order. */
export function sheetsOfPage(graph: ModuleGraph, route: string): string[] {
  const wanted = new Set(['/app.acss', ...ownersOfPage(graph, route).map((owner) => `${owner}.acss`)]);
  return graph.acss.filter((sheet) => wanted.has(sheet));
}
