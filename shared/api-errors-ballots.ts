import type { Localized } from './localized';

/**
 * The refusals of a round's ballots sent in parts (issue 13, shared/api/ballot-upload.ts), spread into
 * API_ERRORS (shared/api-errors.ts) so that every code stays in the one list.
 */
export const BALLOT_UPLOAD_ERRORS = {
  BALLOT_UPLOAD_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy lần gửi phiếu này (có thể đã quá một ngày): hãy bấm "Kiểm phiếu" để gửi lại các phiếu',
    en: 'This ballot upload was not found (it may be more than a day old): press "Count the ballots" to send them again',
  },
  BALLOT_UPLOAD_OTHER_ROUND: {
    status: 409,
    vi: 'Lần gửi phiếu này thuộc một vòng bỏ phiếu khác: hãy bấm "Kiểm phiếu" để gửi các phiếu của vòng này',
    en: 'This ballot upload belongs to another round: press "Count the ballots" to send this round\'s ballots',
  },
  BALLOT_UPLOAD_COMPLETED: {
    status: 409,
    vi: 'Lần gửi phiếu này đã hoàn tất và các phiếu của vòng đã được thay từ đó: hãy bấm "Kiểm phiếu" để gửi lại',
    en: 'This ballot upload was completed and the round\'s ballots have changed since: press "Count the ballots" to send them again',
  },
  BALLOT_PART_OUT_OF_RANGE: {
    status: 422,
    vi: 'Số thứ tự phần phiếu vượt quá số phần đã khai báo khi bắt đầu gửi',
    en: 'The part number is beyond the parts declared when the upload began',
  },
  BALLOT_PART_MISSING: {
    status: 409,
    vi: 'Còn phần phiếu chưa gửi tới máy chủ: hãy gửi các phần còn thiếu rồi hoàn tất',
    en: 'Some parts of the ballots have not arrived: send the missing parts, then complete',
  },
  BALLOT_PARTS_OVERLAP: {
    status: 422,
    vi: 'Các phần phiếu chồng lên nhau hoặc để hở vị trí, hoặc tổng số phiếu khác số đã khai báo: chưa lưu gì, hãy gửi lại các phiếu',
    en: 'The parts overlap or leave a gap, or hold another number of ballots than declared: nothing was saved; send the ballots again',
  },
  BALLOTS_MALFORMED: {
    status: 422,
    vi: 'Có phiếu ghi một ứng viên không có trong vòng bỏ phiếu, hoặc ghi một ứng viên hai lần: chưa lưu gì',
    en: 'A ballot names a candidate index the round does not have, or marks a candidate twice: nothing was saved',
  },
} as const satisfies Record<string, { status: number } & Localized>;
