import { describe, expect, it } from 'vitest';
import type { Issue } from '#shared/issues';
import { groupRefusals, rowsWithErrors, saveStatus, type SaveTally } from '#addin/app/save/save-status';

const none: SaveTally = { saved: 0, deleted: 0, conflicts: 0, unsent: 0, held: 0, refusals: [], rowsWithErrors: 0 };
const quota = { vi: 'Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1', en: 'Quota exceeded: 2/1' };

describe('the status line of a save', () => {
  it('says how many rows were saved and how many still carry errors (a large save does not hide them)', () => {
    expect(saveStatus({ ...none, saved: 200, rowsWithErrors: 57 })).toEqual({
      vi: 'Đã lưu 200 dòng. Còn 57 dòng có lỗi cần sửa.',
      en: 'Saved 200 row(s). 57 row(s) still have errors to fix.',
    });
  });

  it('nothing to send says so, with the rows kept back', () => {
    expect(saveStatus(none).vi).toBe('Không có thay đổi cần lưu.');
    expect(saveStatus({ ...none, held: 2 }).vi).toBe('Không có thay đổi cần lưu. 2 dòng chưa gửi vì có ô cần sửa.');
  });

  it('counts refused rows last (listed in red below it), conflicts and deletes; a role action says "updated"', () => {
    const tally = { ...none, saved: 1, deleted: 1, conflicts: 2, refusals: [{ reason: quota, names: ['A', 'B'] }] };
    expect(saveStatus(tally).vi).toBe(
      'Đã lưu 1 dòng. Đã xoá 1 dòng. 2 dòng xung đột với bản trên máy chủ: chọn bản cần giữ ở mục Xung đột. 2 dòng bị từ chối:',
    );
    expect(saveStatus({ ...none, conflicts: 2 }, 'actions.done').vi).toMatch(/^Đã cập nhật 0 dòng\. 2 dòng xung đột/);
  });

  it('groups refusals by reason, names in order', () => {
    const other = { vi: 'Không có quyền', en: 'Forbidden' };
    expect(
      groupRefusals([
        { reason: quota, name: 'A' },
        { reason: other, name: 'B' },
        { reason: { ...quota }, name: 'C' },
      ]),
    ).toEqual([
      { reason: quota, names: ['A', 'C'] },
      { reason: other, names: ['B'] },
    ]);
  });

  it('counts rows with an error once, and not a finding about a form', () => {
    const issue = (severity: Issue['severity'], nominationId?: string) =>
      ({ code: 'DOSSIER_INCOMPLETE', severity, message: quota, ...(nominationId ? { nominationId } : {}) }) as Issue;
    expect(rowsWithErrors([issue('error', 'a'), issue('error', 'a'), issue('warning', 'b'), issue('error')])).toBe(1);
  });
});
