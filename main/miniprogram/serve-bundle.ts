// The view bundle over HTTP, host-agnostic: a host passes the URL path of a request and sends back what this
// returns. Only compiled project files of the right kind and assets of known media types are served, and
// ProjectFiles keeps every path inside the project root.
import { extname } from 'node:path';
import { BUNDLE_PATHS, DEFINE_GLOBAL } from '../../shared/miniprogram/view-bundle';
import type { MiniProgramProject } from './project';

export interface BundleResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

const ASSET_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.webp': 'image/webp', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject', '.mp3': 'audio/mpeg', '.mp4': 'video/mp4',
};
const JS = 'text/javascript; charset=utf-8';

function notFound(): BundleResponse {
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' };
}

/** Answers `/__mp/manifest.json` (and `.js`), `/__mp/view/…axml.js`, `/__mp/sjs/…sjs.js`, `/__mp/style/…acss.css`, `/__mp/asset/…`. */
export function serveBundle(project: MiniProgramProject, urlPath: string): BundleResponse {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return notFound();
  }
  if (path === BUNDLE_PATHS.manifest) {
    return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(project.manifest()) };
  }
  if (path === BUNDLE_PATHS.manifestScript) {
    // JSON is a JavaScript expression; `<` escaped so no file name can close a script element.
    const json = JSON.stringify(project.manifest()).replace(/</g, '\\u003c');
    return { status: 200, contentType: JS, body: `${DEFINE_GLOBAL}("manifest", "", function () { return ${json}; });\n` };
  }
  const exists = (file: string): boolean => project.files.exists(file);
  if (path.startsWith(`${BUNDLE_PATHS.view}/`) && path.endsWith('.axml.js')) {
    const file = path.slice(BUNDLE_PATHS.view.length, -'.js'.length);
    return exists(file) ? { status: 200, contentType: JS, body: project.axml(file).code } : notFound();
  }
  if (path.startsWith(`${BUNDLE_PATHS.sjs}/`) && path.endsWith('.sjs.js')) {
    const file = path.slice(BUNDLE_PATHS.sjs.length, -'.js'.length);
    return exists(file) ? { status: 200, contentType: JS, body: project.sjs(file).code } : notFound();
  }
  if (path.startsWith(`${BUNDLE_PATHS.style}/`) && path.endsWith('.acss.css')) {
    const file = path.slice(BUNDLE_PATHS.style.length, -'.css'.length);
    return exists(file) ? { status: 200, contentType: 'text/css; charset=utf-8', body: project.acss(file).css } : notFound();
  }
  if (path.startsWith(`${BUNDLE_PATHS.asset}/`)) {
    const file = path.slice(BUNDLE_PATHS.asset.length);
    const type = ASSET_TYPES[extname(file).toLowerCase()];
    const bytes = type === undefined ? undefined : project.files.readBytes(file);
    return type !== undefined && bytes !== undefined ? { status: 200, contentType: type, body: bytes } : notFound();
  }
  return notFound();
}
