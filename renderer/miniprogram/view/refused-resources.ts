// Remote fonts, CSS background images and other remote files the project's ACSS or AXML names are refused by the
// preview's content policy (it loads the project's files, data: and blob: URLs only, docs/architecture.md#threat-model);
// the browser says so only in its console. Each refusal becomes a problem, one per kind, origin and file
// (docs/miniprogram-runtime.md#remote-resources). The policy stays as it is: nothing here reaches the network.
import { BUNDLE_PATHS } from '../../../shared/miniprogram/view-bundle';
import type { RefusedResource, RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';

const RESOURCE_OF_DIRECTIVE: Readonly<Record<string, RefusedResource['resource']>> = {
  'font-src': 'font',
  'img-src': 'image',
  'media-src': 'media',
  'style-src': 'style sheet',
  'style-src-elem': 'style sheet',
};

const NOUN_OF_RESOURCE: Readonly<Record<RefusedResource['resource'], string>> = {
  font: 'font',
  image: 'image',
  media: 'media file',
  'style sheet': 'style sheet',
  resource: 'file',
};

/** The problem a refused load makes, or undefined for refusals that are not a remote file (inline code, eval). */
export function refusedResourceProblem(blockedUri: string, directive: string, sheetPath: string | undefined): RuntimeProblem | undefined {
  let origin: string;
  try {
    const url = new URL(blockedUri);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    origin = url.origin;
  } catch {
    return undefined;
  }
  const resource = RESOURCE_OF_DIRECTIVE[directive] ?? 'resource';
  const noun = NOUN_OF_RESOURCE[resource];
  const what = `${resource === 'image' ? 'an' : 'a'} ${noun}`;
  const message = `${sheetPath === undefined ? 'The page' : 'ACSS'} loads ${what} from ${origin}: the preview loads only the project's files, data: and blob: URLs; put the ${noun} in the project or inline it as data:`;
  return {
    kind: sheetPath === undefined ? 'runtime' : 'acss',
    message,
    ...(sheetPath === undefined ? {} : { file: sheetPath }),
    refused: { resource, origin },
  };
}

function rulesOf(sheet: CSSStyleSheet | CSSGroupingRule): CSSRule[] {
  try {
    return Array.from(sheet.cssRules);
  } catch {
    return [];
  }
}

function mentions(rules: readonly CSSRule[], urls: readonly string[]): boolean {
  return rules.some((rule) => ('cssRules' in rule ? mentions(rulesOf(rule as CSSGroupingRule), urls) : urls.some((url) => rule.cssText.includes(url))));
}

/** The project ACSS file (without its leading slash) whose compiled sheet names the URL, if one does. */
export function sheetNaming(doc: Document, blockedUri: string): string | undefined {
  // A protocol-relative `url(//host/…)` stays so in the sheet's text.
  const urls = [blockedUri, blockedUri.replace(/^https?:/, '')];
  const prefix = `${doc.location.origin}${BUNDLE_PATHS.style}/`;
  for (const sheet of Array.from(doc.styleSheets)) {
    const href = sheet.href ?? '';
    if (!href.startsWith(prefix) || !href.endsWith('.css')) continue;
    if (mentions(rulesOf(sheet), urls)) return decodeURIComponent(href.slice(prefix.length, -'.css'.length));
  }
  return undefined;
}

/**
 * Reports each remote load the policy refused. `<image>` reports its own remote src (builtins/image.ts), so
 * refusals whose target is an `<img>` are left to it.
 */
export function watchRefusedResources(doc: Document, report: (problem: RuntimeProblem) => void): void {
  doc.addEventListener('securitypolicyviolation', (event) => {
    if (event.disposition !== 'enforce' || event.target instanceof HTMLImageElement) return;
    const problem = refusedResourceProblem(event.blockedURI, event.effectiveDirective, sheetNaming(doc, event.blockedURI));
    if (problem !== undefined) report(problem);
  });
}
