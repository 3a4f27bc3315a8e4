// The connectSocket form's fields and their conversion into a ConnectRequest for the panel's `my`.
import type { ConnectRequest } from './panel-sockets';
import type { Parsed } from './parse-inputs';
import { parseJsonInput, parseOptionalInteger, parseProtocols } from './parse-inputs';

/** What the user typed, as strings (and the multiple checkbox). */
export interface ConnectFormFields {
  url: string;
  data: string;
  header: string;
  protocols: string;
  multiple: boolean;
  timeout: string;
}

export const EMPTY_CONNECT_FORM: ConnectFormFields = { url: '', data: '', header: '', protocols: '', multiple: false, timeout: '' };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the fields; the url is passed as typed so that a wrong one reaches the engine and fails with its code. */
export function parseConnectForm(fields: ConnectFormFields): Parsed<ConnectRequest> {
  const data = parseJsonInput(fields.data, 'data');
  if (!data.ok) return data;
  if (data.value !== undefined && !isPlainObject(data.value)) return { ok: false, error: 'data must be a JSON object, e.g. {"room": "a"}' };
  const header = parseJsonInput(fields.header, 'header');
  if (!header.ok) return header;
  if (header.value !== undefined && !isPlainObject(header.value)) return { ok: false, error: 'header must be a JSON object, e.g. {"x-token": "abc"}' };
  const timeout = parseOptionalInteger(fields.timeout, 'timeout', 1, 120000);
  if (!timeout.ok) return timeout;
  const request: ConnectRequest = { url: fields.url.trim(), multiple: fields.multiple };
  if (data.value !== undefined) request.data = data.value;
  if (header.value !== undefined) {
    // Native clients stringify header values; doing it here keeps the call well-typed.
    request.header = Object.fromEntries(Object.entries(header.value).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  }
  const protocols = parseProtocols(fields.protocols);
  if (protocols) request.protocols = protocols;
  if (timeout.value !== undefined) request.timeout = timeout.value;
  return { ok: true, value: request };
}
