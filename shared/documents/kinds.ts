import { z } from 'zod';
import type { OfficeIdentity } from './identity';

/**
 * The office's documents the product writes, one entry each: the path segment that names it
 * (`/documents/{kind}`), its name in the pane, the register it is numbered in (the identity's
 * abbreviation: QĐ, TTr, BB; none for a certificate, which carries the decision's number) and when its
 * data exists. The route, the policy, the register and the pane all read this list; a new document
 * adds its entry here and its writer in functions/documents/.
 */
export const DocumentKind = z.enum([
  'to-trinh-hoi-dong',
  'bien-ban-hop',
  'bien-ban-kiem-phieu',
  'quyet-dinh',
  'to-trinh-bang-khen',
  'giay-khen',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export type RegisterType = keyof OfficeIdentity['abbreviations'];

export interface DocumentKindInfo {
  name: { vi: string; en: string };
  /** The register whose next number the document takes; undefined: it is not numbered. */
  register?: RegisterType;
  /** The council's paperwork, which the council's secretary writes too. */
  council: boolean;
  /** What must exist before it can be written, as the pane explains it. */
  after: 'eligible' | 'round' | 'confirmedRound';
  /** Issuing it (once signed) records a decision that moves its nominations (DECISION_MOVES). */
  issuable?: boolean;
  /** Not numbered itself: it carries the number and date of this document (a certificate, its decision's). */
  numberedAs?: DocumentKind;
}

export const DOCUMENT_KINDS: Record<DocumentKind, DocumentKindInfo> = {
  'to-trinh-hoi-dong': {
    name: { vi: 'Tờ trình đề nghị Hội đồng xét khen thưởng', en: 'Proposal to the council' },
    register: 'proposal',
    council: false,
    after: 'eligible',
  },
  'bien-ban-hop': {
    name: { vi: 'Biên bản họp Hội đồng Thi đua - Khen thưởng', en: "Minutes of the council's meeting" },
    register: 'minutes',
    council: true,
    after: 'round',
  },
  'bien-ban-kiem-phieu': {
    name: { vi: 'Biên bản kiểm phiếu', en: 'Vote-count minutes' },
    register: 'minutes',
    council: true,
    after: 'round',
  },
  'quyet-dinh': {
    name: { vi: 'Quyết định tặng Giấy khen', en: 'Award decision (Giấy khen)' },
    register: 'decision',
    council: false,
    after: 'confirmedRound',
    issuable: true,
  },
  'to-trinh-bang-khen': {
    name: { vi: 'Tờ trình đề nghị tặng Bằng khen', en: 'Proposal of the Bằng khen to the Province' },
    register: 'proposal',
    council: false,
    after: 'confirmedRound',
  },
  'giay-khen': {
    name: { vi: 'Giấy khen (in trên phôi)', en: 'Giấy khen certificates (on the blank)' },
    numberedAs: 'quyet-dinh',
    council: false,
    after: 'confirmedRound',
  },
};

/** In the order the campaign produces them. */
export const DOCUMENT_KIND_LIST: readonly DocumentKind[] = DocumentKind.options;
