import type { OrgFinding } from '#shared/api/org-sheets';
import { API_ERRORS, type ApiErrorCode } from '#shared/api-errors';
import type { Localized } from '#shared/localized';

/**
 * The org sheets' row findings: a stable code, and a message that says what is wrong and what to do.
 * The pane puts the cell's address before it (the field names the column).
 */
const refused = (code: string, field: string | undefined, vi: string, en: string): OrgFinding => ({
  code,
  severity: 'error',
  ...(field ? { field } : {}),
  message: { vi, en },
});
const refusedAs = (code: string, field: string, message: Localized) => refused(code, field, message.vi, message.en);

/**
 * A unit named that the Đơn vị sheet does not hold: the server's refusal and the pane's own reading of a
 * name that cannot even be a code say the same, at the unit's cell.
 */
export const unitMessages = {
  unknownUnit: (typed: string): Localized => ({
    vi: `Đơn vị "${typed}" không có trong sheet Đơn vị: hãy chọn một đơn vị trong danh sách của ô (tên, tên viết tắt hoặc mã), hoặc thêm đơn vị đó vào sheet Đơn vị, lưu sheet Đơn vị rồi lưu lại sheet này`,
    en: `Unit "${typed}" is not in the Đơn vị sheet: pick a unit from the cell's list (name, short name or code), or add it to the Đơn vị sheet, save that sheet, then save this one again`,
  }),
  unknownParent: (typed: string): Localized => ({
    vi: `Đơn vị cấp trên "${typed}" không có trong sheet Đơn vị: hãy ghi tên hoặc mã một đơn vị đã lưu của sheet này, hoặc để trống`,
    en: `Parent unit "${typed}" is not in the Đơn vị sheet: write the name or code of a saved unit of this sheet, or leave it blank`,
  }),
};

export const findings = {
  duplicateCode: (id: string, otherRow: string) =>
    refused(
      'DUPLICATE_CODE',
      'id',
      `Mã "${id}" đã có ở dòng ${otherRow} của cùng lần lưu: mỗi mã một dòng, hãy xóa dòng thừa hoặc sửa mã`,
      `Code "${id}" is already on row ${otherRow} of this save: one row per code; delete the extra row or change the code`,
    ),
  unknownUnit: (typed: string) => refusedAs('UNKNOWN_UNIT', 'unitId', unitMessages.unknownUnit(typed)),
  unknownParent: (typed: string) => refusedAs('UNKNOWN_PARENT', 'parentId', unitMessages.unknownParent(typed)),
  parentCycle: () =>
    refused(
      'PARENT_CYCLE',
      'parentId',
      'Đơn vị cấp trên tạo thành vòng (đơn vị là cấp trên của chính nó): sửa lại cột Đơn vị cấp trên',
      'The parent units form a loop (a unit above itself): correct the parent unit',
    ),
  /** Someone saved (or deleted) the row's record after this user read it: their change is kept in the row, not written. */
  stale: (version: number | undefined) =>
    refused(
      'STALE_ROW',
      undefined,
      `${version === undefined ? 'Người khác đã xóa mục của dòng này' : `Người khác đã lưu dòng này trước bạn (nay là phiên bản ${version})`} nên thay đổi của bạn chưa được lưu và vẫn còn ở dòng này: hãy chép lại thay đổi, bấm "Mở / làm mới" để lấy bản mới rồi sửa lại và lưu`,
      `${version === undefined ? "Someone else deleted this row's record" : `Someone else saved this row before you (now version ${version})`}, so your change was not saved and is still in this row: copy it, press "Mở / làm mới" (open / refresh) to get the new one, then edit and save again`,
    ),
  likelyDuplicateNew: (otherId: string, otherRow?: string) =>
    refused(
      'LIKELY_DUPLICATE',
      'fullName',
      `Có thể trùng với cán bộ ${otherRow ? `ở dòng ${otherRow}` : `mã ${otherId}`} (cùng họ tên, đơn vị, ngày sinh), chưa lưu: nếu là cùng người, xóa dòng này${otherRow ? '' : ` hoặc ghi mã ${otherId} vào cột Mã cán bộ để cập nhật`}; nếu là người khác, ghi ngày sinh hoặc một mã mới rồi lưu lại`,
      `Likely the same person as ${otherRow ? `row ${otherRow}` : `code ${otherId}`} (same name, unit and birth date), not saved: if it is, delete this row${otherRow ? '' : ` or put ${otherId} in the code column to update it`}; if not, give the birth date or a new code and save again`,
    ),
  likelyDuplicate: (otherId: string): OrgFinding => ({
    code: 'LIKELY_DUPLICATE',
    severity: 'warning',
    field: 'fullName',
    message: {
      vi: `Đã lưu, nhưng có thể trùng với cán bộ mã ${otherId} (cùng họ tên, đơn vị, ngày sinh): kiểm tra và xóa dòng thừa nếu là một người`,
      en: `Saved, but likely the same person as code ${otherId} (same name, unit and birth date): check, and delete the extra row if it is`,
    },
  }),
  unitRoleNeedsUnit: () =>
    refused(
      'UNIT_ROLE_NEEDS_UNIT',
      'unitId',
      'Vai trò "Đơn vị" cần ghi đơn vị của người dùng: chọn một đơn vị trong danh sách',
      'The "Đơn vị" (unit) role needs the user\'s unit: pick one from the list',
    ),
  /** The user's sign-in account could not be made (Cognito refused or did not answer): nothing was saved. */
  accountNotInvited: (detail: string) =>
    refused(
      'ACCOUNT_NOT_INVITED',
      'email',
      `Chưa lưu: không tạo được tài khoản đăng nhập cho e-mail này (${detail}). Kiểm tra địa chỉ e-mail rồi lưu lại; nếu vẫn lỗi, báo bộ phận công nghệ thông tin`,
      `Not saved: the sign-in account for this e-mail could not be made (${detail}). Check the address and save again; if it fails again, tell your IT staff`,
    ),
  /** A refusal of shared/policy on this row, in its own words. */
  policy: (code: ApiErrorCode, field?: string) => refused(code, field, API_ERRORS[code].vi, API_ERRORS[code].en),
};

/** A user deleted from the table whose sign-in account could not be disabled: someone must do it by hand. */
export const accountNotDisabled = (detail: string) => ({
  vi: `Đã xóa khỏi danh sách người dùng, nhưng chưa khóa được tài khoản đăng nhập (${detail}): báo bộ phận công nghệ thông tin khóa tài khoản này`,
  en: `Deleted from the users, but the sign-in account could not be disabled (${detail}): ask your IT staff to disable it`,
});

/** Why a unit removed from the sheet is kept. */
export const keptReasons = {
  unitInUse: (what: { people: boolean; units: boolean; nominations: boolean; users: boolean }) => {
    const vi = [
      what.people && 'còn cán bộ',
      what.units && 'còn đơn vị trực thuộc',
      what.nominations && 'có đề nghị khen thưởng',
      what.users && 'còn người dùng',
    ];
    const en = [
      what.people && 'it has staff',
      what.units && 'it has units under it',
      what.nominations && 'nominations name it',
      what.users && 'users belong to it',
    ];
    return {
      vi: `Không xóa: đơn vị ${vi.filter(Boolean).join(', ')}; chuyển họ sang đơn vị khác trước rồi xóa lại`,
      en: `Not deleted: ${en.filter(Boolean).join(', ')}; move them to another unit first, then delete it again`,
    };
  },
  personNominated: {
    vi: 'Không xóa vì có đề nghị khen thưởng hoặc đã được khen thưởng: đánh dấu "Đã nghỉ"',
    en: 'Not deleted because nominations or awards name them: marked as having left',
  },
};
