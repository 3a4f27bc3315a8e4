// The `lab` fixture: URLs of the embedded lab server's endpoints (README "Reproduce each error code"),
// named as the lab names them, with query parameters merged over the endpoint's defaults.
import type { LabEndpoint } from '../../shared/panel-wire';

export type LabQuery = Record<string, string | number | boolean>;

export interface Lab {
  /** The endpoint's URL: `lab.url('close', { code: 4001 })`. Throws, naming the endpoints, for an unknown name. */
  url(route: string, query?: LabQuery): string;
  /** Every endpoint with the error code it reproduces. */
  readonly endpoints: readonly LabEndpoint[];
}

export function createLab(endpoints: readonly LabEndpoint[]): Lab {
  return {
    endpoints,
    url(route, query = {}) {
      const endpoint = endpoints.find((candidate) => candidate.name === route);
      if (!endpoint) throw new Error(`the lab has no endpoint "${route}" (it has ${endpoints.map((candidate) => candidate.name).join(', ')})`);
      const url = new URL(endpoint.url);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
      return url.href;
    },
  };
}
