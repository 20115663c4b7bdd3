import type { PaneCore } from './pane-core';

/** One action of a panel: the pane busy meanwhile, the last status line cleared, a failure shown. */
export async function withBusy(core: PaneCore, work: () => Promise<void>): Promise<void> {
  core.store.set({ busy: true, error: undefined, notice: undefined });
  try {
    await work();
  } catch (error) {
    core.fail(error);
  } finally {
    core.store.set({ busy: false });
  }
}
