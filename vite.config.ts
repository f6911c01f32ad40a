import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Writes dist/sw-assets.js: every built file and public file, for public/sw.js to precache (offline use). */
function offlineAssetList(): Plugin {
  return {
    name: 'tunnelscope-offline-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const built = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      const pub = readdirSync(join(import.meta.dirname, 'public')).filter((f) => f !== 'sw.js');
      const assets = [...new Set([...built, ...pub])].sort();
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 16);
      const text = `self.TUNNELSCOPE_VERSION = ${JSON.stringify(version)};\nself.TUNNELSCOPE_ASSETS = ${JSON.stringify(assets.map((a) => `./${a}`))};\n`;
      writeFileSync(join(options.dir ?? 'dist', 'sw-assets.js'), text);
    },
  };
}

export default defineConfig({
  plugins: [react(), offlineAssetList()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
