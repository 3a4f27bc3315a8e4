// The URL of a lab endpoint by name, as the host lists them; a missing one fails the spec with the names it has.
import type { LabEndpoint } from '../../shared/panel-wire';

export function labUrl(lab: readonly LabEndpoint[], name: string): string {
  const found = lab.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the lab has no endpoint "${name}" (has ${lab.map((e) => e.name).join(', ')})`);
  return found.url;
}
