import { NOMINEE_KIND_LABELS, STATUS_LABELS } from '#shared/sheet/labels';
import { choice, choices, date, integer, optionalText, text, yesNo, type Codec } from './codecs';

/**
 * The "Kế hoạch" sheet's one schema: every part of a campaign the sheet shows, where, and how. A block
 * of labelled values (label in column A, value in B), then titled tables (a title in column A, a row of
 * headers, a row per item). plan-layout.ts writes and reads the sheet from this list alone; reading
 * finds labels, titles and headers by their text, so moved rows, blank rows and extra columns are fine.
 */

export const PLAN_SHEET = 'Kế hoạch';
export const PLAN_HEADING = 'KẾ HOẠCH ĐỢT THI ĐUA, KHEN THƯỞNG';
/** The column the add-in writes its messages in, found again by this header in the first row. */
export const MESSAGES_HEADER = 'Kết quả kiểm tra';

export interface PlanField {
  label: string;
  /** Where the value lives in the campaign. */
  path: readonly string[];
  codec: Codec;
  /** A row added after sheets were laid out: a sheet without it keeps the campaign's value instead of asking to reopen. */
  keptWhenAbsent?: true;
}

export interface PlanColumn {
  header: string;
  /** Where the value lives in one item of the table. */
  path: readonly string[];
  codec: Codec;
  width: number;
}

export interface PlanTable {
  title: string;
  path: readonly string[];
  columns: readonly PlanColumn[];
  /** Bilingual texts of an item: English left blank takes the Vietnamese; an optional one blank in both is left out. */
  localized?: Readonly<Record<string, 'required' | 'optional'>>;
  /** An empty table leaves the field out instead of an empty list. */
  optional?: true;
}

const DECIDED_BY = { office: 'Cơ quan quyết định', province: 'Đề nghị cấp tỉnh' } as const;
const SCOPES = { campaign: 'Toàn đợt', unit: 'Từng đơn vị' } as const;
const CRITERIA_RULES = { all: 'Đáp ứng tất cả', any: 'Đáp ứng ít nhất một' } as const;
const COMPARISONS = { '>': 'Trên (>)', '>=': 'Từ (>=)' } as const;
const LATE_SUBMISSIONS = { flag: 'Nhận và đánh dấu', refuse: 'Từ chối' } as const;
const BASES = { members: 'Tổng số thành viên', participants: 'Thành viên tham gia', valid_ballots: 'Số phiếu hợp lệ' } as const;

export const PLAN_FIELDS: readonly PlanField[] = [
  { label: 'Mã đợt thi đua', path: ['id'], codec: text },
  { label: 'Tên đợt thi đua', path: ['title'], codec: text },
  { label: 'Chủ đề', path: ['theme'], codec: text },
  { label: 'Số kế hoạch', path: ['documentNumber'], codec: optionalText },
  { label: 'Ngày kế hoạch', path: ['documentDate'], codec: date },
  { label: 'Cơ quan ban hành', path: ['issuer'], codec: text },
  { label: 'Người ký', path: ['signer'], codec: optionalText },
  { label: 'Thời gian bắt đầu', path: ['period', 'start'], codec: date },
  { label: 'Thời gian kết thúc', path: ['period', 'end'], codec: date },
  { label: 'Hạn nộp hồ sơ (ngày cuối)', path: ['submissionDeadline'], codec: date },
  { label: 'Hồ sơ nộp sau hạn', path: ['lateSubmissions'], codec: choice(LATE_SUBMISSIONS), keptWhenAbsent: true },
  { label: 'Mã đơn vị tổng hợp hồ sơ', path: ['hrUnitId'], codec: text },
  { label: 'Đối tượng: tập thể', path: ['participants', 'collective'], codec: text },
  { label: 'Đối tượng: cá nhân', path: ['participants', 'individual'], codec: text },
  { label: 'Tiêu chuẩn tập thể', path: ['criteriaRule', 'collective'], codec: choice(CRITERIA_RULES) },
  { label: 'Tiêu chuẩn cá nhân', path: ['criteriaRule', 'individual'], codec: choice(CRITERIA_RULES) },
  { label: 'Cho phép gửi đề nghị còn lỗi', path: ['allowIncompleteSubmission'], codec: yesNo },
  { label: 'Bắt buộc đính kèm tệp', path: ['dossierFilesRequired'], codec: yesNo, keptWhenAbsent: true },
  { label: 'Hội đồng: số tham gia tối thiểu (tử số)', path: ['council', 'quorum', 'numerator'], codec: integer },
  { label: 'Hội đồng: số tham gia tối thiểu (mẫu số)', path: ['council', 'quorum', 'denominator'], codec: integer },
  { label: 'Tỷ lệ phiếu đồng ý (%)', path: ['council', 'threshold', 'percent'], codec: integer },
  { label: 'So sánh với tỷ lệ', path: ['council', 'threshold', 'comparison'], codec: choice(COMPARISONS) },
  { label: 'Tỷ lệ tính trên', path: ['council', 'threshold', 'base'], codec: choice(BASES) },
  { label: 'Cho phép bỏ phiếu bằng văn bản', path: ['council', 'allowWrittenVotes'], codec: yesNo },
  { label: 'Ký hiệu đánh dấu trên phiếu', path: ['council', 'voteMark'], codec: text },
];

const code = (header = 'Mã'): PlanColumn => ({ header, path: ['code'], codec: text, width: 24 });
const viEn = (key: string, vi: string, width = 40): PlanColumn[] => [
  { header: vi, path: [key, 'vi'], codec: optionalText, width },
  { header: `${vi} (tiếng Anh)`, path: [key, 'en'], codec: optionalText, width },
];

export const PLAN_TABLES: readonly PlanTable[] = [
  {
    title: 'Căn cứ',
    path: ['legalBasis'],
    columns: [
      { header: 'Số, ký hiệu', path: ['ref'], codec: text, width: 24 },
      { header: 'Ngày ban hành', path: ['date'], codec: date, width: 14 },
      { header: 'Cơ quan ban hành', path: ['issuer'], codec: optionalText, width: 30 },
      { header: 'Trích yếu', path: ['title'], codec: optionalText, width: 60 },
    ],
  },
  {
    title: 'Hình thức khen thưởng',
    path: ['awardForms'],
    columns: [
      code(),
      ...viEn('name', 'Tên hình thức'),
      { header: 'Cấp khen', path: ['grantedBy'], codec: text, width: 30 },
      { header: 'Đối tượng', path: ['nomineeKinds'], codec: choices(NOMINEE_KIND_LABELS), width: 18 },
      { header: 'Thẩm quyền', path: ['decidedBy'], codec: choice(DECIDED_BY), width: 20 },
    ],
    localized: { name: 'required' },
  },
  {
    title: 'Chỉ tiêu khen thưởng',
    path: ['quotaRules'],
    columns: [
      { header: 'Mã chỉ tiêu', path: ['id'], codec: text, width: 24 },
      { header: 'Mã hình thức', path: ['awardForm'], codec: text, width: 24 },
      { header: 'Phạm vi', path: ['scope'], codec: choice(SCOPES), width: 14 },
      { header: 'Tối đa', path: ['max'], codec: integer, width: 8 },
      { header: 'Trạng thái được tính', path: ['countedStatuses'], codec: choices(STATUS_LABELS), width: 30 },
      { header: 'Trạng thái ứng viên', path: ['candidateStatuses'], codec: choices(STATUS_LABELS), width: 40 },
    ],
  },
  {
    title: 'Thành phần hồ sơ',
    path: ['dossierRequirements'],
    columns: [
      code(),
      ...viEn('name', 'Tên tài liệu'),
      ...viEn('label', 'Tên ngắn', 20),
      { header: 'Mẫu', path: ['form'], codec: optionalText, width: 14 },
      { header: 'Căn cứ mẫu', path: ['legalReference'], codec: optionalText, width: 36 },
      ...viEn('note', 'Ghi chú', 36),
    ],
    localized: { name: 'required', label: 'optional', note: 'optional' },
  },
  {
    title: 'Tiêu chuẩn khen thưởng',
    path: ['criteria'],
    columns: [
      code(),
      { header: 'Áp dụng cho', path: ['nomineeKind'], codec: choice(NOMINEE_KIND_LABELS), width: 14 },
      ...viEn('text', 'Nội dung', 60),
      ...viEn('label', 'Tên ngắn', 24),
    ],
    localized: { text: 'required', label: 'optional' },
  },
  {
    title: 'Phong trào thi đua',
    path: ['movements'],
    columns: [code(), ...viEn('name', 'Tên phong trào', 50), ...viEn('label', 'Tên ngắn', 24)],
    localized: { name: 'required', label: 'optional' },
  },
  {
    title: 'Thành viên Hội đồng Thi đua - Khen thưởng',
    path: ['council', 'members'],
    columns: [
      { header: 'Họ và tên', path: ['name'], codec: text, width: 28 },
      { header: 'Chức danh trong Hội đồng', path: ['role'], codec: text, width: 28 },
    ],
  },
  {
    title: 'Ban kiểm phiếu',
    path: ['council', 'countingBoard'],
    columns: [
      { header: 'Họ và tên', path: ['name'], codec: text, width: 28 },
      { header: 'Nhiệm vụ trong Ban', path: ['role'], codec: text, width: 28 },
    ],
    optional: true,
  },
];

/** The widest table: the messages' column comes after it. */
export const PLAN_WIDTH = Math.max(2, ...PLAN_TABLES.map((table) => table.columns.length));
