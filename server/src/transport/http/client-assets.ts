import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Request } from 'express';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The built tablet client, for shared school Wi-Fi: every file is served from the brotli or gzip copy
 * the build made beside it (chosen by Accept-Encoding, with `Vary: Accept-Encoding`), so nothing is
 * compressed per request. Files under /assets/ carry their content hash in the name and never change,
 * so a browser keeps them for a year without asking; index.html (and the few unhashed files) must be
 * revalidated so a new release is picked up at once.
 */
export function clientAssetRoutes(dist: string): Router {
  const router = Router();
  router.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { setHeaders: (res: ServerResponse, file: string) => res.setHeader('Cache-Control', cachePolicyFor(dist, file)) },
    }),
  );
  // Any other page address is the single-page app: its index.html, compressed as the assets are.
  const index = path.join(dist, 'index.html');
  router.get(/^\/(?!api\/|socket\.io\/).*/, (req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = preferredEncoding(req, index);
    if (encoding) {
      res.setHeader('Content-Encoding', encoding.name);
      res.type('html');
      res.sendFile(index + encoding.extension);
      return;
    }
    res.sendFile(index);
  });
  return router;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Hashed build output (vite's assets/ folder) is immutable; everything else is revalidated. */
export function cachePolicyFor(dist: string, file: string): string {
  const relative = path.relative(dist, file).split(path.sep);
  return relative[0] === 'assets' && relative.length > 1 ? IMMUTABLE : REVALIDATE;
}

/** Brotli where the browser takes it (every current one does over HTTPS), gzip otherwise, and only if the build made it. */
function preferredEncoding(req: Request, file: string): { name: string; extension: string } | null {
  for (const [name, extension] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (req.acceptsEncodings(name) === name && fs.existsSync(file + extension)) return { name, extension };
  }
  return null;
}
