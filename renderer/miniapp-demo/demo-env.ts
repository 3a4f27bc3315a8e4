// What the demo gets from its host: the `my` object (the only way out of the sandbox) and the lab's
// endpoints (`window.__MSD_LAB__`, injected by the browser host next to the `my` shim).
import { base64ToArrayBuffer } from '../../shared/my/base64-to-array-buffer';
import { bytesToBase64 } from '../../shared/my/bytes-to-base64';
import type { LabEndpoint } from '../../shared/panel-wire';
import type { MySocketApi } from '../../shared/my/types';

/** The page's `my`, or undefined when the page was opened outside Mini Socket DevTools. */
export function findMy(): MySocketApi | undefined {
  const candidate: unknown = (window as unknown as { my?: unknown }).my;
  return typeof candidate === 'object' && candidate !== null && 'connectSocket' in candidate ? (candidate as MySocketApi) : undefined;
}

/** The lab's endpoints (empty when the host runs no lab). */
export function labEndpoints(): LabEndpoint[] {
  return window.__MSD_LAB__?.endpoints ?? [];
}

/** The echo endpoint, the demo's default target. */
export function echoEndpoint(endpoints: LabEndpoint[]): LabEndpoint | undefined {
  return endpoints.find((endpoint) => endpoint.name === 'echo') ?? endpoints.find((endpoint) => /echo/i.test(endpoint.name));
}

/** The lab endpoint that reproduces `code`, if there is one. */
export function endpointFor(endpoints: LabEndpoint[], code: number): LabEndpoint | undefined {
  return endpoints.find((endpoint) => endpoint.reproduces === code);
}

/** base64 of a string's UTF-8 bytes (how `my` sends binary). */
export function utf8ToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** The UTF-8 text in base64 data, or undefined when it is not valid UTF-8. */
export function base64ToUtf8(data: string): string | undefined {
  try {
    const bytes = base64ToArrayBuffer(data);
    return bytes === undefined ? undefined : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
