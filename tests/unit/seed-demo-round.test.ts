import { describe, expect, it } from 'vitest';
import { buildMeetingMinutes } from '#shared/documents/meeting-minutes';
import { buildTallyMinutesDocument } from '#shared/documents/tally-minutes';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { demoHeldRound } from '#shared/seed/demo-round';
import { sha256 } from '#functions/council/sha256';

/** The demo office's round that `npm run docs:previews` shows both Biên bản with. */
describe('the demo round', () => {
  it('is counted and decided: three Giấy khen and one Bằng khen chosen, ballot 9 invalid, the fingerprint printed', async () => {
    const round = await demoHeldRound(SEED_CAMPAIGN, sha256);
    const minutes = round.minutes!;
    expect(minutes.ballots).toEqual({ issued: 9, collected: 9, valid: 8, invalid: 1 });
    expect(minutes.forms.map((form) => form.selectedNames.length)).toEqual([3, 1]);
    const tally = buildTallyMinutesDocument({ campaign: SEED_CAMPAIGN, minutes, rules: round.rules!, talliedAt: round.talliedAt! });
    const meeting = buildMeetingMinutes({ campaign: SEED_CAMPAIGN, rounds: [round] });
    const text = (doc: typeof tally) => doc.blocks.map((block) => (block.kind === 'table' ? '' : block.text)).join('\n');
    expect(text(tally)).toContain(round.result!.fingerprint!.sha256);
    expect(text(meeting)).toMatch(/Đề nghị tặng Giấy khen .* cho 3 tập thể, cá nhân/);
  });
});
