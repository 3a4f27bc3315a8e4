// The UI feedback of `my` (toast, loading, alert, confirm, prompt, action sheet, the title bar) as plain
// requests a surface draws: the options an app passes are checked and given their documented defaults here
// (docs/miniprogram-runtime.md#references §9.6, §8.3; docs/behaviour.md#ui-feedback), once for both modes.
// Requests and answers are JSON, so they cross from the logic Worker to the view unchanged.
import { optionOf } from './api-port';

export type ToastType = 'none' | 'success' | 'fail' | 'exception';

export type FeedbackRequest =
  | { kind: 'toast'; content: string; type: ToastType; duration: number }
  | { kind: 'hide-toast' }
  | { kind: 'loading'; content: string; delay: number; mask: boolean }
  | { kind: 'hide-loading' }
  | { kind: 'alert'; title: string; content: string; buttonText: string }
  | { kind: 'confirm'; title: string; content: string; confirmButtonText: string; cancelButtonText: string }
  | { kind: 'prompt'; title: string; message: string; placeholder: string; align: 'left' | 'center' | 'right'; okButtonText: string; cancelButtonText: string; confirmColor?: string; cancelColor?: string }
  | { kind: 'action-sheet'; title: string; items: string[]; cancelButtonText: string; destructiveBtnIndex?: number; badges: { index: number; text: string }[] }
  | { kind: 'navigation-bar'; title?: string; backgroundColor?: string; frontColor?: string; borderBottomColor?: string; image?: string; reset?: boolean }
  | { kind: 'navigation-bar-loading'; loading: boolean };

/** What the user's answer gives `success`: `{}`, `{ confirm }`, `{ ok, inputValue }` or `{ index }`. */
export type FeedbackAnswer = Record<string, string | number | boolean>;

/** Draws feedback and answers once it is done (dismissed by the user, timed out or replaced). */
export interface FeedbackSurface {
  present(request: FeedbackRequest): Promise<FeedbackAnswer>;
}

/** The `my` APIs of UI feedback, by name. */
export const FEEDBACK_APIS = [
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'alert',
  'confirm',
  'prompt',
  'showActionSheet',
  'setNavigationBar',
  'showNavigationBarLoading',
  'hideNavigationBarLoading',
] as const;
export type FeedbackApiName = (typeof FEEDBACK_APIS)[number];

/** A refused call: error 2, the generic invalid-argument code of §9.3 and the socket table. */
export interface FeedbackRefusal {
  error: 2;
  errorMessage: string;
}

const TOAST_TYPES: readonly ToastType[] = ['none', 'success', 'fail', 'exception'];
const ALIGNS = ['left', 'center', 'right'] as const;
const DEFAULT_TOAST_MS = 3000;
/** Longest text kept of any one option (a page cannot make the phone draw megabytes). */
const MAX_TEXT = 2000;
const MAX_ITEMS = 50;

class Refused extends Error {}

function text(api: string, options: unknown, key: string, fallback: string): string {
  const value = optionOf(options, key);
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new Refused(`${api}: ${key} must be a string`);
  return value.slice(0, MAX_TEXT);
}

function optionalText(api: string, options: unknown, key: string): string | undefined {
  const value = text(api, options, key, '');
  return value === '' ? undefined : value;
}

function milliseconds(api: string, options: unknown, key: string, fallback: number): number {
  const value = optionOf(options, key);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Refused(`${api}: ${key} must be a number of milliseconds, 0 or more`);
  return value;
}

function oneOf<T extends string>(api: string, options: unknown, key: string, allowed: readonly T[], fallback: T): T {
  const value = optionOf(options, key);
  if (value === undefined || value === null || value === '') return fallback;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Refused(`${api}: ${key} must be one of ${allowed.join(', ')}`);
  return found;
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** `image` as documented (an https: URL), or what the preview can show offline: a project path or a data:image/ URL. */
const NAVIGATION_IMAGE = /^(?:https:\/\/|\/(?!\/)|data:image\/)/i;

/** setNavigationBar (§8.3): a title given as '' clears it; `image` and `borderBottomColor` are checked; `reset` is a boolean. */
function navigationBar(api: string, options: unknown): FeedbackRequest {
  const title = optionOf(options, 'title') === undefined || optionOf(options, 'title') === null ? undefined : text(api, options, 'title', '');
  const backgroundColor = optionalText(api, options, 'backgroundColor');
  const frontColor = optionalText(api, options, 'frontColor');
  const borderBottomColor = optionalText(api, options, 'borderBottomColor');
  if (borderBottomColor !== undefined && !HEX_COLOUR.test(borderBottomColor)) throw new Refused(`${api}: borderBottomColor must be a hexadecimal colour such as #ff0000`);
  const image = optionalText(api, options, 'image');
  if (image !== undefined && !NAVIGATION_IMAGE.test(image)) throw new Refused(`${api}: image must be an https: URL (in the preview also a project path such as /images/logo.png, or a data:image/ URL)`);
  const reset = optionOf(options, 'reset');
  if (reset !== undefined && reset !== null && typeof reset !== 'boolean') throw new Refused(`${api}: reset must be true or false`);
  return {
    kind: 'navigation-bar',
    ...(title !== undefined ? { title } : {}),
    ...(backgroundColor ? { backgroundColor } : {}),
    ...(frontColor ? { frontColor } : {}),
    ...(borderBottomColor ? { borderBottomColor } : {}),
    ...(image ? { image } : {}),
    ...(reset === true ? { reset } : {}),
  };
}

function actionSheet(options: unknown): FeedbackRequest {
  const api = 'showActionSheet';
  const items = optionOf(options, 'items');
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS || !items.every((item) => typeof item === 'string')) {
    throw new Refused(`${api}: items must be an array of 1 to ${MAX_ITEMS} strings`);
  }
  const destructive = optionOf(options, 'destructiveBtnIndex');
  const badges = optionOf(options, 'badges');
  return {
    kind: 'action-sheet',
    title: text(api, options, 'title', ''),
    items: items.map((item: string) => item.slice(0, MAX_TEXT)),
    cancelButtonText: text(api, options, 'cancelButtonText', '取消'),
    ...(Number.isInteger(destructive) ? { destructiveBtnIndex: destructive as number } : {}),
    badges: (Array.isArray(badges) ? badges : []).flatMap((badge: unknown) => {
      const index = optionOf(badge, 'index');
      if (!Number.isInteger(index)) return [];
      const badgeText = optionOf(badge, 'text');
      return [{ index: index as number, text: typeof badgeText === 'string' ? badgeText.slice(0, 20) : '•' }];
    }),
  };
}

function toast(options: unknown): FeedbackRequest {
  const api = 'showToast';
  const content = text(api, options, 'content', '');
  const type = oneOf(api, options, 'type', TOAST_TYPES, 'none');
  if (type === 'exception' && content === '') throw new Refused(`${api}: type "exception" needs a content`);
  return { kind: 'toast', content, type, duration: milliseconds(api, options, 'duration', DEFAULT_TOAST_MS) };
}

function build(api: FeedbackApiName, options: unknown): FeedbackRequest {
  switch (api) {
    case 'showToast':
      return toast(options);
    case 'hideToast':
      return { kind: 'hide-toast' };
    case 'showLoading': {
      const mask = optionOf(options, 'mask');
      return { kind: 'loading', content: text(api, options, 'content', ''), delay: milliseconds(api, options, 'delay', 0), mask: mask === undefined ? true : Boolean(mask) };
    }
    case 'hideLoading':
      return { kind: 'hide-loading' };
    case 'alert':
      return { kind: 'alert', title: text(api, options, 'title', ''), content: text(api, options, 'content', ''), buttonText: text(api, options, 'buttonText', '确定') };
    case 'confirm':
      return {
        kind: 'confirm',
        title: text(api, options, 'title', ''),
        content: text(api, options, 'content', ''),
        confirmButtonText: text(api, options, 'confirmButtonText', '确定'),
        cancelButtonText: text(api, options, 'cancelButtonText', '取消'),
      };
    case 'prompt': {
      const confirmColor = optionalText(api, options, 'confirmColor');
      const cancelColor = optionalText(api, options, 'cancelColor');
      return {
        kind: 'prompt',
        title: text(api, options, 'title', ''),
        message: text(api, options, 'message', '请输入内容'),
        placeholder: text(api, options, 'placeholder', ''),
        align: oneOf(api, options, 'align', ALIGNS, 'left'),
        okButtonText: text(api, options, 'okButtonText', '确定'),
        cancelButtonText: text(api, options, 'cancelButtonText', '取消'),
        ...(confirmColor ? { confirmColor } : {}),
        ...(cancelColor ? { cancelColor } : {}),
      };
    }
    case 'showActionSheet':
      return actionSheet(options);
    case 'setNavigationBar':
      return navigationBar(api, options);
    case 'showNavigationBarLoading':
    case 'hideNavigationBarLoading':
      return { kind: 'navigation-bar-loading', loading: api === 'showNavigationBarLoading' };
  }
}

/** The request an API call asks for, or why it is refused (never throws, whatever the options hold). */
export function readFeedbackRequest(api: FeedbackApiName, options: unknown): FeedbackRequest | FeedbackRefusal {
  if (options !== undefined && options !== null && typeof options !== 'object') return { error: 2, errorMessage: `${api}: the argument must be an object` };
  try {
    return build(api, options);
  } catch (error) {
    return { error: 2, errorMessage: error instanceof Refused ? error.message : `${api}: unreadable options` };
  }
}
