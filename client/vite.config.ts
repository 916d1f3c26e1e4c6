import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { reactToPreact } from './react-compat.ts';

// The API server owns /api and /socket.io; in development Vite forwards them so
// the browser sees one origin, exactly as in production where the server also
// serves the built files from client/dist. Host is passed through unchanged, so
// the server's same-origin check on staff requests sees the page's own origin.
const apiServer = 'http://localhost:3000';
const proxy = {
  '/api': { target: apiServer },
  '/socket.io': { target: apiServer, ws: true },
};

export default defineConfig({
  resolve: { alias: reactToPreact },
  plugins: [
    // JSX and nothing else: React Fast Refresh drives react-dom's internals, which preact/compat
    // does not have (react-compat.ts says why the client runs on it), so it would accept an edit
    // and repaint nothing; with it off, the dev server reloads the page on an edit instead.
    react({ refreshExclude: /./ }),
    // Pre-compressed copies beside every file (brotli at its best, gzip for the rest), served as they
    // are by the server: shared school Wi-Fi carries a fraction of the bytes and no CPU is spent per request.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(js|css|html|svg|json|webmanifest|txt)$/,
      exclude: /\.map$/,
      threshold: 0,
    }),
  ],
  server: { port: 5173, proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: the chunk graph the bundle bench walks (bench/client-bundles.bench.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // Modules run in import order even across shared chunks: zod-config (main.tsx's first
        // import) must run before any schema is built (a schema built first probes eval, which the
        // CSP reports as a violation); zod itself arrives later, in the chunks that call the server.
        strictExecutionOrder: true,
      },
    },
  },
});
