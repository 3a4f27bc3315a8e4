// An ES module: esbuild turns it into CommonJS, and its errors are mapped back to these lines.
import { probe } from './probe';

export const probed = typeof probe;

/** Throws an error made on line 8. */
export function failInModule(reason) {
  const error = new Error(reason);
  throw error;
}
