/** The pane's "Thống kê" section (Vietnamese): kept apart so that each catalog stays readable. */
export const STATISTICS_VI = {
  'statistics.heading': 'Thống kê',
  'statistics.hint':
    'Trang "Thống kê": số đề nghị và số được khen thưởng theo đơn vị, hình thức, trạng thái, giới tính, đối tượng và chỉ tiêu, kèm biểu đồ.',
  'statistics.refresh': 'Mở / làm mới thống kê',
  'statistics.refreshed': 'Đã cập nhật trang "Thống kê": {n} đề nghị, {awards} được khen thưởng, {charts} biểu đồ.',
  'statistics.year': 'Năm báo cáo',
  'statistics.export': 'Xuất biểu thống kê năm',
  'statistics.exportHint': 'Các trang "Biểu 0601"…"Biểu 0605" theo Thông tư 02/2023/TT-BNV, từ các đợt thi đua kết thúc trong năm.',
  'statistics.exported': 'Đã xuất {sheets} trang biểu năm {year} từ {n} đợt thi đua; ô nền xám là số liệu phần mềm không có.',
  'statistics.badYear': 'Năm báo cáo phải là số có 4 chữ số, ví dụ 2025.',
} as const;
