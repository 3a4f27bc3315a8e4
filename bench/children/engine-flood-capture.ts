// Product side of the capture measurement: the engine opens the flood for a mini-app client, logs every
// frame to its capture, and a panel session streams the capture in batches that are acked as they
// arrive (the browser host's path minus the bridge socket). With `serialize`, each panel message is also
// turned into JSON as the browser host's bridge does before sending it.
import type { PanelMessage } from '../../shared/panel-wire';
import { createEngine } from '../../main/core/engine';
import { createPanelSession } from '../../main/core/panel-session';
import type { FloodClientInput, FloodRunResult } from './bare-flood-client';
import { answer, childInput } from './child-io';

export interface EngineFloodInput extends FloodClientInput {
  serialize: boolean;
}

/** The flood run, plus what the stream delivered. */
export interface EngineFloodResult extends FloodRunResult {
  /** Flood frames that reached the app client as message events. */
  appMessages: number;
  batches: number;
  /** Entries the ring evicted before the stream sent them (must be 0 with a keeping-up consumer). */
  skipped: number;
  serializedBytes: number;
}

const input = childInput<EngineFloodInput>();
await answer<EngineFloodResult>(
  () =>
    new Promise((resolve, reject) => {
      const engine = createEngine();
      let started = 0;
      let appMessages = 0;
      let framesStreamed = 0;
      let batches = 0;
      let skipped = 0;
      let serializedBytes = 0;
      let done = false;

      function onPanelMessage(message: PanelMessage): void {
        if (input.serialize) serializedBytes += JSON.stringify(message).length;
        if (message.kind !== 'batch') return;
        batches += 1;
        skipped += message.skipped;
        for (const entry of message.entries) if (entry.kind === 'frame' && entry.direction === 'in' && entry.opcode === 1) framesStreamed += 1;
        const last = message.entries[message.entries.length - 1];
        if (last) setImmediate(() => panel.receive({ kind: 'ack', seq: last.seq }));
        if (!done && framesStreamed >= input.count) {
          done = true;
          const ms = performance.now() - started;
          resolve({ frames: framesStreamed, ms, framesPerSecond: framesStreamed / (ms / 1000), appMessages, batches, skipped, serializedBytes });
        }
      }

      const panel = createPanelSession(engine, onPanelMessage);
      panel.receive({ kind: 'subscribe' });
      const app = engine.attachClient({
        origin: 'http://127.0.0.1',
        send(message) {
          if (message.kind !== 'event') return;
          const event = message.payload.event;
          if (event === 'open') started = performance.now();
          else if (event === 'message') appMessages += 1;
          else if (event === 'error' && !done) reject(new Error(`socket error ${message.payload.error}: ${message.payload.errorMessage}`));
          else if (event === 'close' && !done && framesStreamed < input.count && appMessages < input.count) {
            reject(new Error(`flood closed after ${appMessages} of ${input.count} frames`));
          }
        },
      });
      app.receive({ op: 'connect', callId: 1, target: null, options: { url: input.url } });
    }),
);
