import { Campaign } from '#shared/campaign';

/** The HR office the plan names: it consolidates the dossiers (section IV.1 of the plan). */
export const HR_UNIT_ID = 'hctc-qttv';

/**
 * The plan "Phát động Đợt thi đua đặc biệt … năm 2025" of the Office of the Provincial People's Committee
 * of Bắc Kạn, as data. Every figure of the plan is here, with the section it comes from.
 */
export const SEED_CAMPAIGN: Campaign = Campaign.parse({
  id: 'dot-thi-dua-dac-biet-2025',
  title:
    'Đợt thi đua đặc biệt lập thành tích chào mừng các ngày lễ lớn, sự kiện lịch sử quan trọng trong năm 2025, chào mừng Đại hội Đảng bộ các cấp, hướng tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
  // II.1 Chủ đề thi đua.
  theme:
    'Đảng bộ, Chính quyền và Nhân dân các dân tộc tỉnh Bắc Kạn ra sức thi đua, quyết tâm phấn đấu hoàn thành và hoàn thành vượt mức các mục tiêu, nhiệm vụ thực hiện Nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ 2020 - 2025, hướng tới chào mừng Đại hội Đảng bộ các cấp, Đại hội Thi đua yêu nước và các ngày lễ lớn, sự kiện lịch sử quan trọng trong năm 2025',
  documentNumber: '/KH-VP',
  issuer: 'Văn phòng UBND tỉnh Bắc Kạn',
  signer: 'Chánh Văn phòng Vũ Đức Chính',
  // Preamble: the plan carries out Kế hoạch 645/KH-UBND of 25/9/2024.
  legalBasis: [
    {
      ref: '645/KH-UBND',
      date: '2024-09-25',
      issuer: 'UBND tỉnh Bắc Kạn',
      title: 'Phát động Đợt thi đua đặc biệt lập thành tích chào mừng các ngày lễ lớn, sự kiện lịch sử quan trọng trong năm 2025',
    },
    // The plan cites it "về tiếp tục đổi mới công tác thi đua, khen thưởng".
    { ref: '34-CT/TW', date: '2014-04-07', issuer: 'Bộ Chính trị', title: 'tiếp tục đổi mới công tác thi đua, khen thưởng' },
    // Of 31/12/2023; its Mẫu số 08 is the dossier's achievement report (dossierRequirements below).
    {
      ref: '98/2023/NĐ-CP',
      date: '2023-12-31',
      issuer: 'Chính phủ',
      title: 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    },
  ],
  // II.2 Thời gian phát động: từ ngày 01/10/2024 đến hết ngày 30/9/2025.
  period: { start: '2024-10-01', end: '2025-09-30' },
  // IV.1: hồ sơ gửi về phòng Hành chính tổ chức - Quản trị tài vụ trước ngày 01/10/2025.
  submissionDeadline: '2025-09-30',
  hrUnitId: HR_UNIT_ID,
  // II.3 Đối tượng thi đua.
  participants: {
    collective: 'Các phòng, ban, đơn vị trực thuộc Văn phòng',
    individual: 'Toàn thể cán bộ, công chức, viên chức, người lao động trong Văn phòng',
  },
  // III.2.a Hình thức khen thưởng.
  awardForms: [
    {
      code: 'BANG_KHEN_CT_UBND',
      name: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "Certificate of Merit of the Provincial People's Committee Chairman" },
      grantedBy: 'Chủ tịch Ủy ban nhân dân tỉnh',
      decidedBy: 'province',
      nomineeKinds: ['collective', 'individual'],
    },
    {
      code: 'GIAY_KHEN_CVP',
      name: { vi: 'Giấy khen của Chánh Văn phòng', en: 'Certificate of Merit of the Chief of Office' },
      grantedBy: 'Chánh Văn phòng UBND tỉnh',
      decidedBy: 'office',
      nomineeKinds: ['collective', 'individual'],
    },
  ],
  // III.2.b Số lượng khen thưởng: không quá 01 tập thể hoặc cá nhân cho mỗi hình thức.
  quotaRules: [
    {
      id: 'QUOTA_BANG_KHEN',
      awardForm: 'BANG_KHEN_CT_UBND',
      max: 1,
      scope: 'campaign',
      countedStatuses: ['selected', 'awarded'],
      candidateStatuses: ['submitted', 'eligible', 'selected', 'awarded'],
    },
    {
      id: 'QUOTA_GIAY_KHEN',
      awardForm: 'GIAY_KHEN_CVP',
      max: 1,
      scope: 'campaign',
      countedStatuses: ['selected', 'awarded'],
      candidateStatuses: ['submitted', 'eligible', 'selected', 'awarded'],
    },
  ],
  // III.2.c Thành phần hồ sơ khen thưởng.
  dossierRequirements: [
    {
      code: 'TO_TRINH',
      label: { vi: 'Tờ trình', en: 'Proposal' },
      name: { vi: 'Tờ trình đề nghị khen thưởng', en: 'Proposal letter' },
      note: { vi: 'Của các phòng, ban, đơn vị', en: 'From the nominating unit' },
    },
    {
      code: 'BIEN_BAN_HOP_XET',
      label: { vi: 'Biên bản họp xét', en: 'Review minutes' },
      name: { vi: 'Biên bản cuộc họp xét khen thưởng', en: 'Minutes of the review meeting' },
      note: {
        vi: 'Trong đó có phân tích làm rõ thành tích của tập thể, cá nhân đáp ứng theo tiêu chuẩn khen thưởng',
        en: 'Analysing how the achievements meet the award criteria',
      },
    },
    {
      code: 'BAO_CAO_THANH_TICH',
      label: { vi: 'Báo cáo thành tích', en: 'Achievement report' },
      name: { vi: 'Báo cáo thành tích', en: 'Achievement report' },
      form: 'Mẫu số 08',
      legalReference: 'Nghị định số 98/2023/NĐ-CP của Chính phủ',
    },
  ],
  // III.1 Tiêu chuẩn khen thưởng.
  criteria: [
    {
      code: 'TT_KE_HOACH',
      label: { vi: 'Kế hoạch, triển khai', en: 'Plan issued and carried out' },
      nomineeKind: 'collective',
      text: {
        vi: 'Ban hành kế hoạch kịp thời và triển khai thực hiện Đợt thi đua thiết thực, phù hợp với tình hình thực tế',
        en: 'Issued a plan promptly and carried out the campaign practically',
      },
    },
    {
      code: 'TT_BAO_CAO_TONG_KET',
      label: { vi: 'Báo cáo tổng kết', en: 'Summary report' },
      nomineeKind: 'collective',
      text: {
        vi: 'Có báo cáo tổng kết đánh giá kết quả Đợt thi đua theo quy định',
        en: 'Reported on the results of the campaign as required',
      },
    },
    {
      code: 'TT_CONG_TRINH_DE_AN',
      label: { vi: 'Công trình, đề án', en: 'Applied works, schemes' },
      nomineeKind: 'collective',
      text: {
        vi: 'Có công trình, đề án, đề tài khoa học được áp dụng hiệu quả',
        en: 'Has works, schemes or research projects applied effectively',
      },
    },
    {
      code: 'TT_THANH_TICH_XUAT_SAC',
      label: { vi: 'Thành tích xuất sắc', en: 'Outstanding achievements' },
      nomineeKind: 'collective',
      text: {
        vi: 'Có thành tích xuất sắc tiêu biểu nổi bật trong thực hiện nhiệm vụ chính trị, chuyên môn, nhiệm vụ đột xuất, góp phần hoàn thành xuất sắc nhiệm vụ, chỉ tiêu năm 2024, 2025',
        en: 'Outstanding achievements in political, professional and unexpected tasks, helping to excel at the 2024 and 2025 targets',
      },
    },
    {
      code: 'CN_HANH_DONG_VIEC_LAM',
      label: { vi: 'Hành động, việc làm', en: 'Concrete actions' },
      nomineeKind: 'individual',
      text: {
        vi: 'Có hành động, việc làm thiết thực hiệu quả góp phần hoàn thành xuất sắc nhiệm vụ được giao, giúp cơ quan hoàn thành tốt (đạt và vượt mức) các nhiệm vụ trọng tâm',
        en: "Concrete, effective actions that helped excel at assigned tasks and the office's key tasks",
      },
    },
    {
      code: 'CN_SANG_KIEN_GIAI_PHAP',
      label: { vi: 'Sáng kiến, giải pháp', en: 'Initiatives, solutions' },
      nomineeKind: 'individual',
      text: {
        vi: 'Có đề tài, sáng kiến, giải pháp, cách làm hay giúp giảm chi phí, rút ngắn thời gian hoặc đem lại lợi ích thiết thực cho cộng đồng, xã hội',
        en: 'Initiatives or solutions that cut cost or time, or bring real benefit to the community',
      },
    },
  ],
  // III.1: "Đối với tập thể: ... và ...; có ..." (every one) / "Đối với cá nhân: ... hoặc ..." (any one).
  criteriaRule: { collective: 'all', individual: 'any' },
  // II.4: the seven emulation movements the office takes part in.
  movements: [
    {
      code: 'NONG_THON_MOI',
      label: { vi: 'Nông thôn mới', en: 'New rural areas' },
      name: { vi: 'Bắc Kạn chung tay xây dựng nông thôn mới', en: 'Bắc Kạn builds new rural areas together' },
    },
    {
      code: 'VI_NGUOI_NGHEO',
      label: { vi: 'Vì người nghèo', en: 'For the poor' },
      name: { vi: 'Bắc Kạn chung tay vì người nghèo - không để ai bị bỏ lại phía sau', en: 'Bắc Kạn for the poor: no one left behind' },
    },
    {
      code: 'VAN_HOA_CONG_SO',
      label: { vi: 'Văn hóa công sở', en: 'Office culture' },
      name: { vi: 'Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở', en: 'Civil servants practise office culture' },
    },
    {
      code: 'CHUYEN_DOI_SO',
      label: { vi: 'Chuyển đổi số', en: 'Digital transformation' },
      name: { vi: 'Bắc Kạn đẩy mạnh chương trình chuyển đổi số', en: 'Bắc Kạn advances digital transformation' },
    },
    {
      code: 'HA_TANG_TIET_KIEM',
      label: { vi: 'Hạ tầng, tiết kiệm', en: 'Infrastructure, thrift' },
      name: {
        vi: 'Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí',
        en: 'Modern infrastructure; thrift and fighting waste',
      },
    },
    {
      code: 'XA_HOI_HOC_TAP',
      label: { vi: 'Xã hội học tập', en: 'Learning society' },
      name: {
        vi: 'Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030',
        en: 'A learning society and lifelong learning, 2023–2030',
      },
    },
    {
      code: 'XOA_NHA_TAM',
      label: { vi: 'Xóa nhà tạm', en: 'Replacing makeshift houses' },
      name: {
        vi: 'Chung tay xóa nhà tạm, nhà dột nát trên địa bàn tỉnh Bắc Kạn trong năm 2025',
        en: 'Replacing makeshift and dilapidated houses in Bắc Kạn in 2025',
      },
    },
  ],
  // The council's voting rules (docs/architecture.md, "A council round"): defaults each council may change.
  council: {
    members: [
      { name: 'Vũ Đức Chính', role: 'Chủ tịch Hội đồng' },
      { name: 'Hoàng Thị Lan', role: 'Phó Chủ tịch Hội đồng' },
      { name: 'Nông Văn Bình', role: 'Phó Chủ tịch Hội đồng' },
      { name: 'Lường Thị Hà', role: 'Thư ký Hội đồng' },
      { name: 'Triệu Văn Sơn', role: 'Ủy viên' },
      { name: 'Ma Thị Hồng', role: 'Ủy viên' },
      { name: 'Hà Văn Đức', role: 'Ủy viên' },
      { name: 'Bế Thị Mai', role: 'Ủy viên' },
      { name: 'Lục Văn Toàn', role: 'Ủy viên' },
    ],
    quorum: { numerator: 2, denominator: 3 },
    threshold: { percent: 50, comparison: '>', base: 'members' },
    allowWrittenVotes: true,
    voteMark: 'x',
  },
});
