import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import { isConfirmed } from '#shared/council/round-status';
import { todayInVietnam } from '#shared/dates';
import { buildCertificates } from '#shared/documents/certificate';
import { awardedByDecision, refuseDecision } from '#shared/documents/decision';
import { nomineeNames } from '#shared/documents/decision-list';
import { refuseIf } from '#functions/http/auth';
import { readCertificateLayout } from '#functions/org/certificate-layout';
import type { Db } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { loadRegistry } from '#functions/store/org-store';
import { listRounds } from '#functions/store/round-store';
import { certificatesDocx } from './certificate-docx';
import { certificateGridDocx } from './certificate-grid-docx';
import type { GeneratedFile } from './generated-file';

/**
 * The Giấy khen on the office's blank, at the office's layout: a page per awardee of the decision,
 * refused as the decision is (no confirmed round, nobody selected). The test print (`grid=1`) needs
 * no data: the office calibrates its printer before the council meets.
 */
export async function generateCertificates(db: Db, campaign: Campaign, query: DocumentQuery, now: Date): Promise<GeneratedFile> {
  const { layout } = await readCertificateLayout(db);
  if (query.grid) {
    const bytes = await certificateGridDocx(layout);
    return { bytes, filename: `Giấy khen - bản in thử - ${campaign.id}.docx`, lines: [], nameOf: () => undefined };
  }
  const [rounds, registry, nominations] = await Promise.all([
    listRounds(db, campaign.id),
    loadRegistry(db),
    loadAllNominations(db, campaign.id),
  ]);
  const confirmedRounds = rounds.filter(isConfirmed).length;
  refuseIf(refuseDecision(confirmedRounds, awardedByDecision(campaign, nominations).length), { confirmedRounds });
  const { certificates, lines } = buildCertificates({
    campaign,
    units: registry.units,
    people: registry.people,
    nominations,
    date: query.date ?? todayInVietnam(now),
    ...(query.number !== undefined ? { number: query.number } : {}),
  });
  return {
    bytes: await certificatesDocx(layout, certificates),
    filename: `Giấy khen - ${campaign.id}.docx`,
    lines,
    nameOf: nomineeNames(nominations, registry.units, registry.people),
  };
}
