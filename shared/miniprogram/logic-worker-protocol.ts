// The messages between the view page and the logic Worker it starts (renderer/miniprogram/logic-host/ and
// renderer/miniprogram/logic/worker-entry.ts): the boot settings, the view/logic contract
// (view-logic-protocol.ts) and the `my` link the page relays to its bridge (my-wire.ts).
import type { LabConfig } from '../host-config';
import type { ClientMessage, EngineLinkMessage } from '../my-wire';
import type { LogicToView, ViewToLogic, WindowState } from './view-logic-protocol';

/** The app.json facts the logic needs (the host reads app.json). */
export interface LogicConfig {
  /** app.json `pages`; the first is the home page. */
  pages: string[];
  /** app.json `tabBar.list[].pagePath`. */
  tabBarPages: string[];
  /** The page to launch and its query (default: the home page, no query). */
  entry?: { route: string; query: Record<string, string> };
  /** Each page's title bar from app.json `window` and its .json, the base of my.setNavigationBar changes. */
  windows?: Record<string, WindowState>;
}

export interface LogicBoot {
  /** Absolute URL that module paths are appended to: `<mini-app origin>/__mp/logic/`. */
  moduleBase: string;
  config: LogicConfig;
  /** app.json behavior.connectSocketDefaultMultiple, as for the page's own `my`. */
  defaultMultiple: boolean;
  /** The lab's endpoints (`window.__MSD_LAB__` of the page), given to the logic as `__MSD_LAB__`. */
  lab?: LabConfig;
}

export type PageToWorker =
  | { t: 'boot'; boot: LogicBoot }
  | { t: 'view'; message: ViewToLogic }
  /** What the bridge delivered to the logic's `my`. */
  | { t: 'my'; message: EngineLinkMessage };

export type WorkerToPage =
  | { t: 'view'; message: LogicToView }
  /** A `my` call of the logic, for the page to send on its bridge. */
  | { t: 'my'; message: ClientMessage };
