// Remote fonts, CSS background images and other remote files the project's ACSS or AXML names are refused by the
// preview's content policy (it loads the project's files, data: and blob: URLs only, docs/architecture.md#threat-model);
// the browser says so only in its console. Each refusal becomes a problem, one per kind, origin and file
// (docs/miniprogram-runtime.md#remote-resources). The policy stays as it is: nothing here reaches the network.
import { remoteUrlKey } from '../../../shared/miniprogram/view-bundle';
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

/**
 * Reports each remote load the policy refused, naming the ACSS file from the manifest's `remoteUrls` (the
 * sandboxed view cannot read its sheets' rules: they are cross-origin to its opaque origin). Chromium gives
 * the document as the target even for an `<img>`, so a refused URL an `<img>` shows and no sheet names is left
 * to `<image>`'s own problem (builtins/image.ts).
 */
export function watchRefusedResources(doc: Document, remoteUrls: Readonly<Record<string, string>>, report: (problem: RuntimeProblem) => void): void {
  doc.addEventListener('securitypolicyviolation', (event) => {
    if (event.disposition !== 'enforce') return;
    const key = remoteUrlKey(event.blockedURI);
    const sheet = key === undefined ? undefined : remoteUrls[key];
    if (sheet === undefined && Array.from(doc.images).some((image) => image.src === event.blockedURI)) return;
    const problem = refusedResourceProblem(event.blockedURI, event.effectiveDirective, sheet);
    if (problem !== undefined) report(problem);
  });
}
