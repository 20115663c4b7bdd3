import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { councilSettings, formsOf, makeBallots, makeCandidates } from '#bench/council-ballots';
import { MAX_ROUND_CANDIDATES } from '#shared/council/candidates';
import { buildMinutes } from '#shared/council/minutes';
import { planSteps, startedRound } from '#shared/council/round-steps';
import { tally } from '#shared/council/tally';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { roundToItem, type StoredRound } from '#functions/store/round-store';

/**
 * The round item of the largest round (1,000 candidates with realistic Vietnamese names and units, its
 * tally of 2,000 ballots, its minutes, and while confirming its 1,000 decisions and their plan) must
 * fit DynamoDB's 400 KB item: its data is gzipped under round-store's 350 KB.
 */
describe('a round of 1,000 candidates as stored', () => {
  it('fits the round item, confirming (the largest it gets) included', () => {
    const candidates = makeCandidates(MAX_ROUND_CANDIDATES);
    const forms = formsOf(candidates, 'realistic');
    const rules = councilSettings(200);
    const { ballots } = makeBallots(candidates, forms, 2000, 'realistic');
    const attendance = { present: 1000, writtenVotes: 1000 };
    const campaign = { ...SEED_CAMPAIGN, council: rules };
    const result = {
      ...tally(rules, { candidates, forms, attendance, ballots }),
      fingerprint: { format: 'thidua-ballots-v1', sha256: 'a'.repeat(64) },
    };
    const at = '2025-10-01T02:00:00.000Z';
    const base: StoredRound = {
      campaignId: campaign.id,
      id: '1',
      number: 1,
      status: 'tallied',
      candidates,
      forms,
      rules,
      attendance,
      ballotCount: 2000,
      ballotsVersion: 1,
      ballotsParts: 1,
      talliedBallotsVersion: 1,
      result,
      version: 3,
      createdAt: at,
      createdBy: 'thuky@thidua.local',
      updatedAt: at,
      updatedBy: 'thuky@thidua.local',
    };
    const round = { ...base, minutes: buildMinutes({ campaign, round: base, result, date: '2025-10-01' }) };
    const decisions = candidates.map((c) => ({ nominationId: c.nominationId, from: 'eligible' as const, to: 'not_selected' as const }));
    const counters = [{ ruleId: 'QUOTA_GIAY_KHEN', scopeKey: 'campaign', delta: 150, max: 150 }];
    const pending = {
      action: 'confirm' as const,
      versions: decisions.map(() => 2),
      counters,
      steps: planSteps(1000, counters),
      fromVersion: 3,
    };
    const confirming = startedRound(round, pending, decisions, { email: 'thuky@thidua.local', at });

    const sizes = [round, confirming].map((r) => {
      const item = roundToItem(r);
      return { data: (item.data as Uint8Array).length, json: JSON.stringify(r).length };
    });
    console.log(
      `1,000-candidate round: tallied ${JSON.stringify(sizes[0])} bytes, confirming ${JSON.stringify(sizes[1])} bytes (gzipped data, JSON)`,
    );
    expect(sizes[1]!.data).toBeLessThan(350 * 1024);
    // The plain attributes beside it (status, counts, progress) are small: the whole item stays far under 400 KB.
    expect(gzipSync(JSON.stringify(confirming.progress)).length).toBeLessThan(1024);
  });
});
