// The flood and echo server on a core of its own: the product's lab server (main/lab), started in this
// child and kept until the runner sends SIGTERM.
import { startLabServer } from '../../main/lab/lab-server';
import { answer } from './child-io';

/** What the runner learns from this child. */
export interface LabServerInfo {
  floodUrl: string;
  echoUrl: string;
}

const lab = await startLabServer();
const stop = (): void => {
  void lab.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
await answer<LabServerInfo>(async () => ({ floodUrl: lab.url('flood').split('?')[0] as string, echoUrl: lab.url('echo') }), true);
