// The recorder copies a plain incoming frame from the capture ring's columns, without its entry object
// (docs/architecture.md#capture-cpu): the session it writes must be the same bytes as one written from the
// entry objects, for every shape the log holds.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createCaptureLog } from '../capture-log';
import { recordCapture } from './capture-recorder';
import { sessionPaths } from './session-files';
import { openSessionStore, type SessionStore } from './session-store';
import { collect, withTempDir } from './test-support/entries';

/** The store, with the plain frames its live sessions take from the ring's columns counted. */
function countingColumnFrames(store: SessionStore): { store: SessionStore; columnFrames: () => number } {
  let count = 0;
  const counted: SessionStore = {
    ...store,
    startSession(options) {
      const session = store.startSession(options);
      return {
        ...session,
        id: session.id,
        appendPlainFrame(seq, fields) {
          count += 1;
          session.appendPlainFrame(seq, fields);
        },
      };
    },
  };
  return { store: counted, columnFrames: () => count };
}

describe('capture recorder, plain frames from the ring columns', () => {
  it('writes the same session bytes as appending the entry objects, for frames among every other entry shape', async () => {
    await withTempDir(async (columnsDir) => {
      await withTempDir(async (objectsDir) => {
        const columnsStore = await openSessionStore({ dir: columnsDir });
        const objectsStore = await openSessionStore({ dir: objectsDir });
        const counting = countingColumnFrames(columnsStore);
        // A small ring and payload cap: entries leave it long before the end, and cut frames are not plain.
        const log = createCaptureLog({ capacity: 300, payloadCap: 64 });
        log.append({ clientId: 'app-1', connectionId: '', kind: 'call', name: 'before-recording', direction: 'none', size: 0 });
        const recorder = recordCapture(log, counting.store, '/apps/demo');
        const objects = objectsStore.startSession({ miniapp: '/apps/demo', firstSeq: log.nextSeq() });
        let copied = log.nextSeq();
        log.onChange(() => {
          for (; copied < log.nextSeq(); copied += 1) objects.append(log.get(copied) ?? expect.unreachable(`entry ${copied} left the ring`));
        });
        let plainFrames = 0;
        for (let i = 0; i < 6000; i += 1) {
          const client = i % 97 === 0 ? 'app-2' : 'app-1';
          const connection = `t${Math.floor(i / 700)}`;
          if (i % 11 === 0) log.append({ clientId: client, connectionId: connection, kind: 'call', name: 'sendSocketMessage', direction: 'out', size: 0, page: 'pages/index/index', detail: { callId: i, target: null, options: { data: `d${i}` } } });
          if (i % 13 === 0) log.append({ clientId: client, connectionId: connection, kind: 'frame', name: 'text', direction: 'out', opcode: 1, size: 3, payload: `o${i}` });
          if (i % 17 === 0) log.append({ clientId: client, connectionId: connection, kind: 'error', name: 'error', direction: 'none', size: 0, errorCode: 5, errorMessage: `refused ${i}`, cause: 'ECONNREFUSED' });
          if (i % 19 === 0) log.appendFrame(client, connection, false, 200, 'é'.repeat(100), Buffer.from('é'.repeat(100))); // cut at the cap: not plain
          const binary = i % 5 === 0;
          const bytes = Buffer.from(binary ? `b${i}` : `${i}:${'拒x'.repeat(i % 20)}`);
          const payload = binary ? bytes.toString('base64') : bytes.toString();
          log.appendFrame(client, connection, binary, payload.length, payload, bytes);
          plainFrames += 1;
          if (i === 3000) log.clear();
        }
        const saved = await recorder.stop();
        const written = await objects.close();
        expect(counting.columnFrames()).toBe(plainFrames);
        expect(saved.entries).toBe(written.entries);
        expect(saved.entries).toBeGreaterThan(plainFrames);
        const columnsFile = sessionPaths(columnsDir, recorder.sessionId);
        const objectsFile = sessionPaths(objectsDir, objects.id);
        expect((await readFile(columnsFile.entries)).equals(await readFile(objectsFile.entries))).toBe(true);
        expect((await readFile(columnsFile.index)).equals(await readFile(objectsFile.index))).toBe(true);
        // Read back, the newest entries are the ring's own.
        const readBack = await collect(columnsStore.entries(recorder.sessionId));
        expect(readBack.slice(-300)).toStrictEqual([...log.from(0)]);
        await columnsStore.close();
        await objectsStore.close();
      });
    });
  }, 60_000);
});
