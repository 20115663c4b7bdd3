import type { PaneCore } from '#addin/app/core/pane-core';
import { createDebouncer, createSerialRunner, saveRetryDelay } from '#addin/app/core/scheduling';
import type { Hints } from './hints';

/**
 * When saves run: on the button, 2.5 s after the user's last edit (autosave), and again after a failure
 * that may pass (5 s doubling to 5 min). Saves never overlap: one asked during a save runs once after it.
 */
export const AUTOSAVE_DELAY_MS = 2500;

export interface SaveScheduler {
  /** Runs a save after any save or sheet operation in flight (the autosave wait, if pending, is dropped). */
  requestSave(): Promise<void>;
  /** A save is starting: no autosave and no retry stays pending. */
  saveStarting(): void;
  /** A save has ended: schedules a retry, or forgets the earlier failures. */
  saveEnded(retryLater: boolean): void;
  /** The user turned autosave on or off (the choice is in the state already). */
  autosaveChanged(on: boolean): void;
  /** Hears the user's edits (once per pane). */
  watchEdits(): Promise<void>;
  /** Drops any pending autosave or retry (signing out). */
  cancel(): void;
  /** Cancels, and stops hearing edits (the pane goes away). */
  stop(): Promise<void>;
}

export function createSaveScheduler(core: PaneCore, runSave: () => Promise<void>, hints?: Hints): SaveScheduler {
  const { store, timers } = core;
  let retryAttempt = 0;
  let retryHandle: unknown;
  let unsubscribeEdits: (() => Promise<void>) | undefined;

  const debouncer = createDebouncer(core.autosaveDelayMs ?? AUTOSAVE_DELAY_MS, () => void requestSave().catch(() => undefined), timers);
  const saveRunner = createSerialRunner(() => core.exclusive(runSave));

  function requestSave(): Promise<void> {
    debouncer.cancel();
    return core.track(saveRunner.run());
  }

  function cancelRetry() {
    if (retryHandle !== undefined) timers.clearTimeout(retryHandle);
    retryHandle = undefined;
  }

  function scheduleRetry() {
    cancelRetry();
    const delayMs = saveRetryDelay(retryAttempt, core.random);
    retryAttempt += 1;
    store.set({ retry: { attempt: retryAttempt, delayMs } });
    retryHandle = timers.setTimeout(() => {
      retryHandle = undefined;
      void requestSave().catch(() => undefined);
    }, delayMs);
  }

  function onUserEdit() {
    store.set({ edited: true });
    const { state } = store;
    if (!core.mayWrite() || !core.signedIn() || state.sheet !== 'ready') return;
    if (state.autosave) debouncer.poke();
    else hints?.poke();
  }

  function cancel() {
    debouncer.cancel();
    hints?.cancel();
    cancelRetry();
  }

  return {
    requestSave,
    saveStarting: cancel,
    saveEnded(retryLater) {
      if (retryLater) scheduleRetry();
      else {
        retryAttempt = 0;
        store.set({ retry: undefined });
      }
    },
    autosaveChanged(on) {
      if (!on) debouncer.cancel();
      else if (store.state.edited) debouncer.poke();
    },
    async watchEdits() {
      unsubscribeEdits ??= await core.gateway.onUserEdit(onUserEdit);
    },
    cancel,
    async stop() {
      cancel();
      await unsubscribeEdits?.().catch(() => undefined);
      unsubscribeEdits = undefined;
    },
  };
}
