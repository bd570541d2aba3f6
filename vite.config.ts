import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { webDelivery } from './scripts/web-delivery.plugin.js';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/** The SPA lives in web/; the server serves dist/web and answers /api on port 3000. */
export default defineConfig({
  root: 'web',
  plugins: [react(), webDelivery()],
  build: {
    outDir: `${projectRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:3000',
        // The server refuses writes from untrusted origins (CSRF); in dev the page's origin is
        // Vite's, so present the API's own origin instead. Dev only: builds have no proxy.
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin')) request.setHeader('origin', 'http://127.0.0.1:3000');
          });
        },
      },
    },
  },
});
