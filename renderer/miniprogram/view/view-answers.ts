// The view's answers to the logic's questions: UI feedback drawn over the phone (shared/my/feedback-dom.ts),
// and selector queries measured on the page on top, relative to its own area (below the title bar, as the
// page's web view is on a phone; docs/behaviour.md#selector-queries).
import type { Json } from '../../../shared/json';
import type { FeedbackSurface } from '../../../shared/my/feedback-requests';
import type { SelectorRequest, ViewQuestion } from '../../../shared/miniprogram/view-logic-protocol';

export type AnswerQuestion = (question: ViewQuestion) => Promise<Json>;

/** The page on top: the one `.mp-page` that is shown (pages below it stay mounted, hidden). */
function topPage(container: HTMLElement): HTMLElement | null {
  return [...container.querySelectorAll<HTMLElement>('.mp-page')].find((page) => page.style.display !== 'none') ?? null;
}

function datasetOf(element: HTMLElement): Record<string, string> {
  return Object.fromEntries(Object.entries(element.dataset).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function rectOf(element: HTMLElement, page: HTMLElement): Json {
  const box = element.getBoundingClientRect();
  const origin = page.getBoundingClientRect();
  const left = box.left - origin.left;
  const top = box.top - origin.top;
  return { x: left, y: top, width: box.width, height: box.height, top, right: left + box.width, bottom: top + box.height, left };
}

function measure(element: HTMLElement, page: HTMLElement, field: SelectorRequest['field']): Json {
  if (field === 'rect') return rectOf(element, page);
  return { id: element.id, dataset: datasetOf(element), scrollLeft: element.scrollLeft, scrollTop: element.scrollTop };
}

function answerRequest(page: HTMLElement | null, request: SelectorRequest): Json {
  if (page === null) return null;
  if (request.selector === null) {
    return request.field === 'rect' ? { width: page.clientWidth, height: page.clientHeight } : { id: '', dataset: {}, scrollLeft: page.scrollLeft, scrollTop: page.scrollTop };
  }
  let found: HTMLElement[];
  try {
    found = [...page.querySelectorAll<HTMLElement>(request.selector)];
  } catch {
    return request.all ? [] : null;
  }
  if (request.all) return found.map((element) => measure(element, page, request.field));
  const first = found[0];
  return first === undefined ? null : measure(first, page, request.field);
}

export function createViewAnswers(container: HTMLElement, feedback: FeedbackSurface): AnswerQuestion {
  return async (question) => {
    if (question.kind === 'feedback') return feedback.present(question.request);
    const page = topPage(container);
    return question.requests.map((request) => answerRequest(page, request));
  };
}
