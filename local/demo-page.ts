import { DEMO_USERS } from '#shared/seed/demo-office';
import { bundle } from '#tests/e2e/support/assets';
import { OFFICE_JS_URL, OFFICE_STANDIN } from '#tests/e2e/support/server';

/**
 * /demo on the pane's server: the product for a person without Excel. The e2e tests' stand-in Excel
 * host (tests/e2e/host: an in-memory workbook behind the part of the Excel JavaScript API the add-in
 * uses) with the built pane beside it, under a banner that says it is a simulation, and a picker of
 * the demo users: the pane signs in as the one picked through the runner's dev sign-in (it restores the
 * e-mail the dev sign-in remembers in localStorage, the pane and this page sharing one origin).
 *
 *   /demo/                    the page
 *   /demo/host.js             the stand-in host, bundled by esbuild on first request
 *   /demo/office-standin.js   what the pane gets instead of office.js: the host's Office and Excel
 *   /demo/pane/*              the built pane, its office.js swapped for the stand-in
 */
export const DEMO_PATH = '/demo/';
export const DEMO_LABEL = 'Mô phỏng Excel: không phải Microsoft Excel';
/** The dev sign-in's remembered e-mail (addin/src/auth/dev.ts). */
const DEV_EMAIL_KEY = 'thidua.devEmail';
const DEFAULT_USER = 'tochuc@thidua.local';

export type DemoAnswer = { type: string; body: string | Buffer };

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function demoPage(): string {
  const options = DEMO_USERS.map((user) => `<option value="${escape(user.email)}">${escape(user.displayName)} (${user.role})</option>`);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${DEMO_LABEL} · Thi đua – Khen thưởng</title>
<link rel="icon" type="image/png" href="/demo/pane/icons/icon-32.png">
<style>
body { padding-top: 36px; box-sizing: border-box; }
.demo-banner { position: fixed; top: 0; left: 0; right: 0; height: 36px; z-index: 20; display: flex; align-items: center; gap: 14px;
  padding: 0 12px; background: #fff4ce; border-bottom: 1px solid #c8a600; color: #3b2f00; font: 13px 'Segoe UI', 'Liberation Sans', Arial, sans-serif; }
.demo-banner strong { font-size: 14px; white-space: nowrap; }
.demo-banner .en { color: #6b5a00; flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-banner label { white-space: nowrap; }
</style>
</head>
<body>
<div class="demo-banner" role="banner" data-testid="demo-banner">
  <strong>${DEMO_LABEL}</strong>
  <span class="en">Simulated Excel, not Microsoft Excel: the workbook lives in this tab only; the data is the local API's (npm start).</span>
  <label>Đăng nhập với tư cách <select id="demo-user" aria-label="Người dùng mẫu"><option value="">(chưa đăng nhập)</option>${options.join('')}</select></label>
</div>
<script>
(function () {
  var key = ${JSON.stringify(DEV_EMAIL_KEY)};
  var remember = function (email) {
    if (email) localStorage.setItem(key, email);
    else localStorage.removeItem(key);
  };
  // ?user=<e-mail> signs in as that user; ?user= (empty) opens the pane's own sign-in screen.
  var wanted = new URLSearchParams(location.search).get('user');
  if (wanted !== null) remember(wanted);
  else if (!localStorage.getItem(key)) remember(${JSON.stringify(DEFAULT_USER)});
  var picker = document.getElementById('demo-user');
  picker.value = localStorage.getItem(key) || '';
  // Another user: the pane opens again and signs in as them; the workbook stays as it is.
  picker.addEventListener('change', function () {
    remember(picker.value);
    var pane = document.getElementById('pane');
    if (pane) pane.contentWindow.location.reload();
  });
})();
</script>
<script src="/demo/host.js" data-pane="/demo/pane/taskpane.html"></script>
</body>
</html>`;
}

const JS = 'text/javascript; charset=utf-8';

/** The answer for a /demo path; 'pane' for a file of the built pane (the caller's), undefined for another path. */
export async function demoAnswer(path: string): Promise<DemoAnswer | 'pane' | undefined> {
  if (path === '/demo' || path === DEMO_PATH || path === '/demo/index.html') return { type: 'text/html; charset=utf-8', body: demoPage() };
  if (path === '/demo/host.js') return { type: JS, body: await bundle('main') };
  if (path === '/demo/office-standin.js') return { type: JS, body: OFFICE_STANDIN };
  if (path.startsWith('/demo/pane/')) return 'pane';
  return undefined;
}

/** The pane's taskpane.html or signin.html as the demo serves them: office.js is the stand-in host's. */
export function demoPaneHtml(html: string): string {
  if (!html.includes(OFFICE_JS_URL)) throw new Error(`the pane's page no longer loads ${OFFICE_JS_URL}: update local/demo-page.ts`);
  return html.replace(OFFICE_JS_URL, '/demo/office-standin.js');
}
