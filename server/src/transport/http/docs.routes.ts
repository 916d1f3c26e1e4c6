import { allEndpoints, docsEndpoints } from '@peerbridge/shared';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { openApiDocument } from './openapi-document.js';

/** The generated reference, built once: the contract does not change while the process runs. */
export function docsRoutes(deps: { version: string; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api', deps.contract);
  let document: ReturnType<typeof openApiDocument> | undefined;
  on(docsEndpoints.openApi, () => (document ??= openApiDocument(allEndpoints, deps.version)) as { openapi: string; info: { title: string; version: string }; paths: Record<string, unknown> });
  return router;
}
