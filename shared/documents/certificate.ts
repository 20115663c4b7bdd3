import type { Campaign } from '#shared/campaign';
import type { IsoDate } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import type { CertificateField } from './certificate-layout';
import { awardeeGroups, listLines } from './decision-list';
import { awardedByDecision, identityOf, signatureLines } from './decision';
import { numberLine, placeAndDate } from './format';
import type { DocumentLine } from './register';

/** One certificate: the lines of each field, as the blank receives them (a field with no line prints nothing). */
export type Certificate = Record<CertificateField, string[]>;

export interface CertificatesInput {
  campaign: Campaign;
  units: readonly Unit[];
  people: readonly Person[];
  nominations: readonly Nomination[];
  /** The decision's number in the register, if given yet, and its date. */
  number?: number;
  date: IsoDate;
}

/**
 * The Giấy khen of each awardee of the office's decision (the same selector as the Quyết định, in the
 * order of its attached list: collectives, then individuals): the name, an individual's position and
 * unit, the achievement, the decision's place and date, its number, and who signs it. With them, the
 * lines the register compares between generations (the attached list's, so both documents agree).
 */
export function buildCertificates(input: CertificatesInput): { certificates: Certificate[]; lines: DocumentLine[] } {
  const { campaign } = input;
  const identity = identityOf(campaign);
  const signer = identity.head.signer;
  const number = numberLine(input.number, identity.abbreviations.decision, identity.symbol).slice('Số: '.length);
  const groups = awardeeGroups(awardedByDecision(campaign, input.nominations), input.units, input.people);
  const certificates = groups
    .flatMap((group) => group.rows)
    .map((row) => ({
      name: [row.name],
      position: row.position ? [row.position] : [],
      achievement: [`Đã có thành tích xuất sắc trong ${campaign.title}`],
      placeAndDate: [placeAndDate(identity.placeName, input.date)],
      decisionNumber: [`Quyết định số ${number}`],
      signerTitle: signatureLines(signer),
      signerName: [signer.name],
    }));
  return { certificates, lines: listLines(groups) };
}
