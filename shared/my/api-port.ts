// What the API families beyond sockets need from createMy: engine calls answered by `result`, calls
// answered locally with the same callback and Promise conventions, fire-and-forget posts, and the seed.
import type { Json } from '../json';
import type { ClientMessage, ClientSeed, EngineApi } from '../my-wire';
import type { CallCallbacks, CallSuccessPayload, ShapeResult } from './pending-calls';

/** A call's answer decided in the page (storage, system info, unsupported APIs). */
export type LocalAnswer = { ok: true; payload: Record<string, unknown> } | { ok: false; error: number; errorMessage: string };

export interface ApiPort {
  /** Sends an engine API call; returns its call id and the promise its result settles. */
  callEngine(api: EngineApi, options: Json, callbacks: CallCallbacks, shape?: ShapeResult): { callId: number; promise: Promise<CallSuccessPayload> };
  /** Answers a call in the page, asynchronously, as an engine result would be (docs/behaviour.md#more-of-my). */
  answerLocally(api: string, callbacks: CallCallbacks, answer: LocalAnswer): Promise<CallSuccessPayload>;
  /** The same, once `answer` settles (a dialog the user dismisses later). */
  answerLater(api: string, callbacks: CallCallbacks, answer: Promise<LocalAnswer>): Promise<CallSuccessPayload>;
  /** Sends without an answer; false when the link is gone. */
  post(message: ClientMessage): boolean;
  onSeed(listener: (seed: ClientSeed) => void): void;
}

/** The success/fail/complete functions on a call's argument; nothing when it is not an object. Never throws. */
export function callbacksOf(options: unknown): CallCallbacks {
  const callbacks: CallCallbacks = {};
  if (typeof options !== 'object' || options === null) return callbacks;
  for (const name of ['success', 'fail', 'complete'] as const) {
    try {
      const value: unknown = (options as Record<string, unknown>)[name];
      if (typeof value === 'function') callbacks[name] = value as CallCallbacks[typeof name];
    } catch {
      // A throwing getter is the app's bug; the call goes on without that callback.
    }
  }
  return callbacks;
}

/** One property of a call's argument, or undefined (never throws). */
export function optionOf(options: unknown, key: string): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  try {
    return (options as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
