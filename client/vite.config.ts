import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server owns /api and /socket.io; in development Vite forwards them so
// the browser sees one origin, exactly as in production where the server also
// serves the built files from client/dist.
const apiServer = 'http://localhost:3000';
const proxy = {
  '/api': { target: apiServer, changeOrigin: true },
  '/socket.io': { target: apiServer, ws: true, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
