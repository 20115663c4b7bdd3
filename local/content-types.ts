/*
 * A module of its own, importing nothing: the e2e tests' server reads it too, and local/demo-page.ts
 * imports that server, so a table kept in pane-static.ts was read before it was made when npm start
 * loaded pane-static → pane-server → demo-page → the tests' server → pane-static.
 */
/** The content types the pane's files are served with (also by the e2e tests' server). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
