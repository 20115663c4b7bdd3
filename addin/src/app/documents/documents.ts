import { localized } from '#addin/i18n/index';
import { withBusy } from '#addin/app/core/busy';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { DocumentChanges, DocumentRecord } from '#shared/api/documents';
import { shortDate } from '#shared/documents/format';
import { DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import { documentsFor, refuseCertificateLayout, refuseDocument, refuseIssueDocument } from '#shared/policy/documents';
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

/** Whether the pane offers to issue this record: a draft of an issuable kind, to a user who may. */
export function mayIssue(user: Pick<User, 'role'> | undefined, record: DocumentRecord | undefined): boolean {
  return !!user && !!record && record.status === 'draft' && !refuseIssueDocument(user, record.kind);
}

const names = (list: readonly string[]) => list.join(', ');

/** "Đã lập … số 07/QĐ-VP ngày 05/10/2025 (lần 2). So với lần trước: thêm …; bớt …; sửa …" */
export function generatedNotice(record: DocumentRecord, changes: DocumentChanges) {
  const params = {
    name: DOCUMENT_KINDS[record.kind].name.vi,
    number: record.numberLine.replace(/^Số:\s*/, ''),
    date: shortDate(record.date),
  };
  const head = localized('documents.generated', { ...params, times: record.generations });
  if (changes.first) return head;
  const parts = [
    changes.added.length ? localized('documents.added', { names: names(changes.added) }) : undefined,
    changes.removed.length ? localized('documents.removed', { names: names(changes.removed) }) : undefined,
    changes.changed.length ? localized('documents.changed', { names: names(changes.changed) }) : undefined,
  ].filter((part) => part !== undefined);
  const tail = parts.length ? parts : [localized('documents.unchanged')];
  return { vi: [head.vi, ...tail.map((p) => p.vi)].join(' '), en: [head.en, ...tail.map((p) => p.en)].join(' ') };
}

/**
 * The office's documents from the pane: the API generates the file from the stored data and records it
 * in the register (a document whose data does not exist yet is refused, and the refusal says why); the
 * pane offers it as a link, which Excel on the web downloads and Excel on the desktop opens in the
 * browser, and says what changed since it was last generated. With `grid`, the certificates' test print. A draft decision, once signed, is issued.
 */
export function createDocuments(core: PaneCore, offer: FileOffer, reloadSheet: () => Promise<void>) {
  const { api, store } = core;
  const run = (work: () => Promise<void>) => core.track(withBusy(core, work));

  async function generateDocument(kind: DocumentKind, options: { grid?: boolean; number?: number } = {}): Promise<void> {
    const { campaignId, user } = store.state;
    if (!campaignId || !user || refuseDocument(user, kind)) return;
    await run(async () => {
      store.set({ document: undefined });
      if (options.grid) {
        // The certificates' test print: a draft for the printer, never recorded in the register.
        const grid = await api.document(campaignId, kind, { grid: true });
        store.set({ document: { name: grid.filename, url: offer(grid) }, notice: localized('documents.ready', { name: grid.filename }) });
        return;
      }
      const file = await api.generateDocument(campaignId, kind, options.number === undefined ? {} : { number: options.number });
      store.set({
        document: { name: file.filename, url: offer(file), record: file.record, changes: file.changes },
        notice: generatedNotice(file.record, file.changes),
      });
    });
  }

  async function issueDocument(): Promise<void> {
    const { campaignId, user, document } = store.state;
    if (!campaignId || !mayIssue(user, document?.record)) return;
    const record = document!.record!;
    let notice: ReturnType<typeof localized> | undefined;
    await run(async () => {
      const issued = await api.issueDocument(campaignId, record.kind, record.version);
      notice = localized('documents.issued', { number: issued.record.numberLine.replace(/^Số:\s*/, ''), count: issued.awarded });
      store.set({ document: { ...document!, record: issued.record }, notice });
    });
    if (!notice) return;
    // Its nominations are awarded now: the sheet shows it after the pane's own load, as after a round.
    await reloadSheet();
    if (!store.state.error) store.set({ notice });
  }

  return { generateDocument, issueDocument };
}
