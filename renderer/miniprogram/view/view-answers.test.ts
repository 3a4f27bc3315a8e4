// @vitest-environment jsdom
// The view's answers to selector queries (docs/behaviour.md#selector-queries): fields() measures what it names,
// node() answers null, and a query with a pageId searches that page even when it is hidden under the top one.
import { describe, expect, it } from 'vitest';
import type { FeedbackSurface } from '../../../shared/my/feedback-requests';
import { createViewAnswers } from './view-answers';

const NO_FEEDBACK: FeedbackSurface = { present: async () => ({}) };

describe('selector query answers', () => {
  it('answers fields, node and the viewport of the named page or of the top one', async () => {
    const container = document.createElement('div');
    container.innerHTML = `
      <div class="mp-page" data-page-id="1" style="display:none"><div id="title" data-kind="first" style="color: rgb(255, 0, 0)">A</div></div>
      <div class="mp-page" data-page-id="2"><div id="title" data-kind="second" style="color: rgb(0, 0, 255)">B</div></div>`;
    document.body.append(container);
    const answer = createViewAnswers(container, NO_FEEDBACK);
    const fields = { id: true, dataset: true, size: true, computedStyle: ['color'] };
    const request = { selector: '#title', all: false, field: 'fields' as const, fields };

    expect(await answer({ kind: 'query', requests: [request, { selector: '#title', all: true, field: 'node' }] })).toEqual([
      { id: 'title', dataset: { kind: 'second' }, width: 0, height: 0, color: 'rgb(0, 0, 255)' },
      [null],
    ]);
    expect(await answer({ kind: 'query', pageId: 1, requests: [request, { selector: null, all: false, field: 'fields', fields: { scrollOffset: true, id: true } }] })).toEqual([
      { id: 'title', dataset: { kind: 'first' }, width: 0, height: 0, color: 'rgb(255, 0, 0)' },
      { scrollLeft: 0, scrollTop: 0 },
    ]);
    expect(await answer({ kind: 'query', pageId: 9, requests: [request] })).toEqual([null]);
    container.remove();
  });
});
