import type { YearlyForm, YearlyStatistics } from '#shared/api/statistics';
import { identityKey } from '#shared/text';
import { LayoutBuilder, NO_DATA, type SheetLayout } from './layout';

/**
 * The yearly summary in the layout of the statistics forms on emulation and commendation of Thông tư
 * 02/2023/TT-BNV (biểu 0601–0605), one sheet each: what they count, the numbers of emulation titles and
 * of commendation forms by level, for collectives and individuals. Every figure the product's data can
 * give is filled; every one it cannot is left blank, shaded, with a note saying so, never guessed.
 */
export const LEGAL_BASIS = 'Căn cứ Thông tư số 02/2023/TT-BNV của Bộ trưởng Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ.';

const OUTSIDE = `${NO_DATA}: phần mềm chỉ giữ các đợt thi đua của cơ quan.`;
const NOT_RECORDED = `${NO_DATA}: danh sách Cán bộ không ghi thông tin này.`;
const UNKNOWN_GENDER = (n: number) => ({ noData: `${NO_DATA}: danh sách Cán bộ không ghi giới tính của ${n} người được khen thưởng.` });

/** How the law names a form: an emulation title, a commendation form, or the State's (decided outside the office). */
export type FormCategory = 'title' | 'commendation' | 'state';

const PREFIXES: [FormCategory, string[]][] = [
  ['state', ['huân chương', 'huy chương', 'danh hiệu vinh dự', 'giải thưởng', 'bằng khen của thủ tướng']],
  ['title', ['lao động tiên tiến', 'chiến sĩ thi đua', 'tập thể lao động', 'cờ thi đua', 'danh hiệu']],
  ['commendation', ['bằng khen', 'giấy khen', 'kỷ niệm chương']],
];

/** A form's category from its Vietnamese name (Luật Thi đua, khen thưởng 2022's names); undefined when it names none. */
export function categoryOf(form: Pick<YearlyForm, 'name'>): FormCategory | undefined {
  const name = identityKey(form.name.vi);
  return PREFIXES.find(([, prefixes]) => prefixes.some((prefix) => name.startsWith(identityKey(prefix))))?.[0];
}

const FORM_HEADERS = [
  'Danh hiệu, hình thức',
  'Cấp tặng',
  'Tập thể: đề nghị',
  'Tập thể: được tặng',
  'Cá nhân: đề nghị',
  'Cá nhân: được tặng',
  'Trong đó nữ',
] as const;

/** Women among the awarded: exact only when the registry knows every awarded individual's gender. */
function women(form: YearlyForm): number | { noData: string } {
  return form.individual.awardedUnknownGender > 0 ? UNKNOWN_GENDER(form.individual.awardedUnknownGender) : form.individual.awardedFemale;
}

function header(b: LayoutBuilder, code: string, title: string, year: YearlyStatistics): void {
  b.text(`Biểu ${code}`, { bold: true, align: 'Right' });
  b.text(title.toUpperCase(), { bold: true, size: 13, align: 'Center' });
  b.text(LEGAL_BASIS, { italic: true });
  const campaigns = year.campaigns.map((c) => c.title).join('; ');
  b.text(`Năm báo cáo ${year.year}: ${year.campaigns.length} đợt thi đua kết thúc trong năm${campaigns ? ` (${campaigns})` : ''}.`);
  b.text(
    `Ô nền xám có ghi chú «${NO_DATA}»: số liệu phần mềm không có, để trống, không ước tính. Đối chiếu mẫu biểu ban hành kèm Thông tư trước khi gửi.`,
    {
      italic: true,
    },
  );
  b.blank();
}

function formsSheet(code: string, title: string, category: FormCategory, year: YearlyStatistics): SheetLayout {
  const b = new LayoutBuilder(`Biểu ${code}`, FORM_HEADERS.length);
  header(b, code, title, year);
  const forms = year.forms.filter((form) => categoryOf(form) === category);
  const rows = forms.map((f) => [
    f.name.vi,
    f.grantedBy,
    f.collective.nominations,
    f.collective.awards,
    f.individual.nominations,
    f.individual.awards,
    women(f),
  ]);
  const none = ['Các đợt trong năm không xét hình thức nào thuộc biểu này', '', null, null, null, null, null];
  b.table(title, FORM_HEADERS, rows.length > 0 ? rows : [none], `${NO_DATA}: các đợt thi đua của năm không xét hình thức này.`);
  return b.build([44, 30, 12, 12, 12, 12, 12]);
}

const STATE_FORMS = [
  'Huân chương',
  'Huy chương',
  'Danh hiệu vinh dự Nhà nước',
  'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước',
  'Bằng khen của Thủ tướng Chính phủ',
];

function stateSheet(year: YearlyStatistics): SheetLayout {
  const b = new LayoutBuilder('Biểu 0603', FORM_HEADERS.length);
  const title = 'Khen thưởng cấp Nhà nước';
  header(b, '0603', title, year);
  const known = year.forms.filter((form) => categoryOf(form) === 'state');
  const rows = STATE_FORMS.map((name) => {
    const form = known.find((f) => identityKey(f.name.vi).startsWith(identityKey(name)));
    if (!form) return [name, '', null, null, null, null, null];
    return [
      name,
      form.grantedBy,
      form.collective.nominations,
      form.collective.awards,
      form.individual.nominations,
      form.individual.awards,
      women(form),
    ];
  });
  b.table(title, FORM_HEADERS, rows, OUTSIDE);
  return b.build([44, 30, 12, 12, 12, 12, 12]);
}

function subjectsSheet(year: YearlyStatistics): SheetLayout {
  const b = new LayoutBuilder('Biểu 0604', 3);
  const title = 'Khen thưởng theo đối tượng';
  header(b, '0604', title, year);
  const sum = (pick: (f: YearlyForm) => number) => year.forms.reduce((total, form) => total + pick(form), 0);
  const unknownGender = sum((f) => f.individual.awardedUnknownGender);
  const awardedWomen = unknownGender > 0 ? UNKNOWN_GENDER(unknownGender) : sum((f) => f.individual.awardedFemale);
  b.table(
    title,
    ['Đối tượng', 'Số đề nghị', 'Số được khen thưởng'],
    [
      ['Tập thể', sum((f) => f.collective.nominations), sum((f) => f.collective.awards)],
      ['Cá nhân', sum((f) => f.individual.nominations), sum((f) => f.individual.awards)],
      ['Trong đó: nữ', null, awardedWomen],
      ['Trong đó: lãnh đạo, quản lý', null, null],
      ['Trong đó: người dân tộc thiểu số', null, null],
    ],
    NOT_RECORDED,
  );
  return b.build([44, 14, 18]);
}

function movementsSheet(year: YearlyStatistics): SheetLayout {
  const b = new LayoutBuilder('Biểu 0605', 2);
  const title = 'Phong trào thi đua';
  header(b, '0605', title, year);
  b.table(
    title,
    ['Chỉ tiêu', 'Số lượng'],
    [
      ['Số đợt thi đua kết thúc trong năm', year.campaigns.length],
      ['Số phong trào thi đua được phát động trong các đợt', year.movements],
      ['Số sáng kiến, giải pháp được công nhận', null],
      ['Số đơn thư khiếu nại, tố cáo về thi đua, khen thưởng', null],
    ],
    OUTSIDE,
  );
  return b.build([60, 14]);
}

/** The five sheets, "Biểu 0601" to "Biểu 0605", of a year's figures. */
export function yearlyFormSheets(year: YearlyStatistics): SheetLayout[] {
  return [
    formsSheet('0601', 'Danh hiệu thi đua', 'title', year),
    formsSheet('0602', 'Hình thức khen thưởng', 'commendation', year),
    stateSheet(year),
    subjectsSheet(year),
    movementsSheet(year),
  ];
}
