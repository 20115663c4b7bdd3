/** A council round's status as the pane names it (Vietnamese), and the step a confirmation cut short is at. */
export const COUNCIL_STATUS_VI = {
  'council.status.open': 'đang nhận phiếu',
  'council.status.tallied': 'đã kiểm phiếu, chờ xác nhận',
  'council.status.confirmed': 'đã xác nhận kết quả',
  'council.status.superseded': 'đã được thay bằng vòng mới',
  'council.status.confirming': 'đang ghi kết quả vào các đề nghị (bước {done}/{total})',
  'council.status.annulling': 'đang hủy kết quả (bước {done}/{total})',
  'council.status.annulled': 'đã hủy kết quả',
  'council.resume': 'Tiếp tục xác nhận',
};

/** The count's ballots sent in parts (issue 13): their progress, and what a dropped network left. */
export const COUNCIL_BALLOTS_VI = {
  'council.sending': 'Đang gửi phiếu lên máy chủ: {sent}/{total} phiếu ({partsSent}/{parts} phần).',
  'council.sendingLabel': 'Tiến độ gửi phiếu',
  'council.sendFailed':
    'Chưa gửi xong các phiếu ({sent}/{total} phiếu đã tới máy chủ, không mất phiếu nào). Kiểm tra kết nối rồi bấm "Kiểm phiếu" lần nữa: chỉ các phần còn thiếu được gửi tiếp.',
};
