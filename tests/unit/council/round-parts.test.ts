import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { candidatesFor, formsFor, MAX_ROUND_CANDIDATES, roundSizeRefusal } from '#shared/council/candidates';
import { decodeBallots, encodeBallots } from '#shared/council/ballot-codec';
import {
  gzipPieces,
  packBallots,
  publicRound,
  roundFromItem,
  roundToItem,
  unpackBallots,
  type StoredRound,
} from '#functions/store/round-store';
import type { Ballot } from '#shared/council/round';
import type { Nomination } from '#shared/nomination';
import type { QuotaUsage } from '#shared/rules/quota';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';

const GK = 'GIAY_KHEN_CVP';
const BK = 'BANG_KHEN_CT_UBND';

describe("a round's ballots in parts", () => {
  // Half the ballots name strangers (kept as written, hard to compress), so that the stream is long.
  const ids = ['n1', 'n2', 'n3'];
  const ballots: Ballot[] = Array.from({ length: 2_000 }, (_, i) => ({
    number: i + 1,
    marks: i % 2 === 0 ? { [ids[i % 3]!]: 'x' } : { [randomBytes(16).toString('hex')]: 'x' },
  }));

  it('cut one gzip stream into parts of at most the given size, and read back the same ballots', () => {
    const parts = packBallots(encodeBallots(ballots, ids, 'x'), 5_000);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(5_000);
    expect(decodeBallots(unpackBallots(parts, ids, 'x'), ids)).toEqual(ballots);
  });

  it('read the ballots of a round stored before the compact form (a JSON list of ballots) as the same ballots', () => {
    const stored = gzipPieces(JSON.stringify(ballots), 10_000);
    const read = unpackBallots(stored, ids, 'x');
    expect(read).toEqual(encodeBallots(ballots, ids, 'x'));
    expect(decodeBallots(read, ids)).toEqual(ballots);
  });

  it('keep no ballots as one small part', () => {
    const none = encodeBallots([], ids, 'x');
    expect(packBallots(none).length).toBe(1);
    expect(unpackBallots(packBallots(none), ids, 'x')).toEqual(none);
    expect(unpackBallots([], ids, 'x')).toEqual(none);
  });
});

describe('a round item', () => {
  const round: StoredRound = {
    campaignId: 'c',
    id: '12',
    number: 12,
    status: 'open',
    candidates: [{ nominationId: 'n1', awardForm: GK, name: 'A', nomineeKind: 'individual', unitName: 'U', female: false }],
    forms: [{ awardForm: GK, places: 1 }],
    attendance: { present: 9, writtenVotes: 0 },
    ballotCount: 0,
    ballotsVersion: 0,
    ballotsParts: 0,
    version: 1,
    createdAt: 't',
    createdBy: 'me',
    updatedAt: 't',
    updatedBy: 'me',
  };

  it('keeps the status and counts as attributes, the rest gzipped, and reads back the same round', () => {
    const item = roundToItem(round);
    expect(item).toMatchObject({ PK: 'CAMPAIGN#c', SK: 'ROUND#0012', status: 'open', version: 1, candidateCount: 1 });
    expect(item.candidates).toBeUndefined();
    expect(roundFromItem(item)).toEqual(round);
    expect(publicRound(round)).not.toHaveProperty('ballotsParts');
  });
});

describe("a new round's candidates and places", () => {
  const nomination = (id: string, personId: string, awardForm: string, status: Nomination['status'] = 'eligible'): Nomination => {
    const person = DEMO_PEOPLE.find((p) => p.id === personId)!;
    return {
      id,
      campaignId: 'c',
      unitId: person.unitId,
      nomineeKind: 'individual',
      nomineeId: person.id,
      awardForm,
      achievements: '',
      criteriaMet: [],
      movements: [],
      dossier: {},
      status,
      version: 1,
      createdAt: 't',
      createdBy: 'me',
      updatedAt: 't',
      updatedBy: 'me',
    };
  };
  const registry = { units: DEMO_UNITS, people: DEMO_PEOPLE };
  const usage = (awardForm: string, used: number): QuotaUsage => ({
    ruleId: SEED_CAMPAIGN.quotaRules.find((r) => r.awardForm === awardForm)!.id,
    awardForm,
    scope: 'campaign',
    scopeKey: '*',
    max: 1,
    used,
    candidates: 0,
  });

  it('take names from the registry, women marked, in ballot order', () => {
    const collective: Nomination = {
      ...nomination('n3', 'cb-002', BK),
      nomineeKind: 'collective',
      nomineeId: 'kinh-te',
      unitId: 'kinh-te',
    };
    const unknown: Nomination = { ...nomination('n4', 'cb-003', GK), nomineeId: 'Ông Không Rõ' };
    const candidates = candidatesFor(
      SEED_CAMPAIGN,
      [nomination('n1', 'cb-001', GK), nomination('n2', 'cb-002', GK), collective, unknown],
      registry,
    );
    const cb = (id: string) => DEMO_PEOPLE.find((p) => p.id === id)!;
    expect(candidates[0]).toEqual({
      nominationId: 'n3',
      awardForm: BK,
      name: 'Phòng Kinh tế',
      nomineeKind: 'collective',
      unitName: 'Phòng Kinh tế',
      female: false,
    });
    expect(
      candidates
        .slice(1)
        .map((c) => c.nominationId)
        .sort(),
    ).toEqual(['n1', 'n2', 'n4']);
    expect(candidates.find((c) => c.nominationId === 'n2')).toMatchObject({
      name: cb('cb-002').fullName,
      female: cb('cb-002').gender === 'female',
    });
    expect(candidates.find((c) => c.nominationId === 'n4')).toMatchObject({ name: 'Ông Không Rõ', female: false });
  });

  it('give each form the places its quota has left, or as many as its candidates without a quota', () => {
    const candidates = [nomination('n1', 'cb-001', GK), nomination('n2', 'cb-002', GK), nomination('n3', 'cb-003', BK)];
    expect(formsFor(SEED_CAMPAIGN, candidates, [usage(GK, 0), usage(BK, 1)])).toEqual([
      { awardForm: BK, places: 0 },
      { awardForm: GK, places: 1 },
    ]);
    const noQuota = { ...SEED_CAMPAIGN, quotaRules: [] };
    expect(formsFor(noQuota, candidates, [])).toEqual([
      { awardForm: BK, places: 1 },
      { awardForm: GK, places: 2 },
    ]);
    // A tie's places left cap them further.
    const roomy = { ...SEED_CAMPAIGN, quotaRules: SEED_CAMPAIGN.quotaRules.map((r) => ({ ...r, max: 5 })) };
    expect(formsFor(roomy, candidates, [], new Map([[GK, 1]]))).toEqual([
      { awardForm: BK, places: 5 },
      { awardForm: GK, places: 1 },
    ]);
  });

  it('take up to 1,000 candidates in a round; more is refused with ROUND_TOO_LARGE and the limit', () => {
    expect(MAX_ROUND_CANDIDATES).toBe(1000);
    expect(roundSizeRefusal(1000)).toBeUndefined();
    expect(roundSizeRefusal(1001)).toEqual({ code: 'ROUND_TOO_LARGE', details: { candidates: 1001, maxCandidates: 1000 } });
  });
});
