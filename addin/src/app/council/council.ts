import type { StoredCampaign } from '#shared/api/index';
import { ballotSheetName, ballotSheetSchema, type BallotSheetSchema } from '#shared/council/ballot-sheet';
import type { Sha256 } from '#shared/council/fingerprint';
import { paperBallot } from '#shared/council/paper-ballot';
import { roundRules } from '#shared/council/rules';
import type { VotingRound } from '#shared/council/voting-round';
import { isApiRequestError } from '#addin/api/index';
import type { CouncilSheets } from '#addin/excel/council-gateway';
import { minutesSheetName, resultSheetName } from '#addin/excel/council-layout';
import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { awaitsConfirmation, isConfirmed, isLiveRound, mayAnnulRound, takesBallots } from '#shared/council/round-status';
import { refuseCouncil, runsTheVote } from '#shared/policy/council';
import { hasTie, participating, type CouncilActions, type CouncilState } from './council-state';
import { checkBallots, shortHash, webSha256 } from './fingerprint-check';
import { createBallotSender } from './send-ballots';

/**
 * The council's vote, as the secretary (or an administrator) runs it from the pane: the ballot sheet,
 * the count (the sheet's ballots → PUT ballots → POST tally → the result sheet), the minutes, the
 * confirmation (then the nomination sheet reloaded through the pane's own load, which keeps unsaved
 * edits), and a further round among the tied. Each Excel step is one CouncilSheets call (a constant
 * number of syncs); the pane's state carries the round as the server returned it.
 */

export function createCouncil(core: PaneCore, sheets: CouncilSheets, reloadSheet: () => Promise<void>, sha256: Sha256 = webSha256) {
  const { api, store, memory } = core;
  let shownFor: string | undefined;
  const sendBallots = createBallotSender(
    core,
    () => campaign(),
    (patch) => setCouncil(patch),
  );

  const campaign = (): StoredCampaign | undefined => (memory.campaign?.id === store.state.campaignId ? memory.campaign : undefined);
  const council = () => store.state.council;
  const setCouncil = (patch: Partial<CouncilState>) => {
    const current = council();
    if (current) store.set({ council: { ...current, ...patch } });
  };

  function schemaFor(round: VotingRound, ballots: number): BallotSheetSchema {
    const c = campaign()!;
    return ballotSheetSchema({
      round: round.number,
      candidates: round.candidates,
      forms: round.forms,
      awardForms: c.awardForms,
      // The mark of the rules the round was opened under: the tally judges the marks by them.
      voteMark: roundRules(round, c).voteMark,
      ballots,
    });
  }

  /** The latest round of the campaign that is not superseded, in full. */
  async function latestRound(campaignId: string): Promise<VotingRound | undefined> {
    const rounds = await api.listRounds(campaignId);
    const latest = rounds.filter((r) => r.status !== 'superseded').sort((a, b) => b.number - a.number)[0];
    return latest ? api.getRound(campaignId, latest.id) : undefined;
  }

  /** Shows the council part for the secretary and admin, on each change of user or campaign. */
  function follow(): void {
    const { user, campaignId } = store.state;
    const c = campaign();
    const key = runsTheVote(user) && c ? `${user!.email}#${c.id}` : undefined;
    if (key === shownFor) return;
    shownFor = key;
    if (!key || !c) {
      if (store.state.council) store.set({ council: undefined });
      return;
    }
    const members = c.council.members.length;
    store.set({
      council: {
        members,
        allowWrittenVotes: c.council.allowWrittenVotes,
        voteMark: c.council.voteMark,
        formNames: Object.fromEntries(c.awardForms.map((form) => [form.code, form.name])),
        attendance: { present: members, writtenVotes: 0 },
        mayAnnul: !refuseCouncil(user!, 'annul'),
      },
    });
    void core.track(
      latestRound(campaignId!)
        .then((round) => {
          if (shownFor === key && round) setCouncil({ round, attendance: round.attendance });
        })
        .catch((error: unknown) => core.fail(error)),
    );
  }
  store.subscribe(follow);

  /** One council action: exclusive with the sheet's other operations, busy meanwhile, syncs counted. */
  async function act(work: (state: CouncilState, campaignId: string) => Promise<void>): Promise<void> {
    const state = council();
    const campaignId = store.state.campaignId;
    if (!state || !campaignId || !runsTheVote(store.state.user)) return;
    await core.track(
      core.exclusive(async () => {
        const before = sheets.syncCount;
        store.set({ busy: true, error: undefined, notice: undefined, refusals: undefined });
        try {
          await work(council() ?? state, campaignId);
        } catch (error) {
          core.fail(error);
        } finally {
          setCouncil({ lastSyncs: sheets.syncCount - before });
          store.set({ busy: false });
        }
      }),
    );
  }

  async function writeBallotSheet(round: VotingRound, ballots: number) {
    const schema = schemaFor(round, ballots);
    const outcome = await sheets.writeBallotSheet(schema);
    setCouncil({ round });
    store.set({
      notice:
        outcome === 'created'
          ? localized('council.ballotSheetCreated', { sheet: schema.sheetName, n: ballots })
          : localized('council.ballotSheetKept', { sheet: schema.sheetName }),
    });
  }

  /** The ballots typed into the round's sheet; undefined, with the reason shown, when the sheet is missing or needs fixing. */
  async function readBallots(round: VotingRound, state: CouncilState) {
    const schema = schemaFor(round, participating(state));
    const parsed = await sheets.readBallotSheet(schema);
    if (!parsed) {
      store.set({ error: localized('council.noBallotSheet', { sheet: schema.sheetName }) });
      return undefined;
    }
    if (parsed.problems.length > 0) {
      const problems = parsed.problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('; ');
      store.set({ error: localized('council.sheetProblems', { problems }) });
      return undefined;
    }
    return parsed;
  }

  /** Recounts the fingerprint from the ballot sheet and says whether it is the one the tally stored. */
  const checkFingerprint = () =>
    act(async (state) => {
      const round = state.round;
      const stored = round?.result?.fingerprint;
      if (!round || !stored) {
        store.set({ error: localized(round?.result ? 'council.fingerprintMissing' : 'council.notTallied') });
        return;
      }
      const parsed = await readBallots(round, state);
      if (!parsed) return;
      const check = await checkBallots(round, stored, parsed.ballots, sha256);
      const params = {
        n: round.number,
        sheet: ballotSheetName(round.number),
        stored: shortHash(stored),
        computed: shortHash(check.recomputed),
      };
      if (check.matches) store.set({ notice: localized('council.fingerprintMatch', params) });
      else store.set({ error: localized('council.fingerprintMismatch', params) });
    });

  /** Confirms the round; a confirmation whose answer was lost (retried: ROUND_CONFIRMED) reads the round back. */
  async function confirm(campaignId: string, round: VotingRound): Promise<VotingRound> {
    try {
      return await api.confirmRound(campaignId, round.id, round.version);
    } catch (error) {
      if (isApiRequestError(error) && error.code === 'ROUND_CONFIRMED') return api.getRound(campaignId, round.id);
      throw error;
    }
  }

  const closed = (round: VotingRound) => !isLiveRound(round);

  /** An administrator annuls the confirmed round in hand, with the reason. */
  async function annulResult(reason: string): Promise<void> {
    let annulled = false;
    await act(async (state, campaignId) => {
      const round = state.round;
      if (!round || !mayAnnulRound(round) || !state.mayAnnul) return;
      if (reason.trim().length < 5) {
        store.set({ error: localized('council.annulReason') });
        return;
      }
      const done = await api.annulRound(campaignId, round.id, reason.trim(), round.version);
      setCouncil({ round: done });
      // The minutes as kept: marked annulled, the reason first in the conclusion.
      if (done.minutes) await sheets.writeMinutesSheet(done.minutes);
      annulled = true;
    });
    if (!annulled) return;
    // The decisions went back to eligible: the nomination sheet shows it after the pane's own load.
    await reloadSheet();
    if (!store.state.error) store.set({ notice: localized('council.annulled', { n: council()?.round?.number ?? '' }) });
  }

  const actions: CouncilActions = {
    annulResult,
    checkFingerprint,
    setAttendance(attendance) {
      setCouncil({ attendance });
    },

    createBallotSheet: () =>
      act(async (state, campaignId) => {
        const open = takesBallots(state.round) ? state.round : undefined;
        const round = open ?? (await api.createRound(campaignId, { attendance: state.attendance }));
        await writeBallotSheet(round, participating(state));
      }),

    printBallots: () =>
      act(async (state) => {
        const round = state.round;
        if (!takesBallots(round)) {
          store.set({ error: localized('council.printNeedsRound') });
          return;
        }
        const ballot = paperBallot({ campaign: campaign()!, round: round! });
        const { pageSetup } = await sheets.writePaperBallot(ballot);
        const notice = pageSetup ? 'council.paperWritten' : 'council.paperNoPage';
        store.set({ notice: localized(notice, { sheet: ballot.sheetName, n: participating(state) }) });
      }),

    countBallots: () =>
      act(async (state, campaignId) => {
        const round = state.round;
        if (!round || closed(round)) {
          store.set({ error: localized('council.closed') });
          return;
        }
        const parsed = await readBallots(round, state);
        if (!parsed) return;
        await sendBallots(campaignId, round, parsed.ballots, state.attendance);
        const tallied = await api.tallyRound(campaignId, round.id);
        setCouncil({ round: tallied });
        await sheets.writeResultSheet({
          round: tallied.number,
          campaignTitle: campaign()!.title,
          result: tallied.result!,
          minutes: tallied.minutes!,
        });
        store.set({ notice: localized('council.counted', { n: parsed.ballots.length, sheet: resultSheetName(tallied.number) }) });
      }),

    writeMinutes: () =>
      act(async (state) => {
        const minutes = state.round?.minutes;
        if (!minutes) {
          store.set({ error: localized('council.notTallied') });
          return;
        }
        const { pageSetup } = await sheets.writeMinutesSheet(minutes);
        store.set({
          notice: localized(pageSetup ? 'council.minutesWritten' : 'council.minutesNoPage', { sheet: minutesSheetName(minutes.round) }),
        });
      }),

    async confirmResult() {
      let confirmed = false;
      await act(async (state, campaignId) => {
        const round = state.round;
        if (!round || !awaitsConfirmation(round)) {
          store.set({ error: localized('council.notTallied') });
          return;
        }
        setCouncil({ round: await confirm(campaignId, round) });
        confirmed = true;
      });
      if (!confirmed) return;
      // The statuses the confirmation wrote, brought into the nomination sheet by the pane's own load.
      await reloadSheet();
      const round = council()?.round;
      if (round && !store.state.error) store.set({ notice: localized('council.confirmed', { n: round.number }) });
    },

    async newTieRound() {
      const round = council()?.round;
      if (!hasTie(round)) return;
      if (awaitsConfirmation(round)) {
        await actions.confirmResult();
        if (!isConfirmed(council()?.round)) return;
      }
      await act(async (state, campaignId) => {
        const source = state.round!;
        const next = await api.createRound(campaignId, { attendance: state.attendance, fromRoundId: source.id });
        await writeBallotSheet(next, participating(state));
      });
    },
  };

  return { actions, follow };
}
