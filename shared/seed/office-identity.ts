import { OfficeIdentity } from '#shared/documents/identity';

/**
 * The Office of the Bắc Kạn Provincial People's Committee as its plan (the seed document) names itself:
 * "UBND TỈNH BẮC KẠN / VĂN PHÒNG", "Số: /KH-VP", "Bắc Kạn, ngày …", signed "CHÁNH VĂN PHÒNG Vũ Đức Chính",
 * recipients "LĐVP; … Lưu: VT, HCQT.". The default identity of every campaign's documents.
 */
export const SEED_OFFICE_IDENTITY: OfficeIdentity = OfficeIdentity.parse({
  parentBody: 'UBND TỈNH BẮC KẠN',
  issuingBody: 'VĂN PHÒNG',
  issuingBodyName: 'Văn phòng UBND tỉnh',
  symbol: 'VP',
  placeName: 'Bắc Kạn',
  abbreviations: { decision: 'QĐ', proposal: 'TTr', minutes: 'BB' },
  head: {
    authority: 'CHÁNH VĂN PHÒNG UBND TỈNH BẮC KẠN',
    inText: 'Chánh Văn phòng UBND tỉnh Bắc Kạn',
    signer: { title: 'CHÁNH VĂN PHÒNG', name: 'Vũ Đức Chính' },
  },
  proposer: 'Trưởng phòng Hành chính tổ chức - Quản trị tài vụ',
  // Luật Thi đua, khen thưởng số 06/2022/QH15, passed on 15 June 2022.
  standingBases: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'],
  decisionRecipients: ['Như Điều 3', 'LĐVP'],
  filingUnit: 'HCQT',
  proposals: {
    // The plan names no head of the HR office: the demo office's (shared/seed/demo-office.ts), a made-up name.
    councilSigner: { title: 'TRƯỞNG PHÒNG', name: 'Nguyễn Văn Hùng' },
    councilRecipients: ['Như trên', 'LĐVP'],
    province: { addressee: 'Chủ tịch UBND tỉnh', through: 'Ban Thi đua - Khen thưởng tỉnh', recipients: ['Như trên', 'LĐVP'] },
  },
});
