// The JSON side of a project (docs/miniprogram-runtime.md#references §1): `mini.project.json` → where app.json lives; app.json →
// pages, window, tabBar, app-wide usingComponents; each page's and component's .json → window overrides and
// usingComponents, resolved to component paths (`/components/card/index`; a folder means its `index`).
import type { Json } from '../../shared/json';
import type { ManifestComponent, ManifestPage, TabBar, TabBarItem } from '../../shared/miniprogram/view-bundle';
import type { RuntimeProblem } from '../../shared/miniprogram/view-logic-protocol';
import { resolveReference } from './project-paths';
import type { ProjectFiles } from './project-files';
import { styleScopeOf, virtualHostOf } from './style-isolation';

export interface ProjectConfig {
  pages: ManifestPage[];
  components: ManifestComponent[];
  window: Record<string, Json>;
  tabBar?: TabBar;
  problems: RuntimeProblem[];
}

type JsonObject = Record<string, Json>;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object in a JSON file; `{}` (and a problem when present but invalid) otherwise. */
export function readJsonObject(files: ProjectFiles, path: string, problems: RuntimeProblem[]): JsonObject | undefined {
  const text = files.readText(path);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Json;
    if (isObject(value)) return value;
    problems.push({ kind: 'json', message: 'expected a JSON object', file: path.slice(1), line: 1 });
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
    problems.push({ kind: 'json', message: (error as Error).message, file: path.slice(1), line });
  }
  return {};
}

/** The folder holding app.json, relative to the project folder (`mini.project.json` `miniprogramRoot`). */
export function miniprogramRootOf(files: ProjectFiles, problems: RuntimeProblem[]): string {
  const project = readJsonObject(files, '/mini.project.json', problems);
  const root = project?.miniprogramRoot;
  return typeof root === 'string' ? root : '.';
}

const WINDOW_KEYS = new Set([
  'defaultTitle', 'titleBarColor', 'backgroundColor', 'backgroundImageColor', 'backgroundImageUrl', 'pullRefresh',
  'allowsBounceVertical', 'transparentTitle', 'titlePenetrate', 'titleImage', 'showTitleLoading',
  'navigationBarFrontColor', 'onReachBottomDistance', 'enableScrollBar', 'gestureBack', 'responsive', 'optionMenu',
  'barButtonTheme',
]);

/** `usingComponents` of the JSON at `jsonPath`, as tag → component path; missing components are problems. */
function usingComponentsOf(files: ProjectFiles, jsonPath: string, json: JsonObject, problems: RuntimeProblem[]): Record<string, string> {
  const using = json.usingComponents;
  const resolved: Record<string, string> = {};
  if (!isObject(using)) return resolved;
  for (const [tag, ref] of Object.entries(using)) {
    const base = typeof ref === 'string' ? resolveReference(jsonPath, ref) : undefined;
    const path = base === undefined ? undefined : [base, `${base}/index`].find((candidate) => files.exists(`${candidate}.axml`));
    if (path === undefined) problems.push({ kind: 'json', message: `usingComponents "${tag}": ${JSON.stringify(ref)} has no .axml`, file: jsonPath.slice(1) });
    else resolved[tag] = path;
  }
  return resolved;
}

function tabBarOf(value: Json | undefined, problems: RuntimeProblem[]): TabBar | undefined {
  if (!isObject(value) || !Array.isArray(value.items)) return undefined;
  const items: TabBarItem[] = [];
  for (const item of value.items) {
    if (!isObject(item) || typeof item.pagePath !== 'string') {
      problems.push({ kind: 'json', message: 'tabBar.items[].pagePath must be a string; the tab bar is hidden', file: 'app.json' });
      return undefined;
    }
    items.push({
      pagePath: item.pagePath.replace(/^\//, ''),
      name: typeof item.name === 'string' ? item.name : '',
      ...(typeof item.icon === 'string' ? { icon: item.icon } : {}),
      ...(typeof item.activeIcon === 'string' ? { activeIcon: item.activeIcon } : {}),
    });
  }
  const color = (key: string): Record<string, string> => (typeof value[key] === 'string' ? { [key]: value[key] } : {});
  return { items, ...color('textColor'), ...color('selectedColor'), ...color('backgroundColor') };
}

/** Page routes of app.json: `pages`, then each subpackage's pages under its root (docs §1.5). */
function routesOf(app: JsonObject): string[] {
  const routes = Array.isArray(app.pages) ? app.pages.filter((page): page is string => typeof page === 'string') : [];
  const packages = Array.isArray(app.subPackages) ? app.subPackages : [];
  for (const entry of packages) {
    if (!isObject(entry) || typeof entry.root !== 'string' || !Array.isArray(entry.pages)) continue;
    for (const page of entry.pages) if (typeof page === 'string') routes.push(`${entry.root.replace(/\/$/, '')}/${page}`);
  }
  return routes.map((route) => route.replace(/^\//, ''));
}

export function loadProjectConfig(files: ProjectFiles): ProjectConfig {
  const problems: RuntimeProblem[] = [];
  const app = readJsonObject(files, '/app.json', problems);
  if (app === undefined) problems.push({ kind: 'json', message: 'app.json not found', file: 'app.json' });
  const appJson = app ?? {};
  const window = isObject(appJson.window) ? appJson.window : {};
  const appComponents = usingComponentsOf(files, '/app.json', appJson, problems);

  const pages: ManifestPage[] = [];
  const pending: string[] = [];
  for (const route of routesOf(appJson)) {
    if (!files.exists(`/${route}.axml`)) problems.push({ kind: 'axml', message: `page "${route}" has no .axml`, file: `${route}.axml` });
    const json = readJsonObject(files, `/${route}.json`, problems) ?? {};
    const own = Object.fromEntries(Object.entries(json).filter(([key]) => WINDOW_KEYS.has(key)));
    const usingComponents = { ...appComponents, ...usingComponentsOf(files, `/${route}.json`, json, problems) };
    pages.push({ route, window: { ...window, ...own }, usingComponents });
    pending.push(...Object.values(usingComponents));
  }

  const components = new Map<string, ManifestComponent>();
  while (pending.length > 0) {
    const path = pending.shift() ?? '';
    if (components.has(path)) continue;
    const json = readJsonObject(files, `${path}.json`, problems) ?? {};
    const usingComponents = { ...appComponents, ...usingComponentsOf(files, `${path}.json`, json, problems) };
    const styleScope = styleScopeOf(path, json.styleIsolation, problems);
    const virtualHost = virtualHostOf(path, json.virtualHost, problems);
    components.set(path, { path, usingComponents, ...(styleScope === undefined ? {} : { styleScope }), ...(virtualHost === undefined ? {} : { virtualHost }) });
    pending.push(...Object.values(usingComponents));
  }
  const tabBar = tabBarOf(appJson.tabBar, problems);
  return { pages, components: [...components.values()], window, ...(tabBar ? { tabBar } : {}), problems };
}
