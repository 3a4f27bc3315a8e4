// The view's answers to the logic's questions: UI feedback drawn over the phone (shared/my/feedback-dom.ts),
// and selector queries measured on the page on top, relative to its own area (below the title bar, as the
// page's web view is on a phone; docs/behaviour.md#selector-queries), and CanvasContext.draw batches replayed
// on their `<canvas>` (canvas-painter.ts).
import type { Json } from '../../../shared/json';
import type { FeedbackSurface } from '../../../shared/my/feedback-requests';
import type { SelectorFields, SelectorRequest, ViewQuestion } from '../../../shared/miniprogram/view-logic-protocol';
import { createCanvasPainter } from './canvas-painter';

export type AnswerQuestion = (question: ViewQuestion) => Promise<Json>;

/** Page `pageId`, or the page on top: the one `.mp-page` that is shown (pages below it stay mounted, hidden). */
function pageOf(container: HTMLElement, pageId: number | undefined): HTMLElement | null {
  const pages = [...container.querySelectorAll<HTMLElement>('.mp-page')];
  if (pageId !== undefined) return pages.find((page) => page.dataset['pageId'] === String(pageId)) ?? null;
  return pages.find((page) => page.style.display !== 'none') ?? null;
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

function fieldsOf(element: HTMLElement, page: HTMLElement, fields: SelectorFields): Json {
  const rect = fields.rect === true || fields.size === true ? (rectOf(element, page) as Record<string, number>) : undefined;
  const style = fields.computedStyle === undefined ? undefined : getComputedStyle(element);
  return {
    ...(fields.id === true ? { id: element.id } : {}),
    ...(fields.dataset === true ? { dataset: datasetOf(element) } : {}),
    ...(rect && fields.rect === true ? { left: rect['left'], right: rect['right'], top: rect['top'], bottom: rect['bottom'] } : {}),
    ...(rect && fields.size === true ? { width: rect['width'], height: rect['height'] } : {}),
    ...(fields.scrollOffset === true ? { scrollLeft: element.scrollLeft, scrollTop: element.scrollTop } : {}),
    ...Object.fromEntries((fields.computedStyle ?? []).map((name) => [name, style?.getPropertyValue(name) ?? ''])),
  };
}

function measure(element: HTMLElement, page: HTMLElement, request: SelectorRequest): Json {
  if (request.field === 'node') return null;
  if (request.field === 'rect') return rectOf(element, page);
  if (request.field === 'fields') return fieldsOf(element, page, request.fields ?? {});
  return { id: element.id, dataset: datasetOf(element), scrollLeft: element.scrollLeft, scrollTop: element.scrollTop };
}

function viewport(page: HTMLElement, request: SelectorRequest): Json {
  const size = { width: page.clientWidth, height: page.clientHeight };
  const scroll = { scrollLeft: page.scrollLeft, scrollTop: page.scrollTop };
  if (request.field === 'node') return null;
  if (request.field === 'rect') return size;
  if (request.field === 'scroll') return { id: '', dataset: {}, ...scroll };
  const fields = request.fields ?? {};
  return { ...(fields.size === true ? size : {}), ...(fields.scrollOffset === true ? scroll : {}) };
}

/** The elements of `page` matching `selector`; none for a selector the browser rejects. */
function matchesOf(page: HTMLElement, selector: string): HTMLElement[] {
  try {
    return [...page.querySelectorAll<HTMLElement>(selector)];
  } catch {
    return [];
  }
}

function answerRequest(page: HTMLElement | null, request: SelectorRequest): Json {
  if (page === null) return null;
  if (request.selector === null) return viewport(page, request);
  const found = matchesOf(page, request.selector);
  if (request.all) return found.map((element) => measure(element, page, request));
  const first = found[0];
  return first === undefined ? null : measure(first, page, request);
}


/** my.pageScrollTo on the page on top: true once it scrolls, false with no page or no element matching. */
function scrollPage(page: HTMLElement | null, question: Extract<ViewQuestion, { kind: 'page-scroll' }>): boolean {
  if (page === null) return false;
  let top = question.scrollTop;
  if (top === undefined) {
    const target = matchesOf(page, question.selector ?? '')[0];
    if (target === undefined) return false;
    top = target.getBoundingClientRect().top - page.getBoundingClientRect().top + page.scrollTop;
  }
  // The browser's smooth scroll has its own pace: a `duration` asks for an animation, not for its length.
  page.scrollTo({ top, behavior: question.duration > 0 ? 'smooth' : 'instant' });
  return true;
}

export function createViewAnswers(container: HTMLElement, feedback: FeedbackSurface): AnswerQuestion {
  const draw = createCanvasPainter(container);
  return async (question) => {
    if (question.kind === 'feedback') return feedback.present(question.request);
    if (question.kind === 'page-scroll') return scrollPage(pageOf(container, undefined), question);
    if (question.kind === 'canvas' || question.kind === 'canvas-export') return draw(question);
    const page = pageOf(container, question.pageId);
    return question.requests.map((request) => answerRequest(page, request));
  };
}
