// Reads the previewed mini-app's app.json once, for any host: the host says how to get its text, this
// parses it (shared/app-json.ts) and, when it is unusable, logs one `app-json-invalid` warning so the
// developer sees why the defaults apply. An absent file is normal (the bundled demo has none): no warning.
import { parseAppJson, type AppJsonRead } from '../../shared/app-json';
import type { WarningSink } from './engine-warning';
import { logWarning } from './engine-warning';

/**
 * `readText` resolves to the file's text, or undefined when there is no app.json; a rejection (unreadable
 * file, unreachable server) counts as an unusable app.json. `where` names the file in the warning.
 */
export async function loadAppJson(readText: () => Promise<string | undefined>, where: string, capture: WarningSink): Promise<AppJsonRead> {
  let read: AppJsonRead;
  try {
    read = parseAppJson(await readText());
  } catch (error) {
    read = { found: true, settings: {}, problem: `app.json could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (read.found && read.problem !== undefined) {
    const message = `${read.problem}; the defaults apply (multiple false, the session's connect timeout).`;
    logWarning(capture, { clientId: '' }, { id: 'app-json-invalid', message, detail: { reason: read.problem, file: where } });
  }
  return read;
}
