// ACSS → CSS for the preview (docs/miniprogram-runtime.md#references §7), with postcss and postcss-selector-parser:
// - `rpx` becomes `calc(N * var(--rpx))`; the view sets `--rpx` to 1/750 of the phone's width, so lengths stay
//   right when the phone frame is narrower than the window;
// - `@import './x.acss'` is inlined (relative to the importing file, or `/abs`), each file once;
// - the `page` selector and basic-component tag selectors (`view`) become the classes the view renders
//   (`.a-page`, `.a-view`), as Alipay's own renderer names them;
// - syntax errors, missing imports, attribute selectors and relative `url()` (unsupported on device) are
//   reported with file and line;
// - `url(/abs)` points at the bundle's asset path.
import postcss, { CssSyntaxError, type Root } from 'postcss';
import selectorParser from 'postcss-selector-parser';
import type { RuntimeProblem } from '../../shared/miniprogram/view-logic-protocol';
import { convertRpx } from '../../shared/miniprogram/rpx';
import { BUILTIN_TAGS, BUNDLE_PATHS, remoteUrlKey } from '../../shared/miniprogram/view-bundle';
import { resolveReference, withExtension } from './project-paths';
import { matchOverridingHosts, rewriteHost, scopeSheet, scopeToPage } from './style-isolation';

export interface CompiledAcss {
  css: string;
  problems: RuntimeProblem[];
  /** Project paths of every file read (the sheet and its imports), for cache checks. */
  files: string[];
  /** Remote `url()`s (http(s) or `//host`), keyed by remoteUrlKey, each with the file naming it (no leading slash). */
  remoteUrls: Record<string, string>;
}

/** Reads a project file; undefined when it does not exist. */
export type ReadProjectFile = (path: string) => string | undefined;

/** `url(/images/a.png)` (project-absolute, not `//host`) → served from the bundle's asset path. */
const ABSOLUTE_URL = /(url\(\s*['"]?)\/(?!\/)/g;
/** `url(https://…)`, `url(//host/…)`: the preview refuses them (docs/miniprogram-runtime.md#remote-resources). */
const REMOTE_URL = /url\(\s*['"]?((?:https?:)?\/\/[^'")\s]+)/gi;

const rewriteSelector = selectorParser((selectors) => {
  selectors.walkTags((tag) => {
    const name = tag.value;
    if (name === 'page' || BUILTIN_TAGS.has(name)) tag.replaceWith(selectorParser.className({ value: `a-${name}`, spaces: tag.spaces }));
  });
});

function hasAttributeSelector(selector: string): boolean {
  let found = false;
  selectorParser((selectors) => selectors.walkAttributes(() => { found = true; })).processSync(selector);
  return found;
}

function parseSheet(file: string, source: string, problems: RuntimeProblem[]): Root | undefined {
  try {
    return postcss.parse(source, { from: file });
  } catch (error) {
    if (!(error instanceof CssSyntaxError)) throw error;
    problems.push({ kind: 'acss', message: error.reason, file: file.slice(1), line: error.line, column: error.column });
    return undefined;
  }
}

function importTarget(params: string): string | undefined {
  const match = /^\s*(?:url\(\s*)?(['"]?)([^'")]+)\1\s*\)?\s*$/.exec(params);
  return match?.[2];
}

/** Inlines imports and rewrites the tree of `file`; `seen` stops import cycles and repeats. */
function expand(file: string, root: Root, read: ReadProjectFile, problems: RuntimeProblem[], seen: Set<string>, remoteUrls: Record<string, string>): void {
  const report = (message: string, line: number | undefined): void => {
    problems.push({ kind: 'acss', message, file: file.slice(1), line });
  };
  root.walkAtRules('import', (rule) => {
    const target = importTarget(rule.params);
    const path = target === undefined ? undefined : resolveReference(file, withExtension(target, '.acss'));
    const line = rule.source?.start?.line;
    const text = path === undefined ? undefined : read(path);
    if (path === undefined || text === undefined) {
      report(`@import ${rule.params}: file not found`, line);
      rule.remove();
      return;
    }
    if (seen.has(path)) {
      rule.remove();
      return;
    }
    seen.add(path);
    const imported = parseSheet(path, text, problems);
    if (imported === undefined) {
      rule.remove();
      return;
    }
    expand(path, imported, read, problems, seen, remoteUrls);
    rule.replaceWith(imported.nodes);
  });
  root.walkRules((rule) => {
    if (rule.source?.input.from !== undefined && !rule.source.input.from.endsWith(file)) return;
    if (hasAttributeSelector(rule.selector)) report(`attribute selector in "${rule.selector}" does not work on device`, rule.source?.start?.line);
    try {
      rule.selector = rewriteSelector.processSync(rule.selector);
    } catch (error) {
      report(`selector "${rule.selector}": ${(error as Error).message}`, rule.source?.start?.line);
    }
  });
  root.walkDecls((decl) => {
    if (decl.source?.input.from !== undefined && !decl.source.input.from.endsWith(file)) return;
    if (/url\(\s*['"]?\.\.?\//.test(decl.value)) report(`relative url() in "${decl.prop}" does not work on device; use /absolute paths`, decl.source?.start?.line);
    decl.value = convertRpx(decl.value);
    if (!decl.value.includes('url(')) return;
    for (const [, url = ''] of decl.value.matchAll(REMOTE_URL)) {
      const key = remoteUrlKey(url);
      if (key !== undefined) remoteUrls[key] ??= file.slice(1);
    }
    decl.value = decl.value.replace(ABSOLUTE_URL, `$1${BUNDLE_PATHS.asset}/`);
  });
}

/** A component's sheet: its `:host` class, and its scope class when it is `apply-shared` (style-isolation.ts). */
export interface ComponentSheet {
  hostClass: string;
  scope?: string;
}

/** A page's sheet: every rule requires the page's root class (`pageScopeClass`), so it styles that page only. */
export interface PageSheet {
  pageClass: string;
  /** Basic tags the page's `usingComponents` (app.json's included) names: their selectors match the host too. */
  overriddenTags?: readonly string[];
}

/**
 * Compiles one ACSS file; `file` is its project path (`/app.acss`). `sheet`: a component's, whose `:host` names
 * its host element and whose rules, when `apply-shared`, require its scope class; or a page's, local to the
 * page. Never throws for bad ACSS.
 */
export function compileAcss(file: string, source: string, read: ReadProjectFile, sheet?: ComponentSheet | PageSheet): CompiledAcss {
  const problems: RuntimeProblem[] = [];
  const seen = new Set([file]);
  const remoteUrls: Record<string, string> = {};
  const root = parseSheet(file, source, problems);
  if (root === undefined) return { css: '', problems, files: [file], remoteUrls };
  expand(file, root, read, problems, seen, remoteUrls);
  if (sheet !== undefined && 'pageClass' in sheet) {
    scopeToPage(root, sheet.pageClass);
    matchOverridingHosts(root, sheet.overriddenTags ?? []);
  } else if (sheet !== undefined) {
    rewriteHost(root, sheet.hostClass);
    if (sheet.scope !== undefined) scopeSheet(root, sheet.scope);
  }
  return { css: root.toString(), problems, files: [...seen], remoteUrls };
}
