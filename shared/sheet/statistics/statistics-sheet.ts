import type { CampaignStatistics, Gender } from '#shared/api/statistics';
import { formatDateVi, todayInVietnam } from '#shared/dates';
import { NOMINEE_KIND_LABELS, STATUS_LABELS } from '#shared/sheet/labels';
import { LayoutBuilder, sourceOf, type Block, type SheetLayout } from './layout';

/** The "Thống kê" sheet: the campaign's figures as tables in A–D, their charts to the right. */
export const STATISTICS_SHEET = 'Thống kê';

export const GENDER_LABELS: Record<Gender, string> = { female: 'Nữ', male: 'Nam', unknown: 'Không rõ' };

const WIDTH = 4;
const NOMINATED = 'Số đề nghị';
const AWARDED = 'Số được khen thưởng';
/** Charts stack in columns F–K, each this many rows tall, from the first table's row. */
const CHART_ROWS = 16;
const CHART_COLUMNS: Pick<Block, 'column' | 'columns'> = { column: 5, columns: 6 };

/**
 * The campaign's figures in the sheet's language (Vietnamese, whoever refreshes it): per unit, per award
 * form, per status, per gender of the individuals, per nominee kind, and the quota usage; with a
 * clustered column chart per unit, a pie per status and a column chart per gender. `asOf`: when the
 * figures were read.
 */
export function statisticsSheet(statistics: CampaignStatistics, asOf: Date, unitName?: string): SheetLayout {
  const b = new LayoutBuilder(STATISTICS_SHEET, WIDTH);
  b.text('THỐNG KÊ ĐỢT THI ĐUA', { bold: true, size: 14 });
  b.text(statistics.title, { bold: true });
  const { start, end } = statistics.period;
  b.text(`Thời gian: ${formatDateVi(start)} – ${formatDateVi(end)}. Số liệu ngày ${formatDateVi(todayInVietnam(asOf))}.`, { italic: true });
  if (statistics.unitId) b.text(`Chỉ gồm hồ sơ của đơn vị ${unitName ?? statistics.unitId} mà đơn vị đang giữ.`, { italic: true });
  b.text(`Tổng số: ${statistics.totals.nominations} đề nghị, ${statistics.totals.awards} được khen thưởng.`);
  b.blank();
  const chartsFrom = b.next;

  const units = statistics.byUnit.map((u) => [u.name, u.nominations, u.awards]);
  const byUnit = b.table('1. Theo đơn vị đề nghị', ['Đơn vị', NOMINATED, AWARDED], units.length > 0 ? units : [['Chưa có hồ sơ', 0, 0]]);
  b.blank();
  b.table(
    '2. Theo hình thức khen thưởng',
    ['Hình thức khen thưởng', NOMINATED, AWARDED],
    statistics.byAwardForm.map((f) => [f.name.vi, f.nominations, f.awards]),
  );
  b.blank();
  const byStatus = b.table(
    '3. Theo trạng thái hồ sơ',
    ['Trạng thái', 'Số hồ sơ'],
    statistics.byStatus.map((s) => [STATUS_LABELS[s.status], s.count]),
  );
  b.blank();
  const byGender = b.table(
    '4. Cá nhân theo giới tính (theo danh sách Cán bộ)',
    ['Giới tính', NOMINATED, AWARDED],
    statistics.byGender.map((g) => [GENDER_LABELS[g.gender], g.nominations, g.awards]),
  );
  b.blank();
  b.table(
    '5. Theo đối tượng',
    ['Đối tượng', NOMINATED, AWARDED],
    statistics.byNomineeKind.map((k) => [NOMINEE_KIND_LABELS[k.nomineeKind], k.nominations, k.awards]),
  );
  b.blank();
  const formName = (code: string) => statistics.byAwardForm.find((f) => f.awardForm === code)?.name.vi ?? code;
  b.table(
    '6. Chỉ tiêu khen thưởng',
    ['Hình thức (phạm vi)', 'Số suất', 'Đã dùng', 'Ứng viên'],
    statistics.quotaUsage.map((q) => [
      `${formName(q.awardForm)} (${q.scope === 'campaign' ? 'toàn đợt' : `đơn vị ${q.scopeKey}`})`,
      q.max,
      q.used,
      q.candidates,
    ]),
  );

  const at = (index: number): Block => ({ row: chartsFrom + index * CHART_ROWS, rows: CHART_ROWS - 1, ...CHART_COLUMNS });
  b.chart({
    name: 'ThongKeTheoDonVi',
    type: 'ColumnClustered',
    title: 'Đề nghị và khen thưởng theo đơn vị',
    source: sourceOf(byUnit),
    at: at(0),
  });
  b.chart({ name: 'ThongKeTheoTrangThai', type: 'Pie', title: 'Hồ sơ theo trạng thái', source: sourceOf(byStatus), at: at(1) });
  b.chart({ name: 'ThongKeTheoGioiTinh', type: 'ColumnClustered', title: 'Cá nhân theo giới tính', source: sourceOf(byGender), at: at(2) });
  return b.build([44, 14, 14, 12, 3]);
}
