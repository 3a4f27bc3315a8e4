// The generated view page of a mini-program project. Its <head> preloads the manifest script and what the home
// page needs (modules and style sheets, shared/miniprogram/page-modules.ts), so the browser fetches them while
// it still runs the `my` shim and the page glue (docs/miniprogram-runtime.md "Loading the view").
import { modulesOfPage, sheetsOfPage } from '../../shared/miniprogram/page-modules';
import { BUNDLE_PATHS, bundleUrlOf, type ViewManifest } from '../../shared/miniprogram/view-bundle';
import { VIEW_PAGE_ROOT_ID, VIEW_PAGE_SCRIPT_PATH } from '../../shared/miniprogram/view-page';

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function preload(url: string, as: 'script' | 'style'): string {
  return `<link rel="preload" href="${escapeAttribute(url)}" as="${as}">`;
}

/** The view page: the host injects its `my` shim (with the logic-link attribute) as the first script of <head>. */
export function viewPageHtml(manifest: ViewManifest): string {
  const home = manifest.pages[0]?.route;
  const preloads = [
    preload(BUNDLE_PATHS.manifestScript, 'script'),
    ...(home === undefined ? [] : sheetsOfPage(manifest, home).map((sheet) => preload(bundleUrlOf(sheet), 'style'))),
    ...(home === undefined ? [] : modulesOfPage(manifest, home).map((file) => preload(bundleUrlOf(file), 'script'))),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mini-program preview</title>
${preloads.join('\n')}
<script src="${VIEW_PAGE_SCRIPT_PATH}" defer></script>
</head>
<body style="margin:0"><div id="${VIEW_PAGE_ROOT_ID}" style="height:100vh"></div></body>
</html>
`;
}
