// The Electron host's IPC contract: channel names shared by main/electron and preload/, the rectangle the
// panel reports for the mini-app view, and the `window.msdPanel` surface the renderer finds under Electron.
// The browser host does not use these; it bridges the same panel-wire and my-wire messages over WebSockets.
import * as z from 'zod';
import type { LabConfig } from './host-config';
import type { ClientMessage } from './my-wire';
import type { PanelMessage, PanelRequest } from './panel-wire';

/** Every client message op once: the `satisfies` makes a missing or an unknown op a compile error. */
const CLIENT_OPS = { connect: 0, send: 0, close: 0, listen: 0, dispatched: 0, problem: 0, api: 0, storage: 0, unsupported: 0, 'page-stack': 0 } satisfies Record<ClientMessage['op'], 0>;

type OpChannels<Prefix extends string> = { readonly [Op in ClientMessage['op']]: `${Prefix}:${Op}` };

/** One channel per client message op under `prefix`, so each has its own rate limit and no link can miss an op. */
function opChannels<Prefix extends string>(prefix: Prefix): OpChannels<Prefix> {
  return Object.fromEntries(Object.keys(CLIENT_OPS).map((op) => [op, `${prefix}:${op}`])) as OpChannels<Prefix>;
}

/** Mini-app → main: one channel per client message op. */
export const MY_CHANNELS = opChannels('my');

/** Main → mini-app: every EngineMessage of the page's client session, in engine order. */
export const MY_ENGINE_CHANNEL = 'my:engine';

/**
 * The logic Worker's link on a mini-program view page (docs/miniprogram-runtime.md "Electron"): the same
 * messages on channels of their own, so that it is a second engine client numbering its calls itself.
 */
export const MY_LOGIC_CHANNELS = opChannels('my-logic');

/** Main → mini-program view page: the logic link's EngineMessages. */
export const MY_LOGIC_ENGINE_CHANNEL = 'my-logic:engine';

/** One `my` link over IPC: a channel per client op, and the channel the engine answers on. */
export interface MyIpcChannels {
  calls: Record<ClientMessage['op'], string>;
  engine: string;
}

export const PAGE_LINK_CHANNELS: MyIpcChannels = { calls: MY_CHANNELS, engine: MY_ENGINE_CHANNEL };
export const LOGIC_LINK_CHANNELS: MyIpcChannels = { calls: MY_LOGIC_CHANNELS, engine: MY_LOGIC_ENGINE_CHANNEL };

export const PANEL_CHANNELS = {
  /** Panel → main: the preload is up; answer with a fresh port (also after a panel reload). */
  ready: 'panel:ready',
  /** Panel → main: one PanelRequest. */
  request: 'panel:request',
  /** Panel → main: where the mini-app view goes, in the panel's CSS pixels. */
  miniappBounds: 'panel:miniapp-bounds',
  /** Panel → main: reload the mini-app page (its sockets close with 1001, the new page gets a new client). */
  reloadMiniapp: 'panel:reload-miniapp',
  /** Main → panel: the MessagePort that carries every PanelMessage. */
  port: 'panel:port',
} as const;

/** Every channel the Electron host listens to; anything else is logged and rejected. */
export const KNOWN_INBOUND_CHANNELS: readonly string[] = [
  ...Object.values(MY_CHANNELS),
  ...Object.values(MY_LOGIC_CHANNELS),
  PANEL_CHANNELS.ready,
  PANEL_CHANNELS.request,
  PANEL_CHANNELS.miniappBounds,
  PANEL_CHANNELS.reloadMiniapp,
];

const coordinate = z.number().min(0).max(100_000);

/** The mini-app view's rectangle; a zero width or height hides the view (e.g. while a modal is open). */
export const miniappBoundsSchema = z.object({ x: coordinate, y: coordinate, width: coordinate, height: coordinate });
export type MiniappBounds = z.infer<typeof miniappBoundsSchema>;

/** `window.msdPanel`: what the panel preload exposes; the renderer uses it as its PanelTransport. */
export interface MsdPanelApi {
  send(request: PanelRequest): void;
  /** Messages from the engine, in order; returns the unsubscribe function. */
  onMessage(listener: (message: PanelMessage) => void): () => void;
  setMiniappBounds(bounds: MiniappBounds): void;
  /** Reloads the mini-app view (the Electron panel's "Reload mini-app" button). */
  reloadMiniapp?(): void;
}

const labConfigSchema: z.ZodType<LabConfig> = z.object({
  endpoints: z
    .array(
      z.object({
        name: z.string().max(200),
        url: z.string().max(2000),
        reproduces: z.number().int().optional(),
        description: z.string().max(2000),
      }),
    )
    .max(200),
});

const LAB_ARGUMENT = '--msd-lab=';
/** Present when the mini-app's app.json sets `behavior.connectSocketDefaultMultiple: true` (docs/behaviour.md#a17-default-of-multiple-from-appjson). */
export const DEFAULT_MULTIPLE_ARGUMENT = '--msd-default-multiple';

/** The mini-app view's extra argv entry carrying `window.__MSD_LAB__` (webPreferences.additionalArguments). */
export function labArgument(config: LabConfig): string {
  return LAB_ARGUMENT + encodeURIComponent(JSON.stringify(config));
}

/** The lab config in a preload's argv, or undefined when absent or malformed. */
export function readLabArgument(argv: readonly string[]): LabConfig | undefined {
  const argument = argv.find((arg) => arg.startsWith(LAB_ARGUMENT));
  if (argument === undefined) return undefined;
  try {
    const parsed = labConfigSchema.safeParse(JSON.parse(decodeURIComponent(argument.slice(LAB_ARGUMENT.length))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the preload's argv asks for `multiple: true` by default (app.json, read by the main process). */
export function readDefaultMultipleArgument(argv: readonly string[]): boolean {
  return argv.includes(DEFAULT_MULTIPLE_ARGUMENT);
}

/** Present when the mini-app view is a mini-program view page: its preload offers the logic link. */
export const LOGIC_LINK_ARGUMENT = '--msd-logic-link';

/** Whether the preload's argv asks for the logic link (`window.__msdTakeLogicLink`). */
export function readLogicLinkArgument(argv: readonly string[]): boolean {
  return argv.includes(LOGIC_LINK_ARGUMENT);
}
