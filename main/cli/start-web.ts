// Composition of the browser host for the command line: one engine, the embedded lab server (always: the
// panel's reproduction buttons and the demo use it), the run's saved session, and the host serving the
// panel and the mini-app.
import { startBrowserHost, type BrowserHost } from '../browser-host/index';
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
export async function startWeb(options: Pick<CliOptions, 'miniapp' | 'port' | 'sessionsDir' | 'sessionsCapMiB' | 'clientProfile'>, outDir?: string): Promise<WebSession> {
  const engine = createEngine({ createReplayRegistry: createReplayServer, ...(options.clientProfile ? { settings: { clientProfile: options.clientProfile } } : {}) });
  const recording = await startSessionRecording(engine.capture, options);
  const lab = await startLabServer();
  engine.setLabEndpoints(lab.endpoints);
  let host: BrowserHost;
  try {
    host = await startBrowserHost({ engine, lab, port: options.port, miniapp: options.miniapp, outDir, sessions: recording.store });
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
