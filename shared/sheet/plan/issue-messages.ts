import type { z } from 'zod';
import type { Localized } from '#shared/localized';

/**
 * The campaign schema's findings as a person at the cell reads them: what is wrong and what to do, in
 * vi and en. zod's own messages are for developers; the refinements of shared/campaign.ts are matched
 * by their (stable, English) message.
 */
const CUSTOM: Record<string, Localized> = {
  'period ends before it starts': {
    vi: 'Ngày kết thúc trước ngày bắt đầu: hãy sửa một trong hai ngày',
    en: 'The period ends before it starts: correct one of the two dates',
  },
  'deadline before the period starts': {
    vi: 'Hạn nộp hồ sơ trước ngày bắt đầu đợt thi đua: hãy đặt hạn nộp từ ngày bắt đầu trở đi',
    en: 'The deadline is before the period starts: set it on or after the start',
  },
  'unknown award form': {
    vi: 'Mã hình thức này không có trong bảng "Hình thức khen thưởng": hãy gõ một mã của bảng đó',
    en: 'This award form code is not in the "Hình thức khen thưởng" table: type one of its codes',
  },
};

const EMPTY: Localized = { vi: 'Ô này không được để trống: hãy điền', en: 'This cell must not be empty: fill it in' };

export function issueMessage(issue: z.core.$ZodIssue): Localized {
  switch (issue.code) {
    case 'custom':
      return CUSTOM[issue.message] ?? { vi: `Giá trị không hợp lệ (${issue.message})`, en: `Not valid (${issue.message})` };
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number' ? { vi: 'Hãy gõ một số nguyên', en: 'Type a whole number' } : EMPTY;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array')
        return { vi: `Bảng cần ít nhất ${min} dòng: hãy thêm`, en: `The table needs at least ${min} row(s): add them` };
      if (issue.origin === 'string') return EMPTY;
      return { vi: `Số phải từ ${min} trở lên`, en: `The number must be ${min} or more` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array')
        return { vi: `Bảng có nhiều nhất ${max} dòng: hãy bớt`, en: `The table takes at most ${max} rows: remove some` };
      if (issue.origin === 'string') return { vi: `Dài quá ${max} ký tự: hãy rút gọn`, en: `Longer than ${max} characters: shorten it` };
      return { vi: `Số phải không quá ${max}`, en: `The number must be at most ${max}` };
    }
    case 'invalid_format':
      return issue.format === 'date'
        ? { vi: 'Hãy gõ ngày theo dạng dd/MM/yyyy', en: 'Type the date as dd/MM/yyyy' }
        : {
            vi: 'Mã chỉ gồm chữ in hoa không dấu (A-Z), chữ số và dấu _, từ 2 đến 40 ký tự (mã đợt: chữ thường, số và dấu -)',
            en: 'A code is capital letters A-Z, digits and _, 2 to 40 of them (a campaign id: lower case, digits and -)',
          };
    case 'invalid_value':
      return { vi: 'Giá trị này không nằm trong danh sách cho phép', en: 'This value is not one of those allowed' };
    default:
      return { vi: `Giá trị không hợp lệ (${issue.message})`, en: `Not valid (${issue.message})` };
  }
}
