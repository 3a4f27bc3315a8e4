// The engine side of the `my` APIs beyond sockets for one client (docs/behaviour.md#more-of-my): performs
// my.request and logs it, persists the page's storage writes, keeps the preview clipboard, and turns the
// first call of an unsupported API into one Problems entry. Login and payment get stand-in answers (open-apis).
import type { Json } from '../../../shared/json';
import { OPEN_APIS, type OpenApiName } from '../../../shared/open-api-stand-ins';
import type { ApiCall, ClientSeed, EngineMessage, StorageWrite } from '../../../shared/my-wire';
import { systemInfoOf } from '../../../shared/phone-profiles';
import type { EngineSettings } from '../../../shared/settings';
import { summarizeOptions } from '../call-detail';
import type { EngineWarning } from '../engine-warning';
import type { CaptureLog, Clock } from '../ports';
import { answerOpenApi, type AuthCodeCounter } from './open-apis';
import { performRequest, type RequestOutcome } from './perform-request';
import { createProjectStorage, type ProjectStorage, type ProjectStore } from './project-storage';
import { requestEntry } from './request-capture';
import { droppedHeadersWarning, parseRequestOptions } from './request-options';
import { requestReply, type RequestReply } from './request-result';

/** What every client of an engine shares: the project stores, the preview clipboard and the auth code count. */
export interface MyApiServices {
  storage: ProjectStorage;
  clipboard: { text: string };
  authCodes: AuthCodeCounter;
}

export function createMyApiServices(storageDir: string | undefined): MyApiServices {
  return { storage: createProjectStorage(storageDir), clipboard: { text: '' }, authCodes: { issued: 0 } };
}

const isOpenApi = (api: string): api is OpenApiName => (OPEN_APIS as readonly string[]).includes(api);

export interface MyApiHandlerDeps {
  services: MyApiServices;
  capture: CaptureLog;
  clock: Clock;
  clientId: string;
  /** Whose storage the client uses (docs/behaviour.md#storage-mirror). */
  projectKey: string;
  settings(): EngineSettings;
  nextRequestId(): string;
  deliver(message: EngineMessage): void;
  warn(connectionId: string, warning: EngineWarning): void;
  /** The emulated network is offline for this request (docs/debugging.md#network-conditions): it fails with 12 unsent. */
  offline?(connectionId: string): boolean;
  /** Map remote (docs/debugging.md#map-remote): the URL to dial instead, and the rule that chose it. */
  mapUrl?(url: string): { url: string; rule?: { id: string } };
}

export interface MyApiHandler {
  seed(): ClientSeed;
  api(call: ApiCall): void;
  storage(write: StorageWrite): void;
  unsupported(api: string): void;
  /** The page went away: its requests are dropped unanswered. */
  detach(): void;
}

function objectOf(options: Json): Record<string, Json> {
  return typeof options === 'object' && options !== null && !Array.isArray(options) ? options : {};
}

export function createMyApiHandler(deps: MyApiHandlerDeps): MyApiHandler {
  const { capture, clock, clientId } = deps;
  const inFlight = new Map<number, AbortController>();
  const unsupportedSeen = new Set<string>();
  let store: ProjectStore | undefined;

  const projectStore = (): ProjectStore =>
    (store ??= deps.services.storage.open(deps.projectKey, (detail) => deps.warn('', { id: 'storage-file-unreadable', message: detail })));

  function answer(callId: number, reply: RequestReply): void {
    if (reply.ok) deps.deliver({ kind: 'result', callId, ok: true, payload: reply.payload });
    else deps.deliver({ kind: 'result', callId, ok: false, error: reply.error, errorMessage: reply.errorMessage, ...(reply.extra ? { extra: reply.extra } : {}) });
  }

  async function request(call: ApiCall): Promise<void> {
    const parsed = parseRequestOptions(call.options);
    if (!parsed.ok) {
      answer(call.callId, { ok: false, error: 2, errorMessage: `invalid parameter (${parsed.detail})` });
      return;
    }
    const connectionId = deps.nextRequestId();
    if (parsed.dropped.length > 0) {
      deps.warn(connectionId, droppedHeadersWarning(parsed.dropped));
    }
    const controller = new AbortController();
    inFlight.set(call.callId, controller);
    const settings = deps.settings();
    const startWallTime = clock.now();
    const started = clock.monotonic();
    const mapped = deps.mapUrl?.(parsed.plan.url.href);
    const dialed = mapped?.rule ? { url: mapped.url, ruleId: mapped.rule.id } : undefined;
    const outcome: RequestOutcome = deps.offline?.(connectionId)
      ? { ok: false, code: 12, detail: 'the network is offline (network conditions)' }
      : await performRequest(dialed ? { ...parsed.plan, url: new URL(dialed.url) } : parsed.plan, { ignoreCertificateErrors: settings.ignoreCertificateErrors, maxResponseBytes: settings.maxIncomingMessageBytes, signal: controller.signal });
    if (!inFlight.delete(call.callId)) return;
    const reply = requestReply(outcome, parsed.plan.dataType, settings.httpErrorStatusFails);
    capture.append(requestEntry({ clientId, connectionId, callId: call.callId }, parsed.plan, outcome, reply, { startWallTime, durationMs: clock.monotonic() - started }, dialed));
    answer(call.callId, reply);
  }

  function clipboard(call: ApiCall): void {
    if (call.api === 'getClipboard') {
      answer(call.callId, { ok: true, payload: { text: deps.services.clipboard.text } });
      return;
    }
    const { text } = objectOf(call.options);
    if (typeof text !== 'string') {
      answer(call.callId, { ok: false, error: 2, errorMessage: `invalid parameter (setClipboard: text must be a string, got ${text === null ? 'null' : typeof text})` });
      return;
    }
    deps.services.clipboard.text = text;
    answer(call.callId, { ok: true, payload: {} });
  }

  /** A login or payment stand-in, logged as a call and its result like the socket calls. */
  function openApi(api: OpenApiName, call: ApiCall): void {
    const { reply, warning } = answerOpenApi(api, call.options, deps.settings(), deps.services.authCodes);
    const ids = { clientId, connectionId: '', name: api, direction: 'none', size: 0 } as const;
    capture.append({ ...ids, ...(call.page === undefined ? {} : { page: call.page }), kind: 'call', detail: { callId: call.callId, options: summarizeOptions(call.options) } });
    if (reply.ok) capture.append({ ...ids, kind: 'result', detail: { callId: call.callId, ok: true, payload: reply.payload } });
    else capture.append({ ...ids, kind: 'result', errorCode: reply.error, errorMessage: reply.errorMessage, detail: { callId: call.callId, ok: false, ...reply.extra } });
    if (warning) deps.warn('', warning);
    answer(call.callId, reply);
  }

  return {
    seed: () => ({ kind: 'seed', storage: projectStore().entries(), systemInfo: systemInfoOf(deps.settings().phoneProfile) }),
    api(call) {
      if (call.api === 'request') void request(call);
      else if (isOpenApi(call.api)) openApi(call.api, call);
      else if (call.api === 'abortRequest') {
        const { requestCallId } = objectOf(call.options);
        if (typeof requestCallId === 'number') inFlight.get(requestCallId)?.abort();
      } else clipboard(call);
    },
    storage(write) {
      const refused = projectStore().apply(write);
      if (refused) deps.warn('', { id: 'storage-write-refused', message: refused.errorMessage, detail: { error: refused.error } });
    },
    unsupported(api) {
      if (unsupportedSeen.has(api)) return;
      unsupportedSeen.add(api);
      deps.warn('', { id: 'api-unsupported', message: `my.${api} is not available in the preview; the call failed with error 1.`, detail: { api } });
    },
    detach() {
      const pending = [...inFlight.values()];
      inFlight.clear();
      pending.forEach((controller) => controller.abort());
    },
  };
}
