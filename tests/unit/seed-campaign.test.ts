import { describe, expect, it } from 'vitest';
import { Campaign, HR_UNIT_ID, SEED_CAMPAIGN } from '#shared/index';
import { HR_OFFICE } from './fixtures';

/** The seed campaign as plain data, to change one thing and ask the schema. */
const seedData = (): Record<string, any> => structuredClone(SEED_CAMPAIGN);

describe('SEED_CAMPAIGN holds every figure of the plan', () => {
  // Kế hoạch, title: "Phát động Đợt thi đua đặc biệt lập thành tích chào mừng các ngày lễ lớn ...".
  it('title: "Đợt thi đua đặc biệt ... hướng tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", issued by the Office', () => {
    expect(SEED_CAMPAIGN.title).toMatch(/^Đợt thi đua đặc biệt lập thành tích chào mừng các ngày lễ lớn/);
    expect(SEED_CAMPAIGN.title).toMatch(/Đại hội đại biểu toàn quốc lần thứ XIV của Đảng$/);
    expect(SEED_CAMPAIGN.issuer).toBe('Văn phòng UBND tỉnh Bắc Kạn');
    expect(SEED_CAMPAIGN.signer).toContain('Vũ Đức Chính');
  });

  // Kế hoạch, preamble: "Thực hiện Kế hoạch số 645/KH-UBND ngày 25/9/2024 của UBND tỉnh".
  it('preamble "Thực hiện Kế hoạch số 645/KH-UBND ngày 25/9/2024": the first legal basis', () => {
    expect(SEED_CAMPAIGN.legalBasis[0]).toMatchObject({ ref: '645/KH-UBND', date: '2024-09-25', issuer: 'UBND tỉnh Bắc Kạn' });
  });

  // Kế hoạch II.4: "Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị"; III.2.c: "Nghị định số 98/2023/NĐ-CP".
  it('II.4 "Chỉ thị số 34-CT/TW, ngày 07/4/2014" and III.2.c "Nghị định số 98/2023/NĐ-CP" are in the legal basis', () => {
    const refs = Object.fromEntries(SEED_CAMPAIGN.legalBasis.map((ref) => [ref.ref, ref]));
    expect(refs['34-CT/TW']).toMatchObject({ date: '2014-04-07', issuer: 'Bộ Chính trị' });
    expect(refs['98/2023/NĐ-CP']).toMatchObject({ issuer: 'Chính phủ' });
  });

  // Kế hoạch II.1: "Chủ đề thi đua".
  it('II.1 "Chủ đề thi đua": the theme', () => {
    expect(SEED_CAMPAIGN.theme).toMatch(/^Đảng bộ, Chính quyền và Nhân dân các dân tộc tỉnh Bắc Kạn ra sức thi đua/);
    expect(SEED_CAMPAIGN.theme).toContain('nhiệm kỳ 2020 - 2025');
  });

  // Kế hoạch II.2: "Từ ngày 01/10/2024 đến hết ngày 30/9/2025".
  it('II.2 "Từ ngày 01/10/2024 đến hết ngày 30/9/2025": the period', () => {
    expect(SEED_CAMPAIGN.period).toEqual({ start: '2024-10-01', end: '2025-09-30' });
  });

  // Kế hoạch IV.1: "gửi hồ sơ ... về phòng Hành chính tổ chức - Quản trị tài vụ trước ngày 01/10/2025".
  it('IV.1 "trước ngày 01/10/2025": the last day is 30/09/2025, at the HR office', () => {
    expect(SEED_CAMPAIGN.submissionDeadline).toBe('2025-09-30');
    expect(SEED_CAMPAIGN.hrUnitId).toBe(HR_UNIT_ID);
    expect(HR_OFFICE.name).toBe('Phòng Hành chính tổ chức - Quản trị tài vụ');
  });

  // Kế hoạch II.3 "Đối tượng thi đua".
  it('II.3 "Tập thể gồm: Các phòng, ban, đơn vị ..."; "Cá nhân gồm: Toàn thể cán bộ, công chức, viên chức, người lao động ..."', () => {
    expect(SEED_CAMPAIGN.participants).toEqual({
      collective: 'Các phòng, ban, đơn vị trực thuộc Văn phòng',
      individual: 'Toàn thể cán bộ, công chức, viên chức, người lao động trong Văn phòng',
    });
  });

  // Kế hoạch III.2.a "Hình thức khen thưởng".
  it('III.2.a "đề nghị tặng Giấy khen của Chánh Văn phòng" / "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh": both forms', () => {
    expect(SEED_CAMPAIGN.awardForms.map((form) => [form.code, form.name.vi, form.decidedBy, form.nomineeKinds])).toEqual([
      ['BANG_KHEN_CT_UBND', 'Bằng khen của Chủ tịch UBND tỉnh', 'province', ['collective', 'individual']],
      ['GIAY_KHEN_CVP', 'Giấy khen của Chánh Văn phòng', 'office', ['collective', 'individual']],
    ]);
    for (const form of SEED_CAMPAIGN.awardForms) expect(form.name.en).toMatch(/^Certificate of Merit/);
  });

  // Kế hoạch III.2.b: "Lựa chọn không quá 01 tập thể hoặc cá nhân" (for each form).
  it('III.2.b "Lựa chọn không quá 01 tập thể hoặc cá nhân": max 1 for each form, whole office, counting the selected', () => {
    expect(SEED_CAMPAIGN.quotaRules).toHaveLength(2);
    expect(SEED_CAMPAIGN.quotaRules.map((rule) => rule.awardForm)).toEqual(['BANG_KHEN_CT_UBND', 'GIAY_KHEN_CVP']);
    for (const rule of SEED_CAMPAIGN.quotaRules) {
      expect(rule).toMatchObject({ max: 1, scope: 'campaign' });
      expect(rule.countedStatuses).toContain('selected');
      expect(rule.countedStatuses).not.toContain('submitted');
      expect(rule.countedStatuses).not.toContain('eligible');
      expect(rule.candidateStatuses).toEqual(expect.arrayContaining(['submitted', 'eligible']));
    }
  });

  // Kế hoạch III.2.c "Thành phần hồ sơ khen thưởng, gồm": three documents.
  it('III.2.c "Tờ trình ...; Biên bản cuộc họp xét khen thưởng; Báo cáo thành tích (Mẫu số 08 ... Nghị định số 98/2023/NĐ-CP)"', () => {
    expect(SEED_CAMPAIGN.dossierRequirements.map((doc) => [doc.code, doc.name.vi])).toEqual([
      ['TO_TRINH', 'Tờ trình đề nghị khen thưởng'],
      ['BIEN_BAN_HOP_XET', 'Biên bản cuộc họp xét khen thưởng'],
      ['BAO_CAO_THANH_TICH', 'Báo cáo thành tích'],
    ]);
    const report = SEED_CAMPAIGN.dossierRequirements[2]!;
    // The form and the decree are configuration (98/2023 was replaced by 152/2025 from 01/7/2025), not code.
    expect(report.form).toBe('Mẫu số 08');
    expect(report.legalReference).toBe('Nghị định số 98/2023/NĐ-CP của Chính phủ');
    expect(SEED_CAMPAIGN.dossierRequirements[1]!.note?.vi).toContain('phân tích làm rõ thành tích');
  });

  // Kế hoạch III.1 "Tiêu chuẩn khen thưởng": "Đối với tập thể" (4) and "Đối với cá nhân" (2).
  it('III.1 "Đối với tập thể: Ban hành kế hoạch kịp thời ..."; "Đối với cá nhân: Có hành động, việc làm ..."', () => {
    const byKind = (kind: string) => SEED_CAMPAIGN.criteria.filter((c) => c.nomineeKind === kind).map((c) => c.code);
    expect(byKind('collective')).toEqual(['TT_KE_HOACH', 'TT_BAO_CAO_TONG_KET', 'TT_CONG_TRINH_DE_AN', 'TT_THANH_TICH_XUAT_SAC']);
    expect(byKind('individual')).toEqual(['CN_HANH_DONG_VIEC_LAM', 'CN_SANG_KIEN_GIAI_PHAP']);
    const text = (code: string) => SEED_CAMPAIGN.criteria.find((c) => c.code === code)!.text.vi;
    expect(text('TT_KE_HOACH')).toMatch(/^Ban hành kế hoạch kịp thời/);
    expect(text('TT_BAO_CAO_TONG_KET')).toContain('báo cáo tổng kết');
    expect(text('TT_CONG_TRINH_DE_AN')).toContain('công trình, đề án, đề tài khoa học');
    expect(text('TT_THANH_TICH_XUAT_SAC')).toContain('năm 2024, 2025');
    expect(text('CN_HANH_DONG_VIEC_LAM')).toMatch(/^Có hành động, việc làm thiết thực hiệu quả/);
    expect(text('CN_SANG_KIEN_GIAI_PHAP')).toContain('sáng kiến, giải pháp');
  });

  // Kế hoạch II.4: "Tích cực hưởng ứng các phong trào thi đua do Trung ương và tỉnh phát động, cụ thể: ..." (7).
  it('II.4 "các phong trào thi đua ... cụ thể": the seven movements, named as in the plan', () => {
    expect(SEED_CAMPAIGN.movements.map((m) => m.name.vi)).toEqual([
      'Bắc Kạn chung tay xây dựng nông thôn mới',
      'Bắc Kạn chung tay vì người nghèo - không để ai bị bỏ lại phía sau',
      'Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở',
      'Bắc Kạn đẩy mạnh chương trình chuyển đổi số',
      'Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí',
      'Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030',
      'Chung tay xóa nhà tạm, nhà dột nát trên địa bàn tỉnh Bắc Kạn trong năm 2025',
    ]);
    expect(new Set(SEED_CAMPAIGN.movements.map((m) => m.code)).size).toBe(7);
  });

  // Kế hoạch IV.2: "tham mưu Hội đồng Thi đua - Khen thưởng họp bình xét theo quy định" (the seed's defaults).
  it('IV.2 "Hội đồng Thi đua - Khen thưởng họp bình xét": quorum 2/3, more than 50% of the members', () => {
    expect(SEED_CAMPAIGN.council.quorum).toEqual({ numerator: 2, denominator: 3 });
    expect(SEED_CAMPAIGN.council.threshold).toEqual({ percent: 50, comparison: '>', base: 'members' });
    expect(SEED_CAMPAIGN.council.members[0]).toEqual({ name: 'Vũ Đức Chính', role: 'Chủ tịch Hội đồng' });
  });

  it('the seed passes its own schema unchanged', () => {
    expect(Campaign.parse(seedData())).toEqual(SEED_CAMPAIGN);
  });
});

describe('Campaign.parse refuses what contradicts the plan', () => {
  // Kế hoạch II.2: "Từ ngày 01/10/2024 đến hết ngày 30/9/2025" — a period must end after it starts.
  it('II.2: a period ending before it starts', () => {
    const data = seedData();
    data.period = { start: '2025-09-30', end: '2024-10-01' };
    const result = Campaign.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toContainEqual(['period', 'end']);
  });

  // Kế hoạch IV.1: "trước ngày 01/10/2025" — a deadline before the campaign starts.
  it('IV.1: a submission deadline before the period starts', () => {
    const data = seedData();
    data.submissionDeadline = '2024-09-30';
    const result = Campaign.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([['submissionDeadline']]);
  });

  // Kế hoạch III.2.b: the quotas are "Đối với Bằng khen ..." / "Đối với Giấy khen ..." — forms of the plan only.
  it('III.2.b: a quota rule for an award form the campaign does not have', () => {
    const data = seedData();
    data.quotaRules[1].awardForm = 'HUAN_CHUONG';
    const result = Campaign.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ['quotaRules', 1, 'awardForm'], message: 'unknown award form' }),
    ]);
  });

  it('unknown fields, at the top level and inside (strict objects)', () => {
    const top = seedData();
    top.chiTieu = 1;
    expect(Campaign.safeParse(top).error!.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['chiTieu'] })]);
    const inner = seedData();
    inner.awardForms[0].mucTien = 1_000_000;
    expect(Campaign.safeParse(inner).error!.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', path: ['awardForms', 0], keys: ['mucTien'] }),
    ]);
  });

  it('a date that is not a calendar date, and a negative quota', () => {
    const badDate = seedData();
    badDate.period.end = '2025-02-30';
    expect(Campaign.safeParse(badDate).success).toBe(false);
    const badQuota = seedData();
    badQuota.quotaRules[0].max = -1;
    expect(Campaign.safeParse(badQuota).success).toBe(false);
  });
});
