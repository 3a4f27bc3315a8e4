// Questions the logic asks the view (it has no DOM): UI feedback to draw and selector queries to measure.
// Each is one `ask` with an id, answered by one `answer`; a question the view never answers stays pending.
import type { Json } from '../../../shared/json';
import type { FeedbackAnswer, FeedbackSurface } from '../../../shared/my/feedback-requests';
import type { LogicToView, ViewQuestion, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';

export interface ViewQuestions {
  ask(question: ViewQuestion): Promise<Json>;
  /** A message from the view; answers settle their question, anything else is ignored. */
  receive(message: ViewToLogic): void;
  /** The feedback surface of the logic's `my`: drawn by the view. */
  feedback: FeedbackSurface;
}

export function createViewQuestions(post: (message: LogicToView) => void): ViewQuestions {
  const pending = new Map<number, (answer: Json) => void>();
  let lastId = 0;

  function ask(question: ViewQuestion): Promise<Json> {
    lastId += 1;
    const id = lastId;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      post({ t: 'ask', id, question });
    });
  }

  return {
    ask,
    receive(message) {
      if (message.t !== 'answer') return;
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.answer);
    },
    feedback: {
      present: async (request) => {
        const answer = await ask({ kind: 'feedback', request });
        return (typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answer : {}) as FeedbackAnswer;
      },
    },
  };
}
