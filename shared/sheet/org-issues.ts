import type { z } from 'zod';
import type { Localized } from '#shared/localized';

/**
 * A row's schema finding as the person at the cell reads it: what is wrong with what they typed and
 * what to do, in vi and en. zod's own messages ("id: letters, digits…") are for developers. A column
 * whose cell means more than its type (a unit named by its name) says so itself with `invalid`; the
 * others get the message of the finding's kind. The pane puts the column's header and cell before it.
 */
export interface IssueColumn {
  header: string;
  invalid?: (typed: string) => Localized;
}

export function orgIssueMessage(column: IssueColumn, typed: string, issue: z.core.$ZodIssue): Localized {
  if (column.invalid && typed !== '') return column.invalid(typed);
  switch (issue.code) {
    case 'too_small':
      return typed === ''
        ? { vi: `Chưa ghi ${column.header}: hãy điền ô này`, en: `"${column.header}" is blank: fill it in` }
        : { vi: `"${typed}" quá ngắn: hãy ghi đầy đủ`, en: `"${typed}" is too short: write it in full` };
    case 'too_big':
      return {
        vi: `Dài quá ${Number(issue.maximum)} ký tự: hãy rút gọn`,
        en: `Longer than ${Number(issue.maximum)} characters: shorten it`,
      };
    case 'invalid_format':
      return issue.format === 'email'
        ? {
            vi: `"${typed}" không phải địa chỉ thư điện tử: hãy ghi dạng ten@coquan.gov.vn`,
            en: `"${typed}" is not an e-mail address: write it as name@office.gov.vn`,
          }
        : {
            vi: `Mã "${typed}" chỉ được gồm chữ cái không dấu, chữ số và dấu _ . - (tối đa 64 ký tự): hãy sửa mã, hoặc xóa ô để được cấp mã mới`,
            en: `Code "${typed}" may hold only letters without accents, digits and _ . - (at most 64): correct it, or clear the cell to be given a new code`,
          };
    case 'invalid_type':
      return { vi: `Chưa ghi ${column.header}: hãy điền ô này`, en: `"${column.header}" is blank: fill it in` };
    default:
      return {
        vi: `"${typed}" không dùng được ở cột ${column.header}: hãy chọn hoặc ghi lại theo danh sách`,
        en: `"${typed}" cannot be used in column ${column.header}: pick or write it as the list says`,
      };
  }
}
