import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Baomi web: a single-page app served by the Baomi server from packages/web/dist.
// Nothing is loaded from the internet (R-SYS-04): no CDN, no web fonts, no telemetry.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client"; meaningless for a client-only bundle
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
