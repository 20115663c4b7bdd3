import type { Campaign } from '#shared/campaign';
import { ballotsFingerprint, type Sha256 } from '#shared/council/fingerprint';
import { buildMinutes } from '#shared/council/minutes';
import type { Ballot, Candidate, RoundForm } from '#shared/council/round';
import { tally } from '#shared/council/tally';
import type { HeldRound } from '#shared/documents/meeting-minutes';
import { DEMO_PEOPLE, DEMO_UNITS } from './demo-office';

/**
 * A council round of the demo office, held, counted and confirmed, built in-process without a store:
 * what `npm run docs:previews` shows the council's two Biên bản with. Eight members present and one
 * voting in writing; three Giấy khen places among a collective and four staff, one Bằng khen place
 * between a collective and one person; ballot 9 marks four candidates for the three Giấy khen places
 * (invalid). Opened 08:30 on 2 October 2025 in Vietnam, counted 09:15, confirmed 09:40. The hash is the
 * caller's, as for every fingerprint (shared/council/fingerprint.ts).
 */
export async function demoHeldRound(campaign: Campaign, sha256: Sha256): Promise<HeldRound> {
  const unit = (id: string) => DEMO_UNITS.find((u) => u.id === id)!;
  const person = (i: number): Candidate => {
    const who = DEMO_PEOPLE[i]!;
    return {
      nominationId: who.id,
      awardForm: 'GIAY_KHEN_CVP',
      name: who.fullName,
      nomineeKind: 'individual',
      unitName: unit(who.unitId).name,
      female: who.gender === 'female',
    };
  };
  const collective = (id: string, awardForm: string): Candidate => ({
    nominationId: id,
    awardForm,
    name: unit(id).name,
    nomineeKind: 'collective',
    unitName: '',
    female: false,
  });
  const [a, b, c, d, e] = [collective('trung-tam-hcc', 'GIAY_KHEN_CVP'), person(3), person(9), person(17), person(25)];
  const [x, y] = [collective('tong-hop', 'BANG_KHEN_CT_UBND'), { ...person(30), awardForm: 'BANG_KHEN_CT_UBND' }];
  const candidates = [a, b, c, d, e, x, y];
  const forms: RoundForm[] = [
    { awardForm: 'GIAY_KHEN_CVP', places: 3 },
    { awardForm: 'BANG_KHEN_CT_UBND', places: 1 },
  ];
  const marked = [
    [a, b, c, x],
    [a, b, c, x],
    [a, b, c, x],
    [a, b, d, x],
    [a, b, c, x],
    [a, c, e, y],
    [a, b, d, x],
    [b, c, e, y],
    [a, b, c, d, x],
  ];
  const ballots: Ballot[] = marked.map((on, i) => ({
    number: i + 1,
    marks: Object.fromEntries(on.map((candidate) => [candidate.nominationId, campaign.council.voteMark])),
  }));
  const attendance = { present: 8, writtenVotes: 1 };
  const rules = campaign.council;
  const result = {
    ...tally(rules, { candidates, forms, attendance, ballots }),
    fingerprint: await ballotsFingerprint(1, ballots, sha256),
  };
  const createdAt = '2025-10-02T01:30:00.000Z';
  const minutes = buildMinutes({ campaign, round: { number: 1, candidates, rules, createdAt }, result, date: '2025-10-02' });
  const [talliedAt, confirmedAt] = ['2025-10-02T02:15:00.000Z', '2025-10-02T02:40:00.000Z'];
  return { number: 1, status: 'confirmed', createdAt, talliedAt, confirmedAt, rules, result, minutes };
}
