import type { Alias } from 'vite';

/*
 * The client is written against React's API (and typed by @types/react) but runs on preact/compat:
 * react-dom alone is 58.5 kB brotli, near the iPad device page's whole 60 kB budget, where Preact
 * with its compat layer is about 11 (bench/client-bundles.bench.ts, and bench/README.md for the
 * figures). Every way the client and its libraries (TanStack Query, wouter) reach React is mapped;
 * the bundle bench fails if an entry point missing here brings React's runtime back into the build.
 * The build (vite.config.ts) and the unit tests (the root vitest.config.ts) share this list, so the
 * tests render with what ships.
 */
export const reactToPreact: Alias[] = [
  { find: /^react$/, replacement: 'preact/compat' },
  // compat's own JSX entry points: they load preact/compat first, so its React-style props and
  // events (onChange on inputs, className, style numbers) apply to every element the JSX makes.
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  // Tests only (renderToStaticMarkup); compat's server entry renders with preact-render-to-string.
  { find: /^react-dom\/server$/, replacement: 'preact/compat/server' },
];
