// What "the same problem" is for each warning id: Problems folds occurrences whose grouping key matches (besides
// client, page and id) into one row, and follows the one figure that may change between them (a count, a size, a
// connection id) as its range and newest value. Text-keyed ids fold only identical texts. Every id must be listed,
// so a new warning does not compile until its grouping is decided (docs/behaviour.md#problems-grouping).
import type { CaptureEntry } from '../../shared/capture';
import type { Json } from '../../shared/json';
import type { WarningId } from '../../shared/warning-ids';

/** A figure that changes between occurrences of one problem. */
export interface ChangingFigure {
  /** How the detail pane names it ('registrations'). */
  label: string;
  /** Its value in one occurrence; undefined when that occurrence has none. */
  of(entry: CaptureEntry): number | string | undefined;
}

interface WarningGrouping {
  /** What must match for two occurrences to be one row. */
  key(entry: CaptureEntry): Json;
  figure?: ChangingFigure;
}

const byText = (entry: CaptureEntry): Json => entry.errorMessage ?? '';
const always = (): Json => null;
const fields =
  (...names: string[]) =>
  (entry: CaptureEntry): Json =>
    names.map((name) => entry.detail?.[name] ?? null);
/** my.onSocket* (single mode, target null) or a SocketTask's own listener: a task id changes with every task. */
const listenerPlace = (entry: CaptureEntry): Json => [entry.detail?.event ?? null, entry.detail?.target === null ? 'my' : 'task'];
const detailFigure = (label: string, name: string): ChangingFigure => ({
  label,
  of: (entry) => {
    const value = entry.detail?.[name];
    return typeof value === 'number' || typeof value === 'string' ? value : undefined;
  },
});

const TEXT: WarningGrouping = { key: byText };

export const WARNING_GROUPING: { readonly [id in WarningId]: WarningGrouping } = {
  'send-before-open': { key: fields('state') },
  'no-listeners': { key: listenerPlace },
  'listener-pileup': { key: listenerPlace, figure: detailFigure('registrations', 'sameFunctionCount') },
  'second-single-connect': { key: fields('policy', 'state'), figure: { label: 'connection', of: (entry) => entry.connectionId || undefined } },
  'close-code-browser-rejects': { key: fields('code') },
  'reason-too-long': { key: always, figure: detailFigure('reason bytes', 'bytes') },
  'invalid-base64': TEXT,
  'arraybuffer-sent': TEXT,
  'header-dropped': { key: (entry) => (typeof entry.detail?.header === 'string' ? entry.detail.header.toLowerCase() : byText(entry)) },
  'url-fragment': { key: always, figure: detailFigure('fragment', 'fragment') },
  'close-without-connection': TEXT,
  'close-before-open': TEXT,
  'task-limit': { key: always },
  'data-not-object': TEXT,
  'data-percent-encoded': TEXT,
  'listener-threw': {
    key: listenerPlace,
    figure: { label: 'listeners that threw', of: (entry) => (Array.isArray(entry.detail?.errors) ? entry.detail.errors.length : undefined) },
  },
  'isbuffer-missing': TEXT,
  'insecure-ws': TEXT,
  'reconnect-storm': { key: always },
  'listener-not-function': TEXT,
  'invalid-message': { key: (entry) => (entry.detail?.chars === undefined ? byText(entry) : 'too many values'), figure: detailFigure('characters', 'chars') },
  'client-send-failed': TEXT,
  'force-close-invalid': TEXT,
  'force-close-unknown': { key: always, figure: detailFigure('connection', 'connectionId') },
  'inject-failed': TEXT,
  'invalid-settings': TEXT,
  'invalid-panel-message': TEXT,
  'panel-request-failed': TEXT,
  'call-rate-limit': { key: fields('channel') },
  'call-rate-limit-end': { key: fields('channel'), figure: detailFigure('rate in msgs/s', 'ratePerSecond') },
  'app-json-invalid': TEXT,
  'miniapp-blocked': TEXT,
  'request-rejected': TEXT,
  'miniprogram-problem': { key: (entry) => (typeof entry.detail?.file === 'string' ? fields('kind', 'file', 'line', 'column')(entry) : byText(entry)) },
  'preferences-unsaved': TEXT,
  'preferences-unreadable': TEXT,
  'sessions-storage': TEXT,
  'capture-memory-bound': { key: fields('maxBytes'), figure: detailFigure('entries dropped', 'dropped') },
  'client-bound': { key: fields('limit'), figure: detailFigure('bytes waiting', 'bytes') },
  'resend-failed': TEXT,
  'api-unsupported': { key: fields('api') },
  'request-header-dropped': TEXT,
  'storage-write-refused': { key: fields('error') },
  'storage-file-unreadable': TEXT,
  'foreign-host-refused': TEXT,
  'foreign-origin-refused': TEXT,
  'payment-not-emulated': { key: fields('resultCode') },
  // One row per kind and origin: every icon of one font, every background from one CDN (docs/behaviour.md#problems-grouping).
  'remote-resource-refused': { key: fields('resource', 'origin') },
};

function groupingOf(name: string): WarningGrouping {
  return Object.hasOwn(WARNING_GROUPING, name) ? WARNING_GROUPING[name as WarningId] : TEXT;
}

/** The grouping key of a warning entry: client, page, id and what its id says makes it the same problem. */
export function warningGroupKey(entry: CaptureEntry): string {
  return JSON.stringify([entry.clientId, entry.page ?? '', entry.name, groupingOf(entry.name).key(entry)]);
}

/** The figure that changes between occurrences of this warning's id, if it has one. */
export function changingFigureOf(entry: CaptureEntry): ChangingFigure | undefined {
  return groupingOf(entry.name).figure;
}
