import type { Role, User } from '#shared/org';
import { roleMaySetStatus } from './nominations';
import { unlessRole, type Refusal } from './roles';

/** What the council's work asks of a user: running the vote, or reading its rounds. */
export type CouncilAction = 'openRound' | 'submitBallots' | 'tally' | 'confirm' | 'annul' | 'readRounds';

/** The council's secretary runs the vote; an administrator may stand in. */
const RUNS_THE_VOTE: readonly Role[] = ['secretary', 'admin'];

const COUNCIL_ROLES: Record<CouncilAction, readonly Role[]> = {
  openRound: RUNS_THE_VOTE,
  submitBallots: RUNS_THE_VOTE,
  tally: RUNS_THE_VOTE,
  confirm: RUNS_THE_VOTE,
  // Undoing a confirmed vote overrules the council: the administrator alone, with a recorded reason.
  annul: ['admin'],
  // Everyone but a unit clerk reads the rounds (their ballots are anonymous).
  readRounds: ['admin', 'hr', 'secretary', 'viewer'],
};

export function refuseCouncil(user: Pick<User, 'role'>, action: CouncilAction): Refusal {
  return unlessRole(user, COUNCIL_ROLES[action]);
}

/** Whether the pane offers this user the council's tools (opening, ballots, tally, confirmation). */
export function runsTheVote(user: User | undefined): boolean {
  return user !== undefined && RUNS_THE_VOTE.includes(user.role);
}

/**
 * Who acts on a campaign-wide quota (its badges are theirs): whoever finds proposals eligible (HR, an
 * administrator) and whoever runs the vote. A unit clerk acts only on its own unit's quotas.
 */
export function actsOnOfficeQuotas(user: Pick<User, 'role'>): boolean {
  return !refuseCouncil(user, 'confirm') || roleMaySetStatus(user.role, 'eligible');
}
