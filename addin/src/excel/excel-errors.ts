import { ExcelFailure } from './gateway';

/**
 * What to tell the user for each Office.js error code. Branch on `error.code`, never on `error.message`:
 * the message is localized by Office and meant for developers, the code is stable (see "Error handling
 * with the Excel JavaScript API" and OfficeExtension.ErrorCodes / Excel.ErrorCodes).
 *
 * The last entries are the gateway's own codes, for states Excel does not report as errors but in which
 * writing would put data in the wrong place.
 */
export const EXCEL_ERROR_MESSAGES: Readonly<Record<string, { vi: string; en: string }>> = {
  ItemNotFound: {
    vi: 'Không tìm thấy bảng "Tổng hợp đề nghị" hoặc một cột của bảng (có thể đã bị xoá hoặc đổi tên). Mở lại add-in để tạo lại bảng.',
    en: 'The "Tổng hợp đề nghị" table or one of its columns was not found (it may have been deleted or renamed). Reopen the add-in to recreate it.',
  },
  InvalidArgument: {
    vi: 'Excel từ chối dữ liệu add-in gửi (ô hoặc vùng không hợp lệ). Hãy tải lại danh sách rồi thử lại.',
    en: 'Excel rejected what the add-in sent (an invalid cell or range). Reload the list and try again.',
  },
  InvalidOperation: {
    vi: 'Excel không thể thực hiện thao tác này lúc này. Hãy thử lại.',
    en: 'Excel cannot do this right now. Try again.',
  },
  InvalidReference: {
    vi: 'Vùng ô add-in cần ghi không còn hợp lệ (bảng có thể đã bị thay đổi). Hãy tải lại danh sách rồi thử lại.',
    en: 'The range the add-in writes to is no longer valid (the table may have changed). Reload the list and try again.',
  },
  InvalidSelection: {
    vi: 'Vùng đang chọn không dùng được cho thao tác này. Hãy chọn một vùng liền nhau trong bảng.',
    en: 'The current selection cannot be used here. Select one contiguous range in the table.',
  },
  AccessDenied: {
    vi: 'Excel không cho phép ghi: trang tính hoặc sổ làm việc đang được bảo vệ, hoặc tệp chỉ được mở để xem.',
    en: 'Excel refused the change: the sheet or workbook is protected, or the file is open read-only.',
  },
  GeneralException: {
    vi: 'Excel gặp lỗi nội bộ khi xử lý yêu cầu. Hãy thử lại; nếu vẫn lỗi, lưu tệp rồi mở lại Excel.',
    en: 'Excel hit an internal error. Try again; if it persists, save the file and restart Excel.',
  },
  RequestPayloadSizeLimitExceeded: {
    vi: 'Dữ liệu cần ghi quá lớn cho một lần gửi tới Excel (giới hạn 5 MB của Excel trên web), kể cả khi đã chia nhỏ.',
    en: 'The data is too large for one request to Excel (the 5 MB limit of Excel on the web), even when split.',
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: 'Bảng quá lớn để Excel trả về trong một lần đọc (giới hạn 5 MB của Excel trên web), kể cả khi đã chia nhỏ.',
    en: 'The table is too large for Excel to return in one read (the 5 MB limit of Excel on the web), even when split.',
  },
  InvalidOperationInCellEditMode: {
    vi: 'Một ô đang được sửa. Nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.',
    en: 'A cell is being edited. Press Enter or Esc to finish editing, then try again.',
  },
  ApiNotFound: {
    vi: 'Phiên bản Excel này không hỗ trợ chức năng add-in cần. Hãy cập nhật Office hoặc dùng Excel trên web.',
    en: 'This version of Excel lacks an API the add-in needs. Update Office or use Excel on the web.',
  },
  ActivityLimitReached: {
    vi: 'Excel đang bận xử lý quá nhiều yêu cầu. Đợi một lát rồi thử lại.',
    en: 'Excel is busy with too many requests. Wait a moment and try again.',
  },
  RequestAborted: {
    vi: 'Yêu cầu tới Excel đã bị huỷ giữa chừng. Hãy thử lại.',
    en: 'The request to Excel was aborted. Try again.',
  },
  Conflict: {
    vi: 'Có người khác đang sửa cùng vùng dữ liệu (đồng tác giả). Đợi một lát rồi thử lại.',
    en: 'Someone else is editing the same data (co-authoring). Wait a moment and try again.',
  },
  InsertDeleteConflict: {
    vi: 'Không thể thêm hoặc xoá dòng của bảng vì vướng dữ liệu khác trên trang tính.',
    en: 'Table rows could not be inserted or deleted because other data on the sheet is in the way.',
  },
  NonBlankCellOffSheet: {
    vi: 'Không thể mở rộng bảng: cuối trang tính còn ô có dữ liệu hoặc định dạng. Hãy xoá các dòng, cột thừa ở cuối trang tính.',
    en: 'The table cannot grow: cells at the end of the sheet hold data or formatting. Delete the spare rows or columns there.',
  },
  MergedRangeConflict: {
    vi: 'Bảng chạm vào ô đã gộp hoặc một bảng khác. Hãy bỏ gộp ô quanh bảng rồi thử lại.',
    en: 'The table overlaps merged cells or another table. Unmerge the cells around it and try again.',
  },
  FilteredRangeConflict: {
    vi: 'Bảng đang được lọc nên không ghi được. Hãy bỏ lọc (Xoá bộ lọc) rồi thử lại.',
    en: 'The table is filtered, so it cannot be written. Clear the filter and try again.',
  },
  ItemAlreadyExists: {
    vi: 'Đã có một trang tính hoặc bảng trùng tên. Hãy đổi tên trang tính đó rồi thử lại.',
    en: 'A sheet or table with the same name already exists. Rename it and try again.',
  },
  RangeExceedsLimit: {
    vi: 'Vùng ô vượt quá giới hạn số ô Excel cho phép trong một thao tác.',
    en: 'The range has more cells than Excel allows in one operation.',
  },
  UnsupportedOperation: {
    vi: 'Excel không hỗ trợ thao tác này trên nền tảng đang dùng.',
    en: 'Excel does not support this operation on this platform.',
  },
  NotImplemented: {
    vi: 'Chức năng này chưa có trên phiên bản Excel đang dùng.',
    en: 'This feature is not available in this version of Excel.',
  },
  InactiveWorkbook: {
    vi: 'Đang mở nhiều sổ làm việc và sổ này không còn được chọn. Hãy bấm vào sổ làm việc có bảng rồi thử lại.',
    en: 'Several workbooks are open and this one lost focus. Click into the workbook with the table and try again.',
  },
  ConnectionFailure: {
    vi: 'Mất kết nối giữa add-in và Excel. Hãy đóng rồi mở lại add-in.',
    en: 'The add-in lost its connection to Excel. Close and reopen the add-in.',
  },
  InvalidOrTimedOutSession: {
    vi: 'Phiên làm việc với tệp đã hết hạn. Hãy tải lại trang hoặc mở lại tệp.',
    en: 'The session with the file timed out. Reload the page or reopen the file.',
  },
  WriteNotSupportedWhenModalDialogOpen: {
    vi: 'Đang có hộp thoại của Excel mở. Hãy đóng hộp thoại rồi thử lại.',
    en: 'An Excel dialog is open. Close it and try again.',
  },
  // The gateway's own codes.
  ColumnsMissing: {
    vi: 'Bảng thiếu cột cần thiết (có thể đã bị xoá hoặc đổi tiêu đề). Mở lại add-in để bổ sung cột; dữ liệu đang có được giữ nguyên.',
    en: 'The table lacks required columns (deleted or renamed). Reopen the add-in to add them back; existing data is kept.',
  },
  SheetNotEmpty: {
    vi: 'Trang tính "Tổng hợp đề nghị" đã có dữ liệu nhưng không có bảng của add-in. Hãy đổi tên trang tính đó rồi mở lại add-in; dữ liệu cũ được giữ nguyên.',
    en: 'The "Tổng hợp đề nghị" sheet holds data but not the add-in\'s table. Rename that sheet and reopen the add-in; its data is kept.',
  },
  ExcelNotAvailable: {
    vi: 'Không kết nối được với Excel: add-in phải chạy bên trong Excel.',
    en: 'Excel is not available: the add-in must run inside Excel.',
  },
};

const UNKNOWN = {
  vi: 'Excel báo lỗi khi add-in đọc hoặc ghi bảng. Hãy thử lại.',
  en: 'Excel reported an error while the add-in read or wrote the table. Try again.',
};

/** The Office.js error code of anything thrown, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

export function failure(code: string, cause?: unknown): ExcelFailure {
  return new ExcelFailure(code, EXCEL_ERROR_MESSAGES[code] ?? UNKNOWN, cause === undefined ? undefined : { cause });
}

/**
 * Anything an Excel.run threw, as the ExcelFailure the UI shows. An OfficeExtension.Error is recognized by
 * its `code` (not by instanceof: the OfficeExtension global is absent outside Office); an error without
 * a code (a bug of ours, a TypeError) becomes 'Unexpected' and keeps the original as its cause.
 */
export function toExcelFailure(error: unknown): ExcelFailure {
  if (error instanceof ExcelFailure) return error;
  return failure(errorCode(error) ?? 'Unexpected', error);
}
