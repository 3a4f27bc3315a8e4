// Every warning id the product can log. The engine's warnings are typed with it and the panel's catalogue
// (renderer/warnings/warning-catalog.ts) must explain each one, so a warning without an explanation does
// not compile.
export const WARNING_IDS = [
  'send-before-open',
  'no-listeners',
  'listener-pileup',
  'second-single-connect',
  'close-code-browser-rejects',
  'reason-too-long',
  'invalid-base64',
  'arraybuffer-sent',
  'header-dropped',
  'url-fragment',
  'close-without-connection',
  'close-before-open',
  'task-limit',
  'data-not-object',
  'data-percent-encoded',
  'listener-threw',
  'isbuffer-missing',
  'insecure-ws',
  'reconnect-storm',
  'listener-not-function',
  'invalid-message',
  'client-send-failed',
  'force-close-invalid',
  'force-close-unknown',
  'invalid-settings',
  'invalid-panel-message',
  'panel-request-failed',
  'call-rate-limit',
  'call-rate-limit-end',
  'app-json-invalid',
  'miniapp-blocked',
  'request-rejected',
] as const;

export type WarningId = (typeof WARNING_IDS)[number];
