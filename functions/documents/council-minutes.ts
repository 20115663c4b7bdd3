import type { DocumentQuery } from '#shared/api/documents';
import type { Campaign } from '#shared/campaign';
import { roundRules } from '#shared/council/rules';
import { candidateLines, heldRound, refuseCouncilMinutes } from '#shared/documents/council-minutes';
import type { DocumentLine } from '#shared/documents/register';
import { buildMeetingMinutes } from '#shared/documents/meeting-minutes';
import { buildTallyMinutesDocument } from '#shared/documents/tally-minutes';
import { refuseIf } from '#functions/http/auth';
import type { Db } from '#functions/store/client';
import { getRound, listRounds } from '#functions/store/round-store';
import type { GeneratedFile } from './generated-file';
import { minutesDocx } from './minutes-docx';

/** The document's number and date, when the query gives them. */
const numbered = (query: DocumentQuery) => ({
  ...(query.number !== undefined ? { number: query.number } : {}),
  ...(query.date ? { date: query.date } : {}),
});

/** The register's view of the minutes: the candidates listed, a name for each key. */
function listed(lines: DocumentLine[]) {
  const names = new Map(lines.map((line) => [line.key, line.name]));
  return { lines, nameOf: (key: string) => names.get(key) };
}

/**
 * The Biên bản kiểm phiếu of `?round=` (by default the last round counted) from its stored minutes, the
 * rules it was opened under and its counting board. Refused before any count, or when the round asked
 * for was not counted.
 */
export async function generateTallyMinutes(db: Db, campaign: Campaign, query: DocumentQuery): Promise<GeneratedFile> {
  let number = query.round === undefined ? undefined : Number(query.round);
  if (number === undefined) {
    const held = (await listRounds(db, campaign.id)).filter(heldRound);
    refuseIf(refuseCouncilMinutes(held.length), { heldRounds: 0 });
    number = Math.max(...held.map((round) => round.number));
  }
  const round = await getRound(db, campaign.id, number);
  if (!round.minutes || !round.talliedAt) refuseIf('ROUND_NOT_TALLIED', { roundId: round.id, status: round.status });
  const document = buildTallyMinutesDocument({
    campaign,
    minutes: round.minutes!,
    rules: roundRules(round, campaign),
    talliedAt: round.talliedAt!,
    ...numbered(query),
  });
  return {
    bytes: await minutesDocx(document),
    filename: `Biên bản kiểm phiếu vòng ${round.number} - ${campaign.id}.docx`,
    ...listed(candidateLines([round.minutes!])),
    subject: round.id,
  };
}

/** The Biên bản họp of the council from every round it held (counted, not superseded). Refused before any count. */
export async function generateMeetingMinutes(db: Db, campaign: Campaign, query: DocumentQuery): Promise<GeneratedFile> {
  const held = (await listRounds(db, campaign.id)).filter(heldRound);
  refuseIf(refuseCouncilMinutes(held.length), { heldRounds: 0 });
  const rounds = (await Promise.all(held.map((round) => getRound(db, campaign.id, round.number)))).filter((round) => round.minutes);
  const document = buildMeetingMinutes({ campaign, rounds, ...numbered(query) });
  return {
    bytes: await minutesDocx(document),
    filename: `Biên bản họp Hội đồng - ${campaign.id}.docx`,
    ...listed(candidateLines(rounds.map((round) => round.minutes!))),
  };
}
