// Composition of the browser host for the command line: one engine, the embedded lab server (always: the
// panel's reproduction buttons and the demo use it), the run's saved session, and the host serving the
// panel and the mini-app.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../browser-host/index';
import { defaultAppDataDir } from '../core/session-store/default-sessions-dir';
import { storageDirIn } from '../core/my-apis/project-storage';
import { createEngine } from '../core/engine';
import { startLabServer } from '../lab/lab-server';
import { createReplayServer } from '../replay/replay-server';
import type { CliOptions } from './parse-args';
import { startSessionRecording } from './session-recording';

export interface WebSession {
  host: BrowserHost;
  /** Stops the host (pages detached with 1001, lab closed), then every remaining socket of the engine. */
  stop(): Promise<void>;
}

/** Starts engine, lab and browser host; on failure closes whatever was started and rethrows. */
export async function startWeb(options: Pick<CliOptions, 'miniapp' | 'port' | 'sessionsDir' | 'sessionsCapMiB' | 'storageDir'>, outDir?: string): Promise<WebSession> {
  const engine = createEngine({ createReplayRegistry: createReplayServer, storageDir: options.storageDir ?? storageDirIn(defaultAppDataDir({ platform: process.platform, home: homedir(), env: process.env })) });
  const recording = await startSessionRecording(engine.capture, options);
  const lab = await startLabServer();
  engine.setLabEndpoints(lab.endpoints);
  let host: BrowserHost;
  try {
    host = await startBrowserHost({ engine, lab, port: options.port, miniapp: options.miniapp, outDir, sessions: recording.store, projectKey: projectKeyOf(options.miniapp) });
  } catch (error) {
    await lab.close();
    await engine.shutdown();
    await recording.stop();
    throw error;
  }
  return {
    host,
    async stop() {
      await host.close();
      await engine.shutdown();
      await recording.stop();
    },
  };
}

/** The project a mini-app's storage belongs to: its URL, or its folder as an absolute path (docs/behaviour.md#storage-mirror). */
function projectKeyOf(miniapp: string | undefined): string {
  if (miniapp === undefined) return 'demo';
  return /^https?:\/\//i.test(miniapp) ? miniapp : resolve(miniapp);
}
