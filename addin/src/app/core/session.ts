import { mayWriteNominations } from '#shared/policy/nominations';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import type { SaveScheduler } from '#addin/app/save/autosave';
import type { CampaignSheet } from '#addin/app/load/campaign-sheet';
import type { PaneCore } from './pane-core';
import { describeError } from './pane-errors';
import { availableActions } from '#addin/app/roles/role-actions';

/**
 * Who is signed in: a silent sign-in on start, the sign-in and sign-out buttons, and, once signed in,
 * the user's world (who they are, the campaigns, units and people) and the campaign to open.
 */
export interface Session {
  /** The dev picker's users, then a silent sign-in if the token provider can restore one. */
  start(): Promise<void>;
  signIn(email?: string): Promise<void>;
  signOut(): Promise<void>;
}

export function createSession(core: PaneCore, campaign: CampaignSheet, scheduler: SaveScheduler): Session {
  const { api, tokens, store, memory } = core;

  async function afterSignIn() {
    store.set({ auth: { ...store.state.auth, status: 'signed-in' }, error: undefined });
    try {
      const [user, campaignList, unitList, personList] = await Promise.all([api.me(), api.campaigns(), api.units(), api.people()]);
      memory.units = unitList;
      memory.people = personList;
      memory.campaigns = campaignList;
      store.set({
        user,
        userUnitName: user.unitId ? (unitList.find((unit) => unit.id === user.unitId)?.name ?? user.unitId) : undefined,
        campaigns: campaignList.map((candidate) => ({ id: candidate.id, title: candidate.title })),
        actions: availableActions(user),
        canSave: mayWriteNominations(user),
      });
      const chosen = campaignList.find((candidate) => candidate.id === SEED_CAMPAIGN.id) ?? campaignList[0];
      if (chosen) await campaign.use(chosen.id, true);
    } catch (error) {
      core.fail(error);
    }
  }

  return {
    async start() {
      const devUsers = tokens.listUsers ? await tokens.listUsers().catch(() => []) : [];
      store.set({ auth: { ...store.state.auth, devUsers } });
      const restored = await tokens.restore().catch(() => false);
      if (restored) await core.track(afterSignIn());
      else store.set({ auth: { ...store.state.auth, status: 'signed-out' } });
    },
    async signIn(email) {
      store.set({ auth: { ...store.state.auth, status: 'signing-in', error: undefined } });
      try {
        await tokens.signIn(email);
      } catch (error) {
        store.set({ auth: { ...store.state.auth, status: 'signed-out', error: describeError(error) } });
        return;
      }
      await core.track(afterSignIn());
    },
    async signOut() {
      await tokens.signOut().catch(() => undefined);
      scheduler.cancel();
      store.set({
        auth: { ...store.state.auth, status: 'signed-out' },
        user: undefined,
        userUnitName: undefined,
        actions: [],
        canSave: false,
        quota: [],
        issues: [],
        conflicts: [],
      });
    },
  };
}
