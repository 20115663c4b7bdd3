import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import { refuseDocument } from '#shared/policy/documents';
import type { FileOffer } from './document-types';

export const blobUrlOffer: FileOffer = (file) => URL.createObjectURL(new Blob([file.bytes], { type: file.contentType }));

/** Whether the pane shows the "Văn bản" section to this user (shared/policy/documents decides). */
export function mayGenerateDocuments(user: Parameters<typeof refuseDocument>[0] | undefined): boolean {
  return user !== undefined && !refuseDocument(user, 'generateDecision');
}

/**
 * The office's documents from the pane: the API generates the file from the stored data (the
 * decision only once a round is confirmed: its refusal says so), and the pane offers it as a link,
 * which Excel on the web downloads and Excel on the desktop opens in the browser.
 */
export function createDocuments(core: PaneCore, offer: FileOffer) {
  const { api, store } = core;
  return async function generateDecision(): Promise<void> {
    const campaignId = store.state.campaignId;
    if (!campaignId || !mayGenerateDocuments(store.state.user)) return;
    await core.track(
      (async () => {
        store.set({ busy: true, error: undefined, notice: undefined, document: undefined });
        try {
          const file = await api.decisionDocument(campaignId);
          store.set({ document: { name: file.filename, url: offer(file) }, notice: localized('documents.ready', { name: file.filename }) });
        } catch (error) {
          core.fail(error);
        } finally {
          store.set({ busy: false });
        }
      })(),
    );
  };
}
