// Reads the previewed mini-app's app.json once, for any host: the host says how to get its text, this
// parses it (shared/app-json.ts) and, when it is unusable, logs one `app-json-invalid` warning so the
// developer sees why the defaults apply. An absent file is normal (the bundled demo has none): no warning.
import { parseAppJson, type AppJsonRead } from '../../shared/app-json';
import type { NewCaptureEntry } from './ports';

/** Where the warning goes: the engine's capture log (tests pass a list). */
export interface AppJsonWarningSink {
  append(entry: NewCaptureEntry): unknown;
}

/**
 * `readText` resolves to the file's text, or undefined when there is no app.json; a rejection (unreadable
 * file, unreachable server) counts as an unusable app.json. `where` names the file in the warning.
 */
export async function loadAppJson(readText: () => Promise<string | undefined>, where: string, capture: AppJsonWarningSink): Promise<AppJsonRead> {
  let read: AppJsonRead;
  try {
    read = parseAppJson(await readText());
  } catch (error) {
    read = { found: true, settings: {}, problem: `app.json could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (read.found && read.problem !== undefined) {
    const message = `${read.problem}; the defaults apply (multiple false, the session's connect timeout).`;
    capture.append({
      clientId: '',
      connectionId: '',
      kind: 'warning',
      name: 'app-json-invalid',
      direction: 'none',
      size: 0,
      errorMessage: message,
      detail: { warning: 'app-json-invalid', reason: read.problem, file: where },
    });
  }
  return read;
}
