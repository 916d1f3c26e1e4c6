import { allEndpoints, docsEndpoints, type AsyncApiDocument, type OpenApiDocument } from '@peerbridge/shared';
import { asyncApiDocument } from './asyncapi-document.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { openApiDocument } from './openapi-document.js';

/** The generated references, each built once: the contract does not change while the process runs. */
export function docsRoutes(deps: { version: string; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api', deps.contract);
  let openApi: OpenApiDocument | undefined;
  let asyncApi: AsyncApiDocument | undefined;
  on(docsEndpoints.openApi, () => (openApi ??= openApiDocument(allEndpoints, deps.version)));
  on(docsEndpoints.asyncApi, () => (asyncApi ??= asyncApiDocument(deps.version)));
  return router;
}
