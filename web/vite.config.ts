/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the jar's META-INF/resources/console/: the gateway serves it under /console/.
// `npm run dev` proxies the console paths to a running gateway (HEARTH_GATEWAY, default http://127.0.0.1:8080).
const gateway = process.env.HEARTH_GATEWAY ?? 'http://127.0.0.1:8080';

/**
 * In development Vite serves the page itself, so nothing sends a signed-out browser to Keycloak the way the gateway
 * does for /console/**: a page request without a gateway session goes to the gateway's sign-in first.
 */
function signInFirst(): Plugin {
  const open = /^\/console\/(api|session|oauth2|login|logout|signed-out|assets|@|src|node_modules)/;
  return {
    name: 'hearth-sign-in-first',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (req.method !== 'GET' || !url.startsWith('/console') || open.test(url) || !(req.headers.accept ?? '').includes('text/html')) {
          return next();
        }
        fetch(`${gateway}/console/session`, { headers: { cookie: req.headers.cookie ?? '' }, redirect: 'manual' })
          .then((session) => session.status === 200)
          .catch(() => false)
          .then((signedIn) => {
            if (signedIn) return next();
            res.statusCode = 302;
            res.setHeader('Location', '/console/oauth2/authorization/keycloak');
            res.end();
          });
      });
    },
  };
}

export default defineConfig({
  base: '/console/',
  plugins: [react(), signInFirst()],
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/console/api': gateway,
      '/console/session': gateway,
      // the sign-in and sign-out redirects must come back here, so the gateway sees this server's host
      '/console/logout': { target: gateway, changeOrigin: false },
      '/console/oauth2': { target: gateway, changeOrigin: false },
      '/console/login': { target: gateway, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testSetup.ts'],
    // form tests type whole forms with user-event: ~4 s each on a quiet 2-core machine, so the default 5 s turned
    // a busy machine into red tests; behaviour, not speed, is what these tests check
    testTimeout: 30_000,
  },
});
