import { describe, expect, it } from 'vitest';
import { loadNotice } from '#addin/app/load/load-notice';

const labels = new Map([
  ['n1', 'Nguyễn Văn An'],
  ['n2', 'Trần Thị Bình'],
]);
const returned = { id: 'n1', status: 'returned' as const, returnReason: 'Thiếu biên bản họp xét' };
const draft = { id: 'n2', status: 'draft' as const };

describe('what the pane says when the sheet loads', () => {
  it('a unit clerk is told which rows HR returned, and why', () => {
    const notice = loadNotice({ user: { role: 'unit' }, nominations: [returned, draft], labels, dropped: 0 });
    expect(notice.vi).toBe(
      'Đã tải 2 đề nghị. Phòng HCTC-QTTV đã trả lại 1 đề nghị, cần sửa rồi gửi lại: Nguyễn Văn An (lý do: Thiếu biên bản họp xét).',
    );
    expect(notice.en).toBe(
      'Loaded 2 nominations. The HR office returned 1 nomination(s) to fix and submit again: Nguyễn Văn An (reason: Thiếu biên bản họp xét).',
    );
    // HR returned them: HR is not told again.
    expect(loadNotice({ user: { role: 'hr' }, nominations: [returned, draft], labels, dropped: 0 }).vi).toBe('Đã tải 2 đề nghị.');
  });

  it('an empty campaign says what to do next, to whoever may write', () => {
    expect(loadNotice({ user: { role: 'hr' }, nominations: [], labels, dropped: 0 }).vi).toMatch(
      /^Đợt thi đua chưa có đề nghị nào\. Gõ hoặc dán đề nghị vào bảng.*rồi bấm "Lưu"\.$/,
    );
    expect(loadNotice({ user: { role: 'viewer' }, nominations: [], labels, dropped: 0 }).vi).toBe('Đợt thi đua chưa có đề nghị nào.');
  });

  it('rows taken out of the sheet are said too', () => {
    expect(loadNotice({ user: { role: 'unit' }, nominations: [draft], labels, dropped: 2 }).vi).toBe(
      'Đã tải 1 đề nghị. 2 dòng không còn trên máy chủ (đã xoá hoặc đã chuyển khỏi đơn vị) nên được bỏ khỏi bảng.',
    );
  });
});
