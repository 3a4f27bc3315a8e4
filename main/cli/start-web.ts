// Composition of the browser host for the command line: one engine, the embedded lab server (always: the
// panel's reproduction buttons and the demo use it), the run's saved session, and the host serving the
// panel and the mini-app.
import { homedir } from 'node:os';
import { startBrowserHost, type BrowserHost } from '../browser-host/index';
import { createCaptureLog } from '../core/capture-log';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { logWarning } from '../core/engine-warning';
import { openPreferencesFile, preferencesPathIn } from '../core/preferences-file';
import { startLabServer } from '../lab/lab-server';
import { createReplayServer } from '../replay/replay-server';
import { createRefusedRequestReporter } from '../core/rejected-request-warnings';
import type { CliOptions } from './parse-args';
import { defaultAppDataDir, sessionsDirIn } from '../core/session-store/default-sessions-dir';
import { startSessionRecording } from '../host-common/session-recording';

export interface WebSession {
  host: BrowserHost;
  /** The run's engine (the Playwright fixture reads its capture and drives it directly). */
  engine: Engine;
  /** Stops the host (pages detached with 1001, lab closed), then every remaining socket of the engine. */
  stop(): Promise<void>;
}

/** Starts engine, lab and browser host; on failure closes whatever was started and rethrows. */
export async function startWeb(options: Pick<CliOptions, 'miniapp' | 'port' | 'sessionsDir' | 'sessionsCapMiB' | 'prefsFile' | 'captureMiB' | 'mapRemote' | 'clientProfile'>, outDir?: string): Promise<WebSession> {
  const capture = createCaptureLog(options.captureMiB === undefined ? {} : { maxBytes: options.captureMiB * 1024 * 1024 });
  // Host/Origin refusals of the lab and replay servers become warnings (docs/architecture.md#threat-model).
  const reportRefused = createRefusedRequestReporter(capture);
  const engine = createEngine({ capture, createReplayRegistry: () => createReplayServer({ reportRefused }), debugging: { mapRemote: options.mapRemote ?? [] }, ...(options.clientProfile ? { settings: { clientProfile: options.clientProfile } } : {}) });
  const dir = options.sessionsDir ?? sessionsDirIn(defaultAppDataDir({ platform: process.platform, home: homedir(), env: process.env }));
  const capBytes = options.sessionsCapMiB === undefined ? undefined : options.sessionsCapMiB * 1024 * 1024;
  const recording = await startSessionRecording(engine.capture, { dir, miniapp: options.miniapp, ...(capBytes === undefined ? {} : { capBytes }) });
  const preferences = openPreferencesFile(options.prefsFile ?? preferencesPathIn(defaultAppDataDir({ platform: process.platform, home: homedir(), env: process.env })));
  if (preferences.problem) logWarning(engine.capture, { clientId: 'panel' }, { id: 'preferences-unreadable', message: preferences.problem, detail: {} });
  const lab = await startLabServer({ reportRefused });
  engine.setLabEndpoints(lab.endpoints);
  let host: BrowserHost;
  try {
    host = await startBrowserHost({ engine, lab, port: options.port, miniapp: options.miniapp, outDir, sessions: recording.saved, preferences });
  } catch (error) {
    await lab.close();
    await engine.shutdown();
    await recording.stop();
    throw error;
  }
  return {
    host,
    engine,
    async stop() {
      await host.close();
      await engine.shutdown();
      await recording.stop();
    },
  };
}
