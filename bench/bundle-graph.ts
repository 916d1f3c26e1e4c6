import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** One row of Vite's build manifest (`build.manifest: true` → dist/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

function chunkOf(manifest: Manifest, key: string): ManifestChunk {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no chunk ${key}`);
  return chunk;
}

/**
 * The files a browser has to fetch before the modules of `keys` can run: each chunk, its static
 * imports transitively, and their CSS and assets (Vite preloads all of them together).
 */
export function staticFiles(manifest: Manifest, keys: readonly string[]): Set<string> {
  return walk(manifest, keys, () => false);
}

/**
 * As `staticFiles`, also following the dynamic imports of every chunk met on the way (what a path may
 * go on to load), except those of the chunks in `chosenElsewhere`: their dynamic imports are the
 * choices of other paths (the device page's entry chunk imports both the call and the staff area).
 */
export function reachableFiles(manifest: Manifest, keys: readonly string[], chosenElsewhere: ReadonlySet<string> = new Set()): Set<string> {
  return walk(manifest, keys, (key) => !chosenElsewhere.has(key));
}

/** Manifest keys of `keys` and their static imports, transitively. */
export function staticKeys(manifest: Manifest, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  const pending = [...keys];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (found.has(key)) continue;
    found.add(key);
    pending.push(...(chunkOf(manifest, key).imports ?? []));
  }
  return found;
}

function walk(manifest: Manifest, keys: readonly string[], followDynamic: (key: string) => boolean): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const pending = [...keys];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = chunkOf(manifest, key);
    files.add(chunk.file);
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    pending.push(...(chunk.imports ?? []));
    if (followDynamic(key)) pending.push(...(chunk.dynamicImports ?? []));
  }
  return files;
}

export interface PathSize {
  files: number;
  brotli: number;
  gzip: number;
}

/**
 * Bytes as served: the `.br` and `.gz` copies the build writes beside each file, or the file itself
 * where the build wrote none (a file too small for compression to shrink is served as it is).
 */
export function compressedSize(dist: string, files: Iterable<string>): PathSize {
  const size = { files: 0, brotli: 0, gzip: 0 };
  for (const file of files) {
    size.files += 1;
    size.brotli += servedSize(join(dist, file), '.br');
    size.gzip += servedSize(join(dist, file), '.gz');
  }
  return size;
}

function servedSize(path: string, encoding: '.br' | '.gz'): number {
  return existsSync(path + encoding) ? statSync(path + encoding).size : statSync(path).size;
}

/**
 * The source modules (absolute paths) bundled into the JavaScript files among `files`, read from their source maps
 * (a chunk the build wrote no map for is only a few bytes of glue importing other chunks).
 */
export function modulesIn(dist: string, files: Iterable<string>): Set<string> {
  const modules = new Set<string>();
  for (const file of files) {
    if (!file.endsWith('.js') || !existsSync(join(dist, `${file}.map`))) continue;
    const map = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[]; sourceRoot?: string };
    for (const source of map.sources) modules.add(resolve(dist, dirname(file), map.sourceRoot ?? '', source));
  }
  return modules;
}

/**
 * The manifest key of the chunk holding `module` (a path from the client's root): the module's own
 * key when it is a chunk of its own, otherwise the chunk whose source map lists it (Vite names a
 * chunk that is both imported and dynamically imported by a hash, not by its module).
 */
export function keyOfModule(manifest: Manifest, dist: string, clientRoot: string, module: string): string {
  if (module in manifest) return module;
  const wanted = resolve(clientRoot, module);
  const key = Object.keys(manifest).find((k) => modulesIn(dist, [manifest[k]!.file]).has(wanted));
  if (!key) throw new Error(`no chunk of the build holds ${module}`);
  return key;
}
