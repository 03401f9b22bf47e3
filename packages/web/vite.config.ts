import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

export default defineConfig({
  plugins: [react(), nhsukAssetsPlugin()],
  resolve: { conditions: ['@groundswell/source'] },
  server: {
    port: 5173,
    proxy: { '/api': process.env.GROUNDSWELL_API ?? 'http://127.0.0.1:3000' },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
});
