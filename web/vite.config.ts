import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The admin app is served by Woes itself under /app (src/web-app/plugin.ts); hashed assets
// land in web/dist/assets and are cached for a year there.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline <script>: the CSP forbids it, so keep the preload helper in a file too.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API stays on Woes.
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/app/config.json': 'http://127.0.0.1:3000',
      '/app/outbox': 'http://127.0.0.1:3000',
    },
  },
});
