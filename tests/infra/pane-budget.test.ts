import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kB, pageScripts, PANE_JS_BUDGET_GZIP_BYTES, shippedFiles, type Shipped } from '#bench/pane-budget';
import { buildPane } from '#tests/e2e/support/assets';

/**
 * The pane's JavaScript before its first screen stays within the budget bench/pane-budget.ts sets:
 * the production build, as `npm run build` and `npm start` make it, into a temporary folder.
 */
describe("the pane's first load", () => {
  let pane: Awaited<ReturnType<typeof buildPane>>;
  let shipped: Shipped;

  beforeAll(async () => {
    pane = await buildPane();
    shipped = await shippedFiles(pane.dir, await pageScripts(pane.dir));
  });
  afterAll(() => pane?.remove());

  it(`ships at most ${kB(PANE_JS_BUDGET_GZIP_BYTES)} of JavaScript, gzipped`, () => {
    const lines = shipped.files.map((file) => `${file.file} ${kB(file.gzipBytes)}`);
    expect(shipped.gzipBytes, lines.join(', ')).toBeLessThanOrEqual(PANE_JS_BUDGET_GZIP_BYTES);
  });

  it('loads its entry and the vendor chunks, not MSAL, which Microsoft sign-in alone imports', () => {
    const names = shipped.files.map((file) => file.file.replace(/-[\w-]{8}\.js$/, '.js'));
    expect(names).toEqual(expect.arrayContaining(['assets/taskpane.js', 'assets/react.js', 'assets/fluentui.js']));
    expect(names).not.toContain('assets/msal.js');
  });

  it('holds only the Fluent icons it imports, not the whole icon set', () => {
    // The icon package's full bundle is about 17 MB; the named imports leave a few kB of it.
    const fluent = shipped.files.find((file) => file.file.startsWith('assets/fluentui-'));
    expect(fluent!.bytes).toBeLessThan(600 * 1024);
  });
});
