// Constants the mini-app's page scripts share with the engine (report limits my-wire.ts validates, the shim's
// attributes): a file without zod, so the mini-program view page's bundle holds none (docs/miniprogram-runtime.md
// "Loading the view").

/** Longest problem message and stack a page may report (the page truncates longer ones). */
export const MAX_PROBLEM_TEXT = 4000;

/** Most pages a stack report carries (a phone allows 10; the view never sends more than its stack). */
export const MAX_REPORTED_PAGES = 64;

/** The attribute on the shim's <script> element, "true" when app.json makes `multiple` default to true (docs/behaviour.md#a17-default-of-multiple-from-appjson). */
export const MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE = 'data-msd-default-multiple';
