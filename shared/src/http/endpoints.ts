import type { Endpoint } from './endpoint.js';
import { docsEndpoints } from './docs.js';
import { healthEndpoints } from './health.js';

/**
 * Every endpoint the server serves, by area. The server's tests fail when it
 * serves a route missing here, and the OpenAPI document is generated from it.
 */
export const endpointGroups: Record<string, Record<string, Endpoint>> = {
  health: healthEndpoints,
  reference: docsEndpoints,
};

export const allEndpoints: readonly Endpoint[] = Object.values(endpointGroups).flatMap((group) => Object.values(group));
