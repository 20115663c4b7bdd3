/**
 * The documents' bench (issue 9): the Quyết định with an attached list of 1,000 awardees and HR's Tờ
 * trình to the council with 5,000 nominations, built in-process from synthetic rows of the demo office
 * (bench/rows.ts): content (shared/documents) and the .docx (functions/documents), the median of a few
 * runs each, the file's size, and its size as the API answers it (base64 in JSON) against Lambda's
 * 6 MB response. Goal: under 1 s each. Run alone with `npx tsx bench/documents.ts`; `npm run bench`
 * runs it last (BENCH_DOCUMENTS=0 skips it).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Nomination } from '#shared/nomination';
import { buildAwardDecision, officeAwardForm } from '#shared/documents/decision';
import { buildCouncilProposal } from '#shared/documents/proposal';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import type { NominationStatus } from '#shared/status';
import { decisionDocx } from '#functions/documents/decision-docx';
import { councilProposalDocx } from '#functions/documents/proposal-docx';
import { makeRows } from './rows';

const RESPONSE_LIMIT = 6 * 1024 * 1024;
const REPEATS = Number(process.env.BENCH_DOCUMENT_REPEATS ?? 3);
const GOAL_MS = 1000;

/** The rows as stored, in the status a document lists; the decision's all for the office's form. */
export function stored(count: number, status: NominationStatus, awardForm?: string): Nomination[] {
  return makeRows(count).map((row, i) => ({
    ...row,
    ...(awardForm ? { awardForm } : {}),
    status,
    id: `N${String(i).padStart(6, '0')}`,
    campaignId: SEED_CAMPAIGN.id,
    version: 1,
    createdAt: '2025-09-20T02:00:00.000Z',
    createdBy: 'bench',
    updatedAt: '2025-09-20T02:00:00.000Z',
    updatedBy: 'bench',
  }));
}

interface Measured {
  name: string;
  rows: number;
  medianMs: number;
  bytes: number;
}

async function measure(name: string, rows: number, make: () => Promise<Buffer>): Promise<Measured> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPEATS; i += 1) {
    const start = performance.now();
    bytes = (await make()).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, rows, medianMs: times[Math.floor(times.length / 2)]!, bytes };
}

export async function runDocumentsBench(): Promise<Measured[]> {
  if (process.env.BENCH_DOCUMENTS === '0') return [];
  const registry = { units: DEMO_UNITS, people: DEMO_PEOPLE };
  const awardees = stored(1000, 'selected', officeAwardForm(SEED_CAMPAIGN)!.code);
  const eligible = stored(5000, 'eligible');
  const results = [
    await measure('Quyết định + danh sách kèm theo', awardees.length, () =>
      decisionDocx(
        buildAwardDecision({
          campaign: SEED_CAMPAIGN,
          ...registry,
          nominations: awardees,
          councilDate: '2025-10-01',
          number: 5,
          date: '2025-10-05',
        }),
      ),
    ),
    await measure('Tờ trình đề nghị Hội đồng', eligible.length, () =>
      councilProposalDocx(
        buildCouncilProposal({ campaign: SEED_CAMPAIGN, ...registry, nominations: eligible, number: 3, date: '2025-09-30' }),
      ),
    ),
  ];
  console.log('\nDocuments (in-process: content and .docx; median of %d)', REPEATS);
  for (const r of results) {
    const answered = Math.ceil(r.bytes / 3) * 4;
    const verdict = r.medianMs < GOAL_MS && answered < RESPONSE_LIMIT ? 'PASS' : 'MISS';
    console.log(
      `  ${r.name}, ${r.rows.toLocaleString('en')} rows: ${Math.round(r.medianMs)} ms (goal < ${GOAL_MS} ms), ` +
        `${Math.round(r.bytes / 1024)} KB, ${Math.round(answered / 1024)} KB as answered of ${RESPONSE_LIMIT / 1024 / 1024} MB ${verdict}`,
    );
  }
  console.log(`BENCH_DOCUMENTS_JSON ${JSON.stringify(results)}`);
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runDocumentsBench();
