import type { Express } from 'express';

interface Layer {
  rawPath?: string | RegExp | (string | RegExp)[];
  route?: { path: string | RegExp; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

const asPaths = (raw: Layer['rawPath']): (string | RegExp)[] => (raw === undefined ? [''] : Array.isArray(raw) ? raw : [raw]);

function join(prefix: string, path: string | RegExp): string {
  if (path instanceof RegExp) return `${prefix}${path.source}`;
  return `${prefix}${path === '/' ? '' : path}` || '/';
}

/**
 * Every route the app serves, as "METHOD /full/path/:param", read from
 * express's own router stack (mounted routers included), so a test can
 * insist that it covers each one.
 */
export function listRoutes(app: Express): string[] {
  const found = new Set<string>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of asPaths(layer.route.path)) {
          for (const method of Object.keys(layer.route.methods)) found.add(`${method.toUpperCase()} ${join(prefix, path)}`);
        }
      } else if (layer.handle?.stack) {
        for (const path of asPaths(layer.rawPath)) walk(layer.handle.stack, typeof path === 'string' ? join(prefix, path).replace(/\/$/, '') : prefix);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...found].sort();
}
