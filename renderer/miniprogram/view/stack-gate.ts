// The logic's messages, delivered to the view in order, except that a `stack` naming a page whose modules are
// not loaded yet waits for them, and everything after it waits with it (docs/miniprogram-runtime.md "Loading the
// view"): the page never renders without its AXML, and no message overtakes another.
import type { LogicToView } from '../../../shared/miniprogram/view-logic-protocol';

/** Undefined when the routes' modules are loaded; else a promise that settles when they are (or failed). */
export type PagesReady = (routes: readonly string[]) => Promise<void> | undefined;

export class StackGate {
  private readonly queue: LogicToView[] = [];
  private waiting = false;

  constructor(
    private readonly pagesReady: PagesReady,
    private readonly deliver: (message: LogicToView) => void,
  ) {}

  push(message: LogicToView): void {
    this.queue.push(message);
    if (!this.waiting) this.drain();
  }

  private drain(): void {
    for (let message = this.queue[0]; message !== undefined; message = this.queue[0]) {
      const pending = message.t === 'stack' ? this.pagesReady(message.pages.map((page) => page.route)) : undefined;
      if (pending !== undefined) {
        this.waiting = true;
        void pending.then(() => {
          this.waiting = false;
          this.drain();
        });
        return;
      }
      this.queue.shift();
      this.deliver(message);
    }
  }
}
