// One lab server for a whole test file, started before its first test and closed after its last, so the
// engine tests on real sockets do not each keep the same variable, beforeAll and afterAll.
import { afterAll, beforeAll } from 'vitest';
import type { LabServer } from '../lab-server';
import { startLabServer } from '../lab-server';

/** The running lab's endpoints, as `LabServer` gives them; only valid inside the file's tests. */
export type LabPerFile = Pick<LabServer, 'url' | 'endpoints'>;

/** Call at the top of a test file. */
export function labPerFile(): LabPerFile {
  let lab: LabServer | undefined;
  beforeAll(async () => {
    lab = await startLabServer();
  });
  afterAll(async () => {
    await lab?.close();
  });
  const running = (): LabServer => {
    if (!lab) throw new Error('the lab runs only inside this file’s tests');
    return lab;
  };
  return {
    url: (name) => running().url(name),
    get endpoints() {
      return running().endpoints;
    },
  };
}
