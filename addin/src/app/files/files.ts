import { checkChosenFile, SNIFF_BYTES, type ChosenFileCheck, type DossierFile, type FileContentType } from '#shared/dossier-files';
import type { Issue } from '#shared/issues';
import { refuseFileChanges, refuseFiles } from '#shared/policy/files';
import { checkNomination, makeRuleContext } from '#shared/rules/index';
import type { CellValue } from '#shared/sheet/columns';
import { parseRow } from '#shared/sheet/parse-row';
import { idCellText } from '#addin/excel/relocate';
import { localized } from '#addin/i18n/index';
import { withBusy } from '#addin/app/core/busy';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { PaneReport } from '#addin/app/report/pane-report';
import { issueContent } from '#addin/app/sheet/row-content';
import { cellText, contentFingerprint, isDirty, SHEET_LANGUAGE } from '#addin/app/sheet/sheet';
import { hintContent } from '#addin/app/save/hints';
import type { FilesActions, FilesState } from './files-state';
import { documentsView, dossierRowContent, fileCounts, findingsWithFiles } from './files-view';

const TYPE_NAMES: Record<FileContentType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** Why a chosen file is not sent, naming it and saying what to do. */
function chosenFileRefusal(check: Exclude<ChosenFileCheck, { ok: true }>, name: string) {
  if (check.problem === 'extensionMismatch') return localized('files.check.extensionMismatch', { name, found: TYPE_NAMES[check.found] });
  return localized(`files.check.${check.problem}`, { name });
}

/** The selected row as the pane read it: where it was, what it held, its nomination. */
interface ShownRow {
  rowIndex: number;
  values: CellValue[];
  id: string;
}

/**
 * "Hồ sơ đính kèm" (issue 11): the files of the nomination on the selected row, per document of the
 * campaign's dossier. An upload is checked in the pane first (shared/dossier-files.ts: its content's type,
 * its name, 20 MB), then asked of the API, PUT straight to storage with its progress shown, and confirmed;
 * a replacement is an upload, then the old file's deletion. After each change the row gets its "Số tệp …"
 * counts and its dossier findings again (rule 5, by the shared rules), in one write where it is now.
 */
export function createFiles(core: PaneCore, report: PaneReport): FilesActions {
  const { api, gateway, store, memory } = core;
  let shown: ShownRow | undefined;
  const run = (work: () => Promise<void>) => core.track(withBusy(core, work));
  const campaignId = () => memory.campaign?.id;

  function show(files: readonly DossierFile[], patch: Partial<FilesState> = {}) {
    const { campaign, columns } = memory;
    const user = store.state.user;
    if (!shown || !campaign || !user) return;
    const fields = parseRow(shown.values, columns).fields;
    const byNomination = fields ? refuseFiles(user, { unitId: fields.unitId, status: fields.status }, 'write') : undefined;
    store.set({
      files: {
        nominationId: shown.id,
        label: memory.labels.get(shown.id) ?? cellText(shown.values, columns, 'nomineeId'),
        rowNumber: shown.rowIndex + 1,
        documents: documentsView(campaign, files),
        canChange: !refuseFileChanges(user, campaign) && !byNomination,
        ...patch,
      },
    });
  }

  const list = (id: string) => api.listFiles(campaignId()!, id, { includeDeleted: true });

  /** The row's counts and dossier findings after a change, on the row wherever it is now. */
  async function writeRow(files: readonly DossierFile[]) {
    const { ctx, columns, campaign } = memory;
    const row = shown;
    if (!ctx || !campaign || !row) return;
    const parsed = parseRow(row.values, columns);
    if (!parsed.fields) return; // cells the save must first have corrected: the counts come with the next load
    const counts = fileCounts(files);
    let findings;
    if (isDirty(parsed, row.values, columns)) {
      // Unsaved edits: the rules on the row as typed, marked unchecked, as the hints do.
      findings = hintContent(
        checkNomination(
          makeRuleContext(ctx.campaign, ctx.units, ctx.people),
          { ...parsed.fields, files: counts },
          {
            nominationId: row.id,
          },
        ),
        columns,
        SHEET_LANGUAGE,
      );
    } else {
      const own = findingsWithFiles(ctx, { id: row.id, fields: parsed.fields }, counts, memory.reportIssues);
      const others = memory.reportIssues.filter((issue: Issue) => issue.nominationId !== row.id);
      report.publish([...others, ...own]);
      findings = issueContent(own, columns, SHEET_LANGUAGE);
    }
    const content = dossierRowContent(row.values, columns, campaign, counts, findings);
    const expect = { id: row.id, fingerprint: contentFingerprint(row.values, columns) };
    // One request where the row is as read (readRow noted its notes); found again otherwise.
    await gateway.writeRow(columns, { rowIndex: row.rowIndex, expect, ...content });
    row.values = content.values!;
  }

  async function changed(files: DossierFile[], notice: ReturnType<typeof localized>) {
    await core.exclusive(() => writeRow(files));
    show(files);
    store.set({ notice });
  }

  return {
    showSelected: () =>
      run(async () => {
        const { columns } = memory;
        if (!campaignId() || columns.length === 0 || store.state.sheet !== 'ready') {
          store.set({ notice: localized('files.openSheetFirst') });
          return;
        }
        shown = await core.exclusive(async () => {
          const [rowIndex] = await gateway.selectedRowIndexes();
          if (rowIndex === undefined) return undefined;
          const values = await gateway.readRow(columns, rowIndex);
          const id = values ? idCellText(values, columns) : '';
          return values && id ? { rowIndex, values, id } : undefined;
        });
        store.set({ files: undefined });
        if (!shown) {
          store.set({ notice: localized('files.selectSavedRow') });
          return;
        }
        show(await list(shown.id));
      }),

    upload: (document, file, replaces) =>
      run(async () => {
        const id = shown?.id;
        if (!id || !store.state.files?.canChange) return;
        const check = checkChosenFile(file, new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
        if (!check.ok) {
          store.set({ error: chosenFileRefusal(check, file.name) });
          return;
        }
        const ticket = await api.requestUpload(campaignId()!, id, {
          document,
          fileName: file.name,
          contentType: check.contentType,
          size: file.size,
        });
        const progress = (sent: number, total: number) =>
          store.set({ files: { ...store.state.files!, upload: { document, name: file.name, sent, total } } });
        try {
          await api.putFile(ticket, file, progress);
          await api.confirmUpload(campaignId()!, id, ticket.file.id);
          if (replaces) await api.deleteFile(campaignId()!, id, replaces);
        } finally {
          const { upload: _done, ...rest } = store.state.files!;
          store.set({ files: rest });
        }
        await changed(await list(id), localized(replaces ? 'files.replaced' : 'files.uploaded', { name: file.name }));
      }),

    download: (fileId) =>
      run(async () => {
        const file = store.state.files?.documents.flatMap((d) => d.files).find((f) => f.id === fileId);
        if (!shown || !file) return;
        const link = await api.downloadLink(campaignId()!, shown.id, fileId);
        store.set({ files: { ...store.state.files!, download: { name: file.name, url: link.url } } });
      }),

    remove: (fileId) =>
      run(async () => {
        if (!shown || !store.state.files?.canChange) return;
        const file = await api.deleteFile(campaignId()!, shown.id, fileId);
        await changed(await list(shown.id), localized('files.deleted', { name: file.name }));
      }),

    restore: (fileId) =>
      run(async () => {
        if (!shown || !store.state.files?.canChange) return;
        const file = await api.restoreFile(campaignId()!, shown.id, fileId);
        await changed(await list(shown.id), localized('files.restored', { name: file.name }));
      }),
  };
}
