/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the jar's META-INF/resources/console/: the gateway serves it under /console/.
// `npm run dev` proxies the console paths to a running gateway (HEARTH_GATEWAY, default http://127.0.0.1:8080).
const gateway = process.env.HEARTH_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/console/api': gateway,
      '/console/session': gateway,
      '/console/logout': gateway,
      '/console/oauth2': gateway,
      '/console/login': gateway,
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
