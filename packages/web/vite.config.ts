import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);
/** nhsuk-frontend's compiled assets (its CSS points at /assets/images/…). */
const nhsukAssets = join(dirname(require.resolve('nhsuk-frontend/package.json')), 'dist/nhsuk/assets');

/** Copies the NHS.UK assets into the build, and serves them in development. */
function nhsukAssetsPlugin(): Plugin {
  return {
    name: 'groundswell-nhsuk-assets',
    configureServer(server) {
      server.middlewares.use('/assets/images', (req, res, next) => {
        const file = join(nhsukAssets, 'images', (req.url ?? '').split('?')[0] ?? '');
        if (!existsSync(file)) {
          next();
          return;
        }
        res.setHeader('Content-Type', file.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    writeBundle(options) {
      cpSync(join(nhsukAssets, 'images'), join(options.dir ?? 'dist', 'assets/images'), { recursive: true });
    },
  };
}

/** Text files worth compressing: the server sends `name.br` or `name.gz` to browsers that accept them. */
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/** Writes a Brotli and a gzip copy of every text file of the build, once, at build time. */
function precompressPlugin(): Plugin {
  let root = 'dist';
  return {
    name: 'groundswell-precompress',
    apply: 'build',
    configResolved(config) {
      root = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (!existsSync(root)) return;
      for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), nhsukAssetsPlugin(), precompressPlugin()],
  resolve: { conditions: ['@groundswell/source'] },
  server: {
    port: 5173,
    proxy: { '/api': process.env.GROUNDSWELL_API ?? 'http://127.0.0.1:3000' },
  },
  // The manifest (dist/.vite/manifest.json) lists each chunk's static and lazy imports: the
  // benchmark (scripts/bench-web.js) measures the initial JavaScript from it.
  build: { outDir: 'dist', sourcemap: true, manifest: true, chunkSizeWarningLimit: 600 },
});
