import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXCEL_WEB_UPLOAD } from '#shared/addin-upload';

/**
 * One way to upload the manifest to Excel on the web, named the same everywhere (issue 12): the pane's
 * "open me in Excel" screen, `npm start`'s console, `npm run deploy`'s next steps and the README all
 * take shared/addin-upload.ts's words, and no other spelling of the path is left anywhere.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((path) => join(dir, path))
    .filter((path) => /\.(ts|tsx|html)$/.test(path) && statSync(join(ROOT, path)).isFile());
}

describe('the upload path of Excel on the web', () => {
  it('is written out once, in shared/addin-upload.ts, and the pane, npm start and npm run deploy use it', () => {
    for (const path of ['addin/src/boot/BootMessage.tsx', 'local/start.ts', 'scripts/deploy-plan.ts'])
      expect(read(path), path).toContain('EXCEL_WEB_UPLOAD');
    const spelled = [...sources('addin'), ...sources('local'), ...sources('scripts'), ...sources('shared'), ...sources('functions')].filter(
      (path) => /Upload My Add-in|Tải lên Phần bổ trợ/.test(read(path)),
    );
    expect(spelled).toEqual(['shared/addin-upload.ts']);
  });

  it('is the README’s, in English and Vietnamese, with no older path left', () => {
    const readme = read('README.md');
    expect(readme.replace(/\s+/g, ' ')).toContain(EXCEL_WEB_UPLOAD.en);
    expect(readme).toContain(EXCEL_WEB_UPLOAD.vi);
    const mentions = readme.replace(/\s+/g, ' ').match(/[^.]*Upload My Add-in/g) ?? [];
    expect(mentions.length).toBeGreaterThanOrEqual(2);
    for (const mention of mentions) expect(mention).toContain('Home → Add-ins → More Settings → Upload My Add-in');
    expect(readme).not.toMatch(/Insert → Add-ins|More add-ins|Thêm Phần bổ trợ/);
  });
});
