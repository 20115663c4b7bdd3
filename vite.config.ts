import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

/**
 * The Excel add-in's task pane (addin/): React 19 + Fluent UI 9, built by Vite.
 *
 * - `npm run build` (vite build): dist/addin/ with taskpane.html, commands.html (the manifest's
 *   FunctionFile), signin.html (the sign-in page of Office's dialog), the icons and support page of addin/public/, and the hashed assets.
 * - `npm start` builds with this config in watch mode into .local/pane (local/pane-build.ts) and serves
 *   that over HTTPS on port 3000 (local/pane-server.ts); `npm start -- --dev` runs this config's dev
 *   server in-process instead; `npx vite` alone works too (HTTP, for a quick look). The dev server proxies
 *   /api/* to the local API runner (THIDUA_API_URL, default http://127.0.0.1:3001) with /api taken
 *   off, and /dev/* as is, so the pane and the API share one origin and need no CORS.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const addin = (path: string) => fileURLToPath(new URL(`./addin/${path}`, import.meta.url));

/** The proxy of the dev server: the pane calls `/api/...`; the runner serves the same path without `/api`. */
export function paneProxy(apiUrl: string): Record<string, ProxyOptions> {
  return {
    '^/api(/|\\?|$)': {
      target: apiUrl,
      changeOrigin: false,
      rewrite: (path) => {
        const rest = path.replace(/^\/api/, '');
        return rest.startsWith('/') ? rest : `/${rest}`;
      },
    },
    '^/dev/': { target: apiUrl, changeOrigin: false },
  };
}

/**
 * The dev server tells the pane how it is served: the API behind /api on the same origin, and the
 * runner's dev sign-in. A production build has no such script: the boot reads config.json next to
 * taskpane.html, or the VITE_THIDUA_* values built in (addin/src/boot/config.ts).
 */
function localRuntimeConfig(): Plugin {
  const config = { environment: 'local', apiBaseUrl: '/api', auth: { mode: 'dev' } };
  return {
    name: 'thidua-local-runtime-config',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (_html, context) =>
        context.path.endsWith('/commands.html')
          ? []
          : [{ tag: 'script', children: `window.THIDUA_CONFIG = ${JSON.stringify(config)};`, injectTo: 'head-prepend' }],
    },
    configureServer(server) {
      // The manifest names /taskpane.html; a person typing the bare address lands there too.
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('location', '/taskpane.html');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: addin(''),
  // Relative URLs in the build: dist/addin/ works at a host's root or under a path (ADDIN_URL=https://host/thidua).
  base: './',
  publicDir: addin('public'),
  envDir: ROOT,
  envPrefix: 'VITE_THIDUA_',
  appType: 'mpa',
  clearScreen: false,
  plugins: [react(), localRuntimeConfig()],
  server: {
    port: 3000,
    strictPort: true,
    proxy: paneProxy(process.env.THIDUA_API_URL ?? 'http://127.0.0.1:3001'),
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/addin', import.meta.url)),
    emptyOutDir: true,
    // Office's webviews: WebView2 (Edge) on Windows, WKWebView on the Mac, modern browsers on the web.
    target: ['es2022', 'edge110', 'safari16'],
    sourcemap: true,
    rolldownOptions: {
      input: {
        taskpane: addin('taskpane.html'),
        commands: addin('commands.html'),
        // Office's dialog opens it for OpenID Connect sign-in: small, no React.
        signin: addin('signin.html'),
      },
      // The libraries change less often than the pane: their own files stay cached across releases. MSAL is
      // imported only when Microsoft sign-in is configured (auth/naa.ts), so the pane's first load skips it.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'fluentui', test: /node_modules[\\/]@(fluentui|griffel|floating-ui|swc)[\\/]/ },
            { name: 'msal', test: /node_modules[\\/]@azure[\\/]/ },
            // The schemas' library: it changes with a dependency bump only, so it stays cached across the pane's releases.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
