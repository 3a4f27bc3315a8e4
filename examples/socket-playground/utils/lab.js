// The lab's endpoints, as the devtools hand them to the logic (`__MSD_LAB__`); empty without the lab.
export function labEndpoints() {
  if (typeof __MSD_LAB__ !== 'object' || __MSD_LAB__ === null) return [];
  return __MSD_LAB__.endpoints;
}

/** The URL of the endpoint named `name`, or null. */
export function labUrl(name) {
  const endpoint = labEndpoints().find((candidate) => candidate.name === name);
  return endpoint ? endpoint.url : null;
}

/** The endpoint that reproduces error `code`, or undefined. */
export function endpointFor(code) {
  return labEndpoints().find((endpoint) => endpoint.reproduces === code);
}
