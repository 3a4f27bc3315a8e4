// my.showToast, alert, confirm, … (docs/behaviour.md#ui-feedback): each call is checked into a request, drawn
// by the host's surface (the page's DOM in HTML mode, the view in a mini-program project) and answered with
// the usual success/fail/complete and Promise once the user dismissed it (toast: once it went away).
import { callbacksOf, type ApiPort, type LocalAnswer } from './api-port';
import { FEEDBACK_APIS, readFeedbackRequest, type FeedbackApiName, type FeedbackSurface } from './feedback-requests';
import type { CallSuccessPayload } from './pending-calls';

export type FeedbackApi = Record<FeedbackApiName, (options?: unknown) => Promise<CallSuccessPayload>>;

export function createFeedbackApi(port: ApiPort, surface: FeedbackSurface): FeedbackApi {
  function call(api: FeedbackApiName, options: unknown): Promise<CallSuccessPayload> {
    const request = readFeedbackRequest(api, options);
    const answer: Promise<LocalAnswer> =
      'kind' in request
        ? surface.present(request).then(
            (payload) => ({ ok: true, payload }),
            (error: unknown) => ({ ok: false, error: 1, errorMessage: `${api}: ${error instanceof Error ? error.message : String(error)}` }),
          )
        : Promise.resolve({ ok: false, ...request });
    return port.answerLater(api, callbacksOf(options), answer);
  }
  return Object.fromEntries(FEEDBACK_APIS.map((api) => [api, (options?: unknown) => call(api, options)])) as FeedbackApi;
}
