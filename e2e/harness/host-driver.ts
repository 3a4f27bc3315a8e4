// What every spec talks to, whichever host runs the product: the browser host (Chromium, the mini-app in
// a sandboxed iframe of the panel) or the Electron app (the mini-app in its own WebContentsView). The
// `electron` project plugs in through e2e/harness/electron-driver.ts exporting
// `launchElectronDriver(options): Promise<HostDriver>`.
import type { Frame, Page } from '@playwright/test';
import type { CaptureEntry } from '../../shared/capture';
import type { EngineState, LabEndpoint } from '../../shared/panel-wire';
import type { SettingsPatch } from '../../shared/settings';

export interface HostDriver {
  readonly kind: 'browser' | 'electron';
  /** The panel page. */
  readonly panel: Page;
  /** The mini-app document once `my` exists in it. */
  miniapp(): Promise<Frame>;
  /** Reloads only the mini-app document; resolves with it once the new document has `my`. */
  reloadMiniapp(): Promise<Frame>;
  /** Reloads the panel page (under the browser host this reloads the embedded mini-app too). */
  reloadPanel(): Promise<void>;
  /** The lab's endpoints as the mini-app sees them. */
  lab(): Promise<LabEndpoint[]>;
  /** Everything the engine holds, as the JSONL export parses. */
  capture(): Promise<CaptureEntry[]>;
  /** The capture as HAR text. */
  captureHar(): Promise<string>;
  /** The engine's state (connections, clients and their listener counts): the first pushed one satisfying `predicate`. */
  engineState(predicate?: (state: EngineState) => boolean): Promise<EngineState>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Saves a screenshot of the whole product under e2e/screenshots/<name>.png. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** How a spec wants the app started. */
export interface ElectronDriverOptions {
  /** `--miniapp <folder>`; undefined → the bundled demo. */
  miniapp: string | undefined;
}

/** What e2e/harness/electron-driver.ts must export. */
export interface ElectronDriverModule {
  launchElectronDriver(options: ElectronDriverOptions): Promise<HostDriver>;
}
