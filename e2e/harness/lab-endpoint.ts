// The URL of a lab endpoint by name, as the host lists them: the published fixtures' `lab.url`
// (main/playwright/lab.ts), so the internal specs and users name endpoints the same way.
import type { LabEndpoint } from '../../shared/panel-wire';
import { createLab } from '../../main/playwright/lab';

export function labUrl(lab: readonly LabEndpoint[], name: string): string {
  return createLab(lab).url(name);
}
