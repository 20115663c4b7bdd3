import type { StoredCampaign } from '#shared/api/index';
import { encodeBallots } from '#shared/council/ballot-codec';
import type { Attendance, Ballot } from '#shared/council/round';
import { roundRules } from '#shared/council/rules';
import type { VotingRound } from '#shared/council/voting-round';
import type { BallotsProgress } from '#addin/api/index';
import { hashText } from '#addin/api/hash';
import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { CouncilState } from './council-state';

/**
 * The count's ballots on their way to the server (issue 13): compact, in parts, the progress in the
 * council's state and the pane's notice. The upload is kept while the same ballots are unsent, so that
 * pressing "Kiểm phiếu" again after a dropped network asks which parts arrived and sends only the others;
 * other ballots (a mark changed meanwhile) start a new upload.
 */
export function createBallotSender(
  core: PaneCore,
  campaign: () => StoredCampaign | undefined,
  setCouncil: (patch: Partial<CouncilState>) => void,
) {
  let pending: { key: string; upload: { uploadId?: string } } | undefined;

  return async function sendBallots(campaignId: string, round: VotingRound, ballots: readonly Ballot[], attendance: Attendance) {
    const mark = roundRules(round, campaign()!).voteMark;
    const compact = encodeBallots(
      ballots,
      round.candidates.map((c) => c.nominationId),
      mark,
    );
    const key = `${campaignId}#${round.id}#${hashText(JSON.stringify([attendance, compact]))}`;
    if (pending?.key !== key) pending = { key, upload: {} };
    let last: BallotsProgress | undefined;
    const onProgress = (progress: BallotsProgress) => {
      last = progress;
      setCouncil({ sending: progress });
      core.store.set({ notice: localized('council.sending', { ...progress }) });
    };
    try {
      const done = await core.api.sendBallots(campaignId, round.id, compact, { attendance, upload: pending.upload, onProgress });
      pending = undefined;
      return done;
    } catch (error) {
      if (last) core.store.set({ notice: localized('council.sendFailed', { sent: last.sent, total: last.total }) });
      throw error;
    } finally {
      setCouncil({ sending: undefined });
    }
  };
}
