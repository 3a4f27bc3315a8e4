// The last wall of docs/architecture.md "Threat model": an exception that slipped past every handler's own
// checks is logged and the process keeps serving, instead of one request ending the whole product.

export interface SafetyNetLog {
  (line: string): void;
}

/** Installs the process-wide handlers once; returns a function that removes them (tests, shutdown). */
export function installProcessSafetyNet(log: SafetyNetLog = (line) => process.stderr.write(`${line}\n`)): () => void {
  const onException = (error: unknown): void => log(`[safety-net] uncaught exception, still serving: ${describe(error)}`);
  const onRejection = (reason: unknown): void => log(`[safety-net] unhandled rejection, still serving: ${describe(reason)}`);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
