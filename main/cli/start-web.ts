// Composition of the browser host for the command line: one engine, the embedded lab server (always: the
// panel's reproduction buttons and the demo use it), the run's saved session, and the host serving the
// panel and the mini-app.
import { homedir } from 'node:os';
import { startBrowserHost, type BrowserHost } from '../browser-host/index';
import { createCaptureLog } from '../core/capture-log';
import { storageDirIn } from '../core/my-apis/project-storage';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { logWarning } from '../core/engine-warning';
import { openPreferencesFile, preferencesPathIn } from '../core/preferences-file';
import { startLabServer } from '../lab/lab-server';
import { createReplayServer } from '../replay/replay-server';
import { createRefusedRequestReporter } from '../core/rejected-request-warnings';
import type { CliOptions } from './parse-args';
import type { EngineSettings } from '../../shared/settings';
import { defaultAppDataDir, sessionsDirIn } from '../core/session-store/default-sessions-dir';
import { startSessionRecording } from '../host-common/session-recording';
import { projectKeyOf } from '../host-common/project-key';
import { outPaths, sessionWriterThreadFor } from '../host-common/out-layout';

export interface WebSession {
  host: BrowserHost;
  /** The run's engine (the Playwright fixture reads its capture and drives it directly). */
  engine: Engine;
  /** Stops the host (pages detached with 1001, lab closed), then every remaining socket of the engine. */
  stop(): Promise<void>;
}

/** The settings the command line chose (the panel's stored ones apply on top once it connects). */
function startSettings(options: Pick<CliOptions, 'clientProfile' | 'backgroundCloseSeconds'>): Partial<EngineSettings> {
  return { ...(options.clientProfile ? { clientProfile: options.clientProfile } : {}), ...(options.backgroundCloseSeconds === undefined ? {} : { backgroundCloseSeconds: options.backgroundCloseSeconds }) };
}

/** The built writer thread, also for callers that pass no outDir (the Playwright entry point's preview). */
function writerThreadOption(outDir: string | undefined): { writerThreadFile?: string } {
  const file = sessionWriterThreadFor(import.meta.url, outDir);
  return file === undefined ? {} : { writerThreadFile: file };
}

/** Starts engine, lab and browser host; on failure closes whatever was started and rethrows. */
export async function startWeb(options: Pick<CliOptions, 'miniapp' | 'port' | 'sessionsDir' | 'sessionsCapMiB' | 'prefsFile' | 'captureMiB' | 'clientBufferMiB' | 'mapRemote' | 'clientProfile' | 'storageDir' | 'backgroundCloseSeconds'>, outDir?: string): Promise<WebSession> {
  const capture = createCaptureLog(options.captureMiB === undefined ? {} : { maxBytes: options.captureMiB * 1024 * 1024 });
  const appData = defaultAppDataDir({ platform: process.platform, home: homedir(), env: process.env });
  const storageDir = options.storageDir ?? storageDirIn(appData);
  // Host/Origin refusals of the lab and replay servers become warnings (docs/architecture.md#threat-model).
  const reportRefused = createRefusedRequestReporter(capture);
  const engine = createEngine({ capture, createReplayRegistry: () => createReplayServer({ reportRefused }), storageDir, debugging: { mapRemote: options.mapRemote ?? [] }, settings: startSettings(options) });
  const dir = options.sessionsDir ?? sessionsDirIn(appData);
  const capBytes = options.sessionsCapMiB === undefined ? undefined : options.sessionsCapMiB * 1024 * 1024;
  const recording = await startSessionRecording(engine.capture, { dir, miniapp: options.miniapp, ...(capBytes === undefined ? {} : { capBytes }), ...writerThreadOption(outDir) });
  const preferences = openPreferencesFile(options.prefsFile ?? preferencesPathIn(appData));
  if (preferences.problem) logWarning(engine.capture, { clientId: 'panel' }, { id: 'preferences-unreadable', message: preferences.problem, detail: {} });
  const lab = await startLabServer({ reportRefused });
  engine.setLabEndpoints(lab.endpoints);
  let host: BrowserHost;
  try {
    host = await startBrowserHost({ engine, lab, port: options.port, miniapp: options.miniapp ?? demoOf(outDir), outDir, sessions: recording.saved, preferences, projectKey: projectKeyOf(options.miniapp), ...(options.clientBufferMiB === undefined ? {} : { slowReaderBytes: options.clientBufferMiB * 1024 * 1024 }) });
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

/**
 * What runs without --miniapp: the bundled demo project (docs/behaviour.md#bundled-demo), from the out/ folder
 * the command line runs from; without one, the browser host's own default (the HTML demo).
 */
function demoOf(outDir: string | undefined): string | undefined {
  return outDir === undefined ? undefined : outPaths(outDir).demoProject;
}
