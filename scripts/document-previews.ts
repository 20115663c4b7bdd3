/**
 * `npm run docs:previews`: the first page of each of the office's documents as a PNG under
 * docs/documents/, for the README. Each is built from the demo office and synthetic rows (the bench's),
 * the council's two Biên bản from a synthetic round of it (shared/seed/demo-round.ts), laid out as the
 * API lays it out, converted by LibreOffice (soffice) and rendered by poppler (pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCertificates } from '#shared/documents/certificate';
import { DEFAULT_CERTIFICATE_LAYOUT } from '#shared/documents/certificate-layout';
import { buildAwardDecision, officeAwardForm } from '#shared/documents/decision';
import { buildMeetingMinutes } from '#shared/documents/meeting-minutes';
import { buildCouncilProposal } from '#shared/documents/proposal';
import { buildProvinceProposal, provinceAwardForm } from '#shared/documents/proposal-province';
import { buildTallyMinutesDocument } from '#shared/documents/tally-minutes';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { demoHeldRound } from '#shared/seed/demo-round';
import { sha256 } from '#functions/council/sha256';
import { certificatesDocx } from '#functions/documents/certificate-docx';
import { decisionDocx } from '#functions/documents/decision-docx';
import { minutesDocx } from '#functions/documents/minutes-docx';
import { councilProposalDocx, provinceProposalDocx } from '#functions/documents/proposal-docx';
import { stored } from '#bench/documents';

const campaign = SEED_CAMPAIGN;
const registry = { units: DEMO_UNITS, people: DEMO_PEOPLE };
const giayKhen = stored(6, 'selected', officeAwardForm(campaign)!.code);
const bangKhen = stored(3, 'selected', provinceAwardForm(campaign)!.code);
// The council's round, held and counted in-process (shared/seed/demo-round.ts), for both Biên bản.
const round = await demoHeldRound(campaign, sha256);

const documents: Record<string, () => Promise<Buffer>> = {
  'to-trinh-hoi-dong': () =>
    councilProposalDocx(
      buildCouncilProposal({ campaign, ...registry, nominations: stored(12, 'eligible'), number: 3, date: '2025-09-30' }),
    ),
  'quyet-dinh': () =>
    decisionDocx(
      buildAwardDecision({ campaign, ...registry, nominations: giayKhen, councilDate: '2025-10-01', number: 5, date: '2025-10-05' }),
    ),
  'to-trinh-bang-khen': () =>
    provinceProposalDocx(
      buildProvinceProposal({ campaign, ...registry, nominations: bangKhen, councilDate: '2025-10-01', number: 4, date: '2025-10-06' }),
    ),
  'bien-ban-hop-hoi-dong': () => minutesDocx(buildMeetingMinutes({ campaign, rounds: [round], number: 2, date: '2025-10-02' })),
  'bien-ban-kiem-phieu': () =>
    minutesDocx(
      buildTallyMinutesDocument({ campaign, minutes: round.minutes!, rules: round.rules!, talliedAt: round.talliedAt!, number: 1 }),
    ),
  'giay-khen': async () =>
    certificatesDocx(
      DEFAULT_CERTIFICATE_LAYOUT,
      buildCertificates({ campaign, ...registry, nominations: giayKhen, number: 5, date: '2025-10-05' }).certificates,
    ),
};

const out = join(process.cwd(), 'docs', 'documents');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'thidua-previews-'));
try {
  for (const [name, make] of Object.entries(documents)) {
    const docx = join(work, `${name}.docx`);
    writeFileSync(docx, await make());
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
      {
        stdio: 'ignore',
      },
    );
    execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-scale-to', '900', '-singlefile', join(work, `${name}.pdf`), join(out, name)]);
    console.log(`docs/documents/${name}.png`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
