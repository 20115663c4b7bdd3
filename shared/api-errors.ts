import { COUNCIL_ERRORS } from './api-errors-council';
import { BALLOT_UPLOAD_ERRORS } from './api-errors-ballots';
import { REGISTER_ERRORS } from './api-errors-register';
import type { Localized } from './localized';

/**
 * The API's error codes and what the user reads for each. Stable codes: the add-in branches on them.
 * Every answer of 4xx is `{ code, message: { vi, en }, details }`.
 */
export const API_ERRORS = {
  INVALID_JSON: { status: 400, vi: 'Dữ liệu gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'The request is not valid' },
  DUPLICATE_ROW_ID: {
    status: 400,
    vi: 'Một đề nghị xuất hiện hai lần trong cùng một lần lưu',
    en: 'A nomination appears twice in one save',
  },
  UNAUTHENTICATED: { status: 401, vi: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn', en: 'Not signed in, or the session has expired' },
  UNKNOWN_USER: { status: 403, vi: 'Tài khoản chưa được cấp quyền sử dụng', en: 'This account has not been given access' },
  FORBIDDEN: { status: 403, vi: 'Vai trò của bạn không được phép thực hiện thao tác này', en: 'Your role does not allow this action' },
  FORBIDDEN_UNIT: {
    status: 403,
    vi: 'Bạn chỉ được xem và sửa đề nghị của đơn vị mình',
    en: "You may only read and change your own unit's nominations",
  },
  FORBIDDEN_STATUS: {
    status: 403,
    vi: 'Vai trò của bạn không được chuyển đề nghị sang trạng thái này',
    en: 'Your role may not move a nomination to this status',
  },
  REGISTRY_READ_ONLY: {
    status: 403,
    vi: 'Phòng HCTC-QTTV chỉ được xem danh sách Đơn vị và Cán bộ; việc sửa và lưu do Quản trị thực hiện',
    en: 'The HR office may only read the units and staff sheets; an administrator edits and saves them',
  },
  OWN_ADMIN_ROLE: {
    status: 409,
    vi: 'Bạn không thể tự bỏ quyền Quản trị của mình; hãy nhờ một Quản trị khác làm việc này',
    en: 'You cannot take away your own admin role; ask another administrator',
  },
  ACCOUNT_NOT_INVITED: {
    status: 422,
    vi: 'Không tạo được tài khoản đăng nhập cho e-mail này; chưa lưu gì. Kiểm tra địa chỉ e-mail rồi thử lại',
    en: 'The sign-in account for this e-mail could not be made; nothing was saved. Check the address and try again',
  },
  LAST_ADMIN: {
    status: 409,
    vi: 'Không thể xóa hoặc hạ quyền Quản trị cuối cùng; hãy cấp quyền Quản trị cho người khác trước (hoặc tải lại: một Quản trị khác vừa đổi quyền)',
    en: 'The last administrator cannot be removed or demoted; make someone else an administrator first (or reload: another administrator has just changed roles)',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  CAMPAIGN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy Đợt thi đua', en: 'Campaign not found' },
  NOMINATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đề nghị khen thưởng', en: 'Nomination not found' },
  ROUND_NOT_FOUND: { status: 404, vi: 'Không tìm thấy vòng bỏ phiếu', en: 'Voting round not found' },
  ALREADY_EXISTS: { status: 409, vi: 'Đã tồn tại', en: 'Already exists' },
  VERSION_CONFLICT: { status: 409, vi: 'Dữ liệu đã được người khác thay đổi, hãy tải lại', en: 'Someone else changed this; reload it' },
  CAMPAIGN_FORM_IN_USE: {
    status: 409,
    vi: 'Không bỏ được hình thức khen thưởng đang có đề nghị dùng',
    en: 'An award form that nominations use cannot be removed',
  },
  CAMPAIGN_DOCUMENT_IN_USE: {
    status: 409,
    vi: 'Không bỏ được tài liệu hồ sơ mà đề nghị đã ghi',
    en: 'A dossier document that nominations record cannot be removed',
  },
  CAMPAIGN_QUOTA_BELOW_SELECTED: {
    status: 409,
    vi: 'Chỉ tiêu không được thấp hơn số đã được chọn',
    en: 'A quota cannot be set below the number already selected',
  },
  CAMPAIGN_PERIOD_EXCLUDES_DATES: {
    status: 409,
    vi: 'Thời gian mới để ngày đã lưu của đề nghị ra ngoài đợt thi đua',
    en: 'The new period leaves dates saved on nominations outside it',
  },
  QUOTA_EXCEEDED: { status: 409, vi: 'Vượt chỉ tiêu khen thưởng', en: 'The award quota would be exceeded' },
  ROUND_CONFIRMED: {
    status: 409,
    vi: 'Kết quả vòng bỏ phiếu đã được xác nhận, không thể thay đổi; hãy lập vòng bỏ phiếu mới',
    en: 'This round is confirmed and cannot change; start a new round',
  },
  ROUND_SUPERSEDED: {
    status: 409,
    vi: 'Vòng bỏ phiếu này đã được thay thế bằng một vòng mới',
    en: 'This round has been superseded by a newer one',
  },
  ROUND_NOT_TALLIED: { status: 409, vi: 'Vòng bỏ phiếu chưa được kiểm phiếu', en: 'This round has not been tallied' },
  ROUND_NOT_CONFIRMED: {
    status: 409,
    vi: 'Vòng bỏ phiếu trước chưa được xác nhận kết quả',
    en: 'The previous round has not been confirmed',
  },
  ROUND_ANNULLED: {
    status: 409,
    vi: 'Kết quả vòng bỏ phiếu này đã bị hủy, không thể thay đổi',
    en: "This round's result was annulled and cannot change",
  },
  DECISION_MOVED_ON: {
    status: 409,
    vi: 'Có đề nghị của vòng này đã chuyển sang bước sau (đã khen thưởng, bị xóa hoặc đã có vòng sau); không thể hủy kết quả',
    en: "Some of this round's nominations have moved on (awarded, deleted, or decided by a later round); the result cannot be annulled",
  },
  ROUND_VOID: {
    status: 409,
    vi: 'Kết quả vòng bỏ phiếu không có giá trị (không đủ số thành viên tham dự, hoặc số phiếu thu vào nhiều hơn số phiếu phát ra), không thể xác nhận',
    en: "The round's count is void (no quorum, or more ballots collected than issued) and cannot be confirmed",
  },
  BALLOTS_CHANGED: {
    status: 409,
    vi: 'Phiếu bầu đã thay đổi sau lần kiểm phiếu, hãy kiểm phiếu lại',
    en: 'The ballots changed since the tally; tally again',
  },
  DOCUMENT_NEEDS_CONFIRMED_ROUND: {
    status: 409,
    // The Quyết định and the Tờ trình proposing the Bằng khen both rest on the council's confirmed vote.
    vi: 'Chưa có vòng bỏ phiếu nào được xác nhận kết quả: chỉ lập Quyết định khen thưởng và Tờ trình đề nghị Bằng khen sau khi Hội đồng xác nhận kết quả bình xét',
    en: "No voting round is confirmed yet: the award decision and the Bằng khen proposal are written only after the council's result is confirmed",
  },
  DOCUMENT_NOTHING_SELECTED: {
    status: 409,
    vi: 'Hội đồng chưa chọn tập thể, cá nhân nào cho hình thức khen thưởng của văn bản này',
    en: "The council has selected nobody for this document's award form",
  },
  DOCUMENT_NOTHING_ELIGIBLE: {
    status: 409,
    vi: 'Chưa có đề nghị khen thưởng nào được xác định đủ điều kiện: chưa thể lập Tờ trình trình Hội đồng Thi đua - Khen thưởng',
    en: 'No nomination has been found eligible yet: there is nothing to propose to the council',
  },
  CERTIFICATE_FIELD_OUTSIDE_PAGE: {
    status: 400,
    vi: 'Có ô của Giấy khen nằm ngoài khổ giấy (sau khi cộng độ lệch): hãy sửa vị trí, độ rộng hoặc độ lệch',
    en: 'A field of the certificate lies outside the page (offsets included): change its position, its width or the offsets',
  },
  DOCUMENT_NEEDS_TALLIED_ROUND: {
    status: 409,
    vi: 'Chưa có vòng bỏ phiếu nào được kiểm phiếu: chỉ lập biên bản của Hội đồng sau khi kiểm phiếu',
    en: "No voting round has been tallied yet: the council's minutes are written after a count",
  },
  DOCUMENT_NOT_AVAILABLE: { status: 404, vi: 'Văn bản này chưa được hỗ trợ', en: 'This document is not available yet' },
  DOCUMENT_ALREADY_ISSUED: {
    status: 409,
    vi: 'Văn bản này đã được ban hành: số và ngày của nó không thay đổi được nữa',
    en: 'This document has been issued: its number and date can no longer change',
  },
  DOCUMENT_NOT_GENERATED: {
    status: 409,
    vi: 'Văn bản chưa được lập: hãy lập văn bản, kiểm tra rồi mới ban hành',
    en: 'The document has not been generated yet: generate it, check it, then issue it',
  },
  DOCUMENT_VERSION_CONFLICT: {
    status: 409,
    vi: 'Văn bản vừa được người khác lập lại: hãy mở bản mới nhất rồi ban hành',
    en: 'Someone generated the document again meanwhile: open the latest one, then issue it',
  },
  DOCUMENT_CHANGED_SINCE: {
    status: 409,
    vi: 'Dữ liệu đã thay đổi kể từ khi lập văn bản: hãy lập lại văn bản để xem thay đổi, rồi ban hành',
    en: 'The data changed since the document was generated: generate it again to see what changed, then issue it',
  },
  DOCUMENT_NUMBER_TAKEN: {
    status: 409,
    vi: 'Số này đã được dùng cho văn bản khác cùng loại trong năm: hãy chọn số khác hoặc để trống để lấy số tiếp theo',
    en: 'This number is already used by another document of the same type this year: choose another or leave it empty for the next one',
  },
  DOCUMENT_NEEDS_DECISION: {
    status: 409,
    vi: 'Giấy khen mang số và ngày của Quyết định: hãy lập Quyết định tặng Giấy khen trước',
    en: "The certificates carry the decision's number and date: generate the award decision first",
  },
  DOCUMENT_NOT_ISSUABLE: {
    status: 409,
    vi: 'Loại văn bản này không ban hành qua phần mềm',
    en: 'This kind of document is not issued through the product',
  },
  DECISION_TOO_LARGE: {
    status: 409,
    vi: 'Quyết định có quá nhiều người được khen thưởng để ghi trong một lần; hãy chia thành nhiều quyết định',
    en: 'The decision names too many awardees to record at once; split it into several decisions',
  },
  CAMPAIGN_NOT_OPEN: {
    status: 409,
    vi: 'Đợt thi đua chưa mở nhận hồ sơ; đề nghị bộ phận thi đua – khen thưởng mở nhận hồ sơ',
    en: 'The campaign does not take nominations yet; ask the HR office to open it',
  },
  SUBMISSIONS_CLOSED: {
    status: 409,
    vi: 'Đợt thi đua đã khóa nhận hồ sơ; đề nghị liên hệ bộ phận thi đua – khen thưởng để mở lại',
    en: 'The campaign no longer takes nominations; ask the HR office to reopen it',
  },
  CAMPAIGN_ARCHIVED: {
    status: 409,
    vi: 'Đợt thi đua đã lưu trữ: chỉ được xem, không thay đổi được',
    en: 'The campaign is archived: it can be read, not changed',
  },
  STAGE_FORBIDS: {
    status: 409,
    vi: 'Giai đoạn hiện tại của Đợt thi đua không cho phép thao tác này; đề nghị chuyển giai đoạn phù hợp',
    en: "The campaign's stage does not allow this; move it to the right stage first",
  },
  STAGE_MOVE_NOT_ALLOWED: {
    status: 409,
    vi: 'Không chuyển được Đợt thi đua sang giai đoạn này từ giai đoạn hiện tại',
    en: 'The campaign cannot move to that stage from where it is',
  },
  CAMPAIGN_STAGE_CONFLICT: {
    status: 409,
    vi: 'Đợt thi đua vừa được người khác chuyển giai đoạn hoặc sửa: hãy tải lại rồi thử lại',
    en: 'Someone else moved or changed the campaign meanwhile: reload it and try again',
  },
  FILES_TAKEN_OVER: {
    status: 403,
    vi: 'Đề nghị đã chuyển cho Phòng Hành chính tổ chức xử lý: đơn vị không còn xem, sửa hồ sơ đính kèm; hãy liên hệ Phòng',
    en: 'HR has taken this nomination over: the unit no longer reads or changes its files; contact HR',
  },
  FILE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp đính kèm', en: 'Attached file not found' },
  FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp lớn hơn 20 MB: hãy quét lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp',
    en: 'The file is larger than 20 MB: scan it at a lower resolution or split it into several files',
  },
  FILE_TYPE_MISMATCH: {
    status: 422,
    vi: 'Nội dung tệp không phải PDF, JPEG hoặc PNG như đã khai báo: tệp đã bị xóa, hãy chọn đúng tệp bản quét rồi tải lên lại',
    en: 'The file content is not the PDF, JPEG or PNG it was declared as: it was removed; choose the right scan and upload it again',
  },
  FILE_SIZE_MISMATCH: {
    status: 422,
    vi: 'Kích thước tệp đã tải lên khác với kích thước đã khai báo: tệp đã bị xóa, hãy tải lên lại',
    en: 'The uploaded file is not the size that was declared: it was removed; upload it again',
  },
  FILE_NOT_UPLOADED: {
    status: 409,
    vi: 'Chưa nhận được nội dung tệp: hãy tải tệp lên (kiểm tra kết nối mạng) rồi xác nhận lại',
    en: 'The file content has not arrived: upload it (check the network) and confirm again',
  },
  FILE_NOT_DELETED: {
    status: 409,
    vi: 'Tệp này chưa bị xóa, không cần khôi phục',
    en: 'This file is not deleted; there is nothing to restore',
  },
  FILE_RESTORE_EXPIRED: {
    status: 410,
    vi: 'Tệp đã bị xóa quá 30 ngày nên không khôi phục được nữa: hãy tải lên lại bản quét',
    en: 'The file was deleted more than 30 days ago and can no longer be restored: upload the scan again',
  },
  DOSSIER_DOCUMENT_UNKNOWN: {
    status: 400,
    vi: 'Văn bản này không có trong thành phần hồ sơ của Đợt thi đua',
    en: "This document is not part of the campaign's dossier",
  },
  REQUEST_IN_PROGRESS: {
    status: 409,
    vi: 'Yêu cầu này đang được xử lý, hãy thử lại sau giây lát',
    en: 'This request is still being processed; retry shortly',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Dữ liệu gửi lên quá lớn, hãy lưu thành nhiều lần',
    en: 'The request is too large; save in several parts',
  },
  INVALID_TRANSITION: { status: 422, vi: 'Không thể chuyển trạng thái đề nghị như vậy', en: 'The nomination cannot move to that status' },
  RETURN_REASON_MISSING: { status: 422, vi: 'Trả lại hồ sơ cần ghi lý do', en: 'A returned nomination needs a reason' },
  STAGE_REASON_MISSING: {
    status: 422,
    vi: 'Chuyển Đợt thi đua trở lại giai đoạn trước cần ghi lý do',
    en: 'Moving the campaign back a stage needs a reason',
  },
  NO_CANDIDATES: { status: 422, vi: 'Không có đề nghị nào đủ điều kiện đưa ra bình xét', en: 'There are no candidates for a round' },
  NO_PLACES_LEFT: {
    status: 422,
    vi: 'Hình thức khen thưởng này đã đủ số suất; không còn gì để bình xét',
    en: 'This award form has no places left; there is nothing to vote on',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác',
    en: 'The Idempotency-Key was used for a different request',
  },
  ...REGISTER_ERRORS,
  ...COUNCIL_ERRORS,
  ...BALLOT_UPLOAD_ERRORS,
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống, dữ liệu chưa được lưu', en: 'Internal error; nothing was saved' },
} as const satisfies Record<string, { status: number } & Localized>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/**
 * INVALID_TRANSITION's message when the move is into or out of the council's decision (selected, not
 * selected): the user reads why, and what may undo it, not only that the move is not allowed.
 */
export const COUNCIL_DECISION_REFUSED: Localized = {
  vi: 'Trạng thái "Được chọn", "Không được chọn" chỉ do Hội đồng quyết định khi xác nhận kết quả vòng bỏ phiếu, không sửa bằng cách lưu dòng; chỉ quản trị viên được hủy kết quả một vòng đã xác nhận (ghi lý do)',
  en: 'Selected and not selected are decided only by the council, when a round is confirmed, never by saving the row; only an administrator may annul a confirmed round (with a reason)',
};
