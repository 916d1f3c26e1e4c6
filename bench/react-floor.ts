import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Alias } from 'vite';

/*
 * The smallest page React can paint: React and react-dom rendering one button, built by the same
 * Vite and React plugin as the client and compressed as the client's build compresses (brotli at
 * quality 11, gzip at level 9). Whatever a page adds on top of this is the page's own. With `alias`
 * (the client's React-to-Preact map), the same page on the runtime the client ships instead.
 */
export async function reactFloor(repoRoot: string, alias: Alias[] = []): Promise<{ brotli: number; gzip: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'react-floor-'));
  try {
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>');
    writeFileSync(
      join(dir, 'src/main.jsx'),
      `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
function App() { const [n, setN] = useState(0); return <button onClick={() => setN(n + 1)}>{n}</button>; }
createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);`,
    );
    await build({ root: dir, configFile: false, logLevel: 'silent', resolve: { alias }, plugins: [react()], build: { outDir: 'dist' } });
    const files = ['index.html', ...readdirSync(join(dir, 'dist/assets')).map((file) => `assets/${file}`)];
    let brotli = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = readFileSync(join(dir, 'dist', file));
      brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { brotli, gzip };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
