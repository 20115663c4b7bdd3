import { z } from 'zod';

const Line = z.string().trim().min(1).max(200);

/**
 * Who signs: the title in capitals as it stands above the signature ("CHÁNH VĂN PHÒNG") and the name.
 * Signing for someone else adds its mark and whose place ("KT." + "CHÁNH VĂN PHÒNG" above "PHÓ CHÁNH VĂN PHÒNG").
 */
export const Signer = z.strictObject({
  capacity: z.enum(['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.']).optional(),
  onBehalfOf: Line.optional(),
  title: Line,
  name: Line,
});
export type Signer = z.infer<typeof Signer>;

/**
 * The Tờ trình: the HR office's to the council (signed by its head) and the office's to the province
 * proposing the province's award (signed by the head of the office), each with its addressees and its
 * recipients before the filing line.
 */
export const ProposalsIdentity = z.strictObject({
  /** The head of the HR office, who signs the Tờ trình to the council: "TRƯỞNG PHÒNG" and the name. */
  councilSigner: Signer,
  /** The Tờ trình to the council's recipients before its filing line, e.g. "Như trên". */
  councilRecipients: z.array(Line).max(20),
  /** Whom the office proposes the province's award to: "Chủ tịch UBND tỉnh", through its board. */
  province: z.strictObject({
    addressee: Line,
    /** "Ban Thi đua - Khen thưởng tỉnh", written "(qua …)" under the addressee. */
    through: Line.optional(),
    recipients: z.array(Line).max(20),
  }),
});
export type ProposalsIdentity = z.infer<typeof ProposalsIdentity>;

/**
 * The office as its documents name it. Configuration, never code: offices rename and provinces merge
 * (Bắc Kạn joined Thái Nguyên in 2025), and a campaign's documents keep the identity it was run under.
 * The seed's values are the default (shared/seed/office-identity.ts).
 */
export const OfficeIdentity = z.strictObject({
  /** Tên cơ quan chủ quản, in capitals: "UBND TỈNH BẮC KẠN". */
  parentBody: Line,
  /** Tên cơ quan ban hành, in capitals: "VĂN PHÒNG". */
  issuingBody: Line,
  /** Its name in a sentence ("Văn phòng UBND tỉnh"), and its symbol in a document number ("VP"). */
  issuingBodyName: Line,
  symbol: z.string().regex(/^[A-ZĐ0-9]{1,12}$/),
  /** The place before the date: "Bắc Kạn". */
  placeName: Line,
  /** The abbreviation of each kind of document the product writes (Phụ lục III of Nghị định 30/2020). */
  abbreviations: z.strictObject({
    decision: z.string().min(1).max(8),
    proposal: z.string().min(1).max(8),
    minutes: z.string().min(1).max(8),
  }),
  /** The head of the office, who decides the Giấy khen: the authority line of the decision and the signer. */
  head: z.strictObject({
    /** In capitals, above the Căn cứ lines: "CHÁNH VĂN PHÒNG UBND TỈNH BẮC KẠN". */
    authority: Line,
    /** As a sentence names it: "Chánh Văn phòng UBND tỉnh Bắc Kạn". */
    inText: Line,
    signer: Signer,
  }),
  /** Who proposes the award in the decision's "Theo đề nghị của …" (the head of the HR office). */
  proposer: Line,
  /** Bases every decision of the office cites before the campaign's own (the law, the office's statute), each without "Căn cứ" or ";". */
  standingBases: z.array(z.string().trim().min(1).max(500)).max(10),
  /** The decision's recipients before its filing line, e.g. "Như Điều 3", "LĐVP". */
  decisionRecipients: z.array(Line).max(20),
  /** The filing line's drafting unit: "Lưu: VT, HCQT." */
  filingUnit: z.string().trim().min(1).max(20),
  /** Optional, so that identities stored before it keep parsing: absent, the seed's (proposalsOf). */
  proposals: ProposalsIdentity.optional(),
});
export type OfficeIdentity = z.infer<typeof OfficeIdentity>;
