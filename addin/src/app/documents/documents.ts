import { localized } from '#addin/i18n/index';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { DocumentKind } from '#shared/documents/kinds';
import { documentsFor, refuseCertificateLayout, refuseDocument } from '#shared/policy/documents';
import type { User } from '#shared/org';
import type { FileOffer } from './document-types';

export const blobUrlOffer: FileOffer = (file) => URL.createObjectURL(new Blob([file.bytes], { type: file.contentType }));

/** The documents the pane offers this user, in the campaign's order (shared/policy/documents decides). */
export function offeredDocuments(user: Pick<User, 'role'> | undefined): DocumentKind[] {
  return user ? documentsFor(user) : [];
}

/** Whether the pane offers this user the certificates' offsets (shared/policy/documents decides). */
export function mayEditCertificateOffsets(user: Pick<User, 'role'> | undefined): boolean {
  return !!user && !refuseCertificateLayout(user, 'write');
}

/**
 * The office's documents from the pane: the API generates the file from the stored data (a document
 * whose data does not exist yet is refused, and the refusal says why), and the pane offers it as a
 * link, which Excel on the web downloads and Excel on the desktop opens in the browser. With `grid`,
 * the certificates' test print (the grid and the fields' boxes on one page).
 */
export function createDocuments(core: PaneCore, offer: FileOffer) {
  const { api, store } = core;
  return async function generateDocument(kind: DocumentKind, options: { grid?: boolean } = {}): Promise<void> {
    const { campaignId, user } = store.state;
    if (!campaignId || !user || refuseDocument(user, kind)) return;
    await core.track(
      (async () => {
        store.set({ busy: true, error: undefined, notice: undefined, document: undefined });
        try {
          const file = await api.document(campaignId, kind, options);
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
