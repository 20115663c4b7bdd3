/**
 * The sign-in page's script (signin.html, inside Office's dialog): reads the same runtime config as the
 * pane, runs the authorization-code flow (auth/oidc-dialog.ts) and answers the pane through Office,
 * for the pane's origin only. No React: the page shows one line of text while it works.
 */
import { officeDialogPage } from './auth/office-host';
import { runDialogPage } from './auth/oidc-dialog';
import { loadRuntimeConfig } from './boot/config';

const status = (text: string) => {
  const line = document.getElementById('status');
  if (line) line.textContent = text;
};

async function main(): Promise<void> {
  const [inDialog, config] = await Promise.all([officeDialogPage.ready(), loadRuntimeConfig()]);
  if (!inDialog) {
    status('Trang này chỉ mở từ ngăn Thi đua – Khen thưởng trong Excel. / Open this page from the pane in Excel.');
    return;
  }
  if (config.auth.mode !== 'oidc') throw new Error(`sign-in mode ${config.auth.mode} does not use this page`);
  const { mode: _mode, ...oidc } = config.auth;
  const result = await runDialogPage(oidc, {
    url: location.href,
    storage: sessionStorage,
    fetch: (input, init) => fetch(input, init),
    navigate: (url) => location.assign(url),
    answer: (message) => officeDialogPage.messageParent(message, location.origin),
  });
  if (result === 'answered') status('Đã xong, đang quay lại ngăn… / Done, returning to the pane…');
}

main().catch((error: unknown) => {
  console.error('thidua: sign-in failed', error);
  status('Đăng nhập không thành công, hãy đóng cửa sổ này và thử lại. / Sign-in failed: close this window and try again.');
});
