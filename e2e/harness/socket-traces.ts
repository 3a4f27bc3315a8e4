// In-page recorders for the conformance specs: each runs inside the mini-app (through inMiniapp) and
// returns the ordered trace of callbacks and events one scenario produced, so specs compare orders.
import type { Frame } from '@playwright/test';
import { inMiniapp } from './miniapp-eval';

/** connectSocket options as JSON (callbacks are added in the page). */
export type ConnectArg = { url: string; timeout?: number; protocols?: string[]; data?: { [key: string]: string } };

export interface Trace {
  /** `success`, `fail:N`, `complete`, `open`, `message:<text>` / `message:bin:<base64>`, `error:N`, `close:CODE`, `send-success`, `send-fail:N`. */
  steps: string[];
  /** errorMessage of every fail and error, in order. */
  messages: string[];
}

/**
 * Single mode: global listeners, then connectSocket; once open, sends `sends`; after `closeAfterMessages`
 * messages, closes with 1000. Records until the close event (or 20 s, so a missing close shows as the steps seen), then removes its listeners.
 */
export function singleModeTrace(
  frame: Frame,
  arg: { connect: ConnectArg; sends?: { data: string; isBuffer?: boolean }[]; closeAfterMessages?: number },
): Promise<Trace> {
  return inMiniapp(
    frame,
    async (my, a) => {
      const steps: string[] = [];
      const messages: string[] = [];
      const failed = (prefix: string) => (result: { error: number; errorMessage: string }) => {
        steps.push(`${prefix}${result.error}`);
        messages.push(result.errorMessage);
      };
      let received = 0;
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const onOpen = () => {
        steps.push('open');
        for (const send of a.sends ?? []) {
          my.sendSocketMessage({ data: send.data, isBuffer: send.isBuffer === true, success: () => steps.push('send-success'), fail: failed('send-fail:') });
        }
      };
      const onMessage = (message: { data: string | ArrayBuffer; isBuffer: boolean }) => {
        const data = String(message.data);
        steps.push(`message:${message.isBuffer ? 'bin:' : ''}${data.length > 200 ? `<${data.length} chars>` : data}`);
        received += 1;
        if (received === a.closeAfterMessages) {
          my.closeSocket({ code: 1000, reason: 'done', success: () => steps.push('close-success'), fail: failed('close-fail:') });
        }
      };
      const onError = failed('error:');
      const onClose = (event: { code: number }) => {
        steps.push(`close:${event.code}`);
        finish();
      };
      my.onSocketOpen(onOpen);
      my.onSocketMessage(onMessage);
      my.onSocketError(onError);
      my.onSocketClose(onClose);
      my.connectSocket({
        ...a.connect,
        multiple: false,
        success: () => steps.push('success'),
        fail: (result) => {
          failed('fail:')(result);
          setTimeout(finish, 300);
        },
        complete: () => steps.push('complete'),
      });
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      my.offSocketOpen(onOpen);
      my.offSocketMessage(onMessage);
      my.offSocketError(onError);
      my.offSocketClose(onClose);
      return { steps, messages };
    },
    arg,
  );
}

/**
 * Task mode: connectSocket({ multiple: true }) with the task's own listeners; once open, optionally sends
 * one message of `sendChars` characters. Records until the task's close event (or 20 s).
 */
export function taskTrace(frame: Frame, arg: { connect: ConnectArg; sendChars?: number }): Promise<Trace> {
  return inMiniapp(
    frame,
    async (my, a) => {
      const steps: string[] = [];
      const messages: string[] = [];
      const failed = (prefix: string) => (result: { error: number; errorMessage: string }) => {
        steps.push(`${prefix}${result.error}`);
        messages.push(result.errorMessage);
      };
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const task = my.connectSocket({
        ...a.connect,
        multiple: true,
        success: () => steps.push('success'),
        fail: (result) => {
          failed('fail:')(result);
          setTimeout(finish, 300);
        },
        complete: () => steps.push('complete'),
      });
      task.onOpen(() => {
        steps.push('open');
        if (a.sendChars !== undefined) {
          task.send({ data: 'x'.repeat(a.sendChars), success: () => steps.push('send-success'), fail: failed('send-fail:') });
        }
      });
      task.onMessage((message) => {
        const data = String(message.data);
        steps.push(`message:${data.length > 200 ? `<${data.length} chars>` : data}`);
      });
      task.onError(failed('error:'));
      task.onClose(() => {
        steps.push('close');
        finish();
      });
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { steps, messages };
    },
    arg,
  );
}
