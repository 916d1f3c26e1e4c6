import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
  plugins: [react()],
  server: { port: 5173, proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Modules run in import order even across shared chunks: zod-config must run before any
        // schema is built (a schema built first probes eval, which the CSP reports as a violation).
        strictExecutionOrder: true,
      },
    },
  },
});
