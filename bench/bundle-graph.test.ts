import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compressedSize, modulesIn, reachableFiles, staticFiles, staticKeys, type Manifest } from './bundle-graph.js';

// The shape of a real build: the entry's code sits in a shared chunk that both the call and the staff area import.
const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_app.js'] },
  '_app.js': { file: 'assets/app.js', imports: ['_react.js'], dynamicImports: ['src/call.tsx', '_staff.js'], css: ['assets/app.css'] },
  '_react.js': { file: 'assets/react.js' },
  'src/call.tsx': { file: 'assets/call.js', isDynamicEntry: true, imports: ['_app.js', '_media.js'], dynamicImports: ['src/targets.tsx'], css: ['assets/call.css'] },
  '_media.js': { file: 'assets/media.js' },
  'src/targets.tsx': { file: 'assets/targets.js', isDynamicEntry: true, imports: ['_app.js'] },
  '_staff.js': { file: 'assets/staff.js', imports: ['_app.js', '_media.js'], assets: ['assets/logo.svg'] },
};

describe('the chunk graph', () => {
  it('takes static imports and their CSS, never a dynamic import, for what must load first', () => {
    expect([...staticFiles(manifest, ['index.html'])].sort()).toEqual(['assets/app.css', 'assets/app.js', 'assets/index.js', 'assets/react.js']);
    expect([...staticKeys(manifest, ['index.html'])].sort()).toEqual(['_app.js', '_react.js', 'index.html']);
  });

  it("follows a path's own dynamic imports but not the other paths' choices made by the chunks it shares", () => {
    const files = reachableFiles(manifest, ['src/call.tsx'], staticKeys(manifest, ['index.html']));
    expect([...files].sort()).toEqual([
      'assets/app.css',
      'assets/app.js',
      'assets/call.css',
      'assets/call.js',
      'assets/media.js',
      'assets/react.js',
      'assets/targets.js',
    ]);
    expect(reachableFiles(manifest, ['index.html'])).toContain('assets/logo.svg');
  });

  it('refuses a chunk the manifest does not have', () => {
    expect(() => staticFiles(manifest, ['src/missing.tsx'])).toThrow('src/missing.tsx');
  });
});

describe('a build on disk', () => {
  let dist = '';
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  const write = (file: string, content: string) => {
    mkdirSync(join(dist, file, '..'), { recursive: true });
    writeFileSync(join(dist, file), content);
  };

  it('counts the compressed copies as served, and a file without one as it is', () => {
    dist = mkdtempSync(join(tmpdir(), 'bundle-graph-'));
    write('assets/app.js', 'x'.repeat(1000));
    write('assets/app.js.br', 'b'.repeat(100));
    write('assets/app.js.gz', 'g'.repeat(120));
    write('assets/tiny.js', 'y'.repeat(40));
    expect(compressedSize(dist, ['assets/app.js', 'assets/tiny.js'])).toEqual({ files: 2, brotli: 140, gzip: 160 });
  });

  it('names the source modules of each chunk by absolute path, from its source map', () => {
    dist = mkdtempSync(join(tmpdir(), 'bundle-graph-'));
    write('assets/app.js', '');
    write('assets/app.js.map', JSON.stringify({ sources: ['../../src/app.tsx', '../../../shared/src/ids.ts'] }));
    write('assets/glue.js', '');
    write('assets/app.css', '');
    expect([...modulesIn(dist, ['assets/app.js', 'assets/glue.js', 'assets/app.css'])]).toEqual([
      join(dist, '../src/app.tsx'),
      join(dist, '../../shared/src/ids.ts'),
    ]);
  });
});
