// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FilesActions, FilesState } from '#addin/app/files/files-state';
import { FilesPanel, LanguageProvider } from '#addin/ui/index';
import type { DossierFile } from '#shared/dossier-files';

afterEach(cleanup);

const file = (id: string, name: string, status: DossierFile['status'] = 'stored'): DossierFile => ({
  id,
  campaignId: 'c',
  nominationId: 'n1',
  document: 'TO_TRINH',
  name,
  contentType: 'application/pdf',
  size: 204_800,
  status,
  uploadedBy: 'kinh-te@thidua.local',
  uploadedAt: '2025-09-26T03:04:00Z',
  ...(status === 'deleted' ? { deletedAt: '2025-09-27T03:04:00Z', deletedBy: 'kinh-te@thidua.local' } : {}),
});

function state(overrides: Partial<FilesState> = {}): FilesState {
  return {
    nominationId: 'n1',
    label: 'Nguyễn Văn An',
    rowNumber: 3,
    canChange: true,
    documents: [
      {
        code: 'TO_TRINH',
        name: { vi: 'Tờ trình', en: 'Proposal' },
        files: [file('f1', 'to-trinh.pdf')],
        deleted: [file('f0', 'cu.pdf', 'deleted')],
      },
      { code: 'BAO_CAO', name: { vi: 'Báo cáo thành tích', en: 'Report' }, files: [], deleted: [] },
    ],
    ...overrides,
  };
}

function show(files: FilesState | undefined, language: 'vi' | 'en' = 'vi') {
  const actions = { showSelected: vi.fn(), upload: vi.fn(), download: vi.fn(), remove: vi.fn(), restore: vi.fn() } satisfies Record<
    keyof FilesActions,
    unknown
  >;
  const panel = createElement(FilesPanel, { ...(files ? { files } : {}), busy: false, actions: actions as unknown as FilesActions });
  render(createElement(FluentProvider, { theme: webLightTheme }, createElement(LanguageProvider, { language, children: panel })));
  return actions;
}

/** Issue 11: the "Hồ sơ đính kèm" section, state and callbacks only. */
describe('the dossier files section', () => {
  it('shows the row, each document with its files, sizes and dd/MM/yyyy dates, and the deleted ones to restore', () => {
    const actions = show(state());
    expect(screen.getByText('Dòng 3: Nguyễn Văn An')).toBeTruthy();
    const first = screen.getByText('to-trinh.pdf').parentElement!;
    expect(within(first).getByText('200 KB, 26/09/2025')).toBeTruthy();
    fireEvent.click(within(first).getByRole('button', { name: 'Tải về' }));
    expect(actions.download).toHaveBeenCalledWith('f1');
    fireEvent.click(within(first).getByRole('button', { name: 'Xóa' }));
    expect(actions.remove).toHaveBeenCalledWith('f1');
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }));
    expect(actions.restore).toHaveBeenCalledWith('f0');
    expect(screen.getByText('Chưa có tệp.')).toBeTruthy();
  });

  it('an upload goes to its document, a replacement names the file it replaces', () => {
    const actions = show(state());
    const chosen = new File(['%PDF-'], 'moi.pdf', { type: 'application/pdf' });
    const upload = document.querySelector('[data-files-input="upload-BAO_CAO"]') as HTMLInputElement;
    expect(upload.accept).toBe('application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png');
    fireEvent.change(upload, { target: { files: [chosen] } });
    expect(actions.upload).toHaveBeenCalledWith('BAO_CAO', chosen);
    fireEvent.change(document.querySelector('[data-files-input="replace-f1"]')!, { target: { files: [chosen] } });
    expect(actions.upload).toHaveBeenLastCalledWith('TO_TRINH', chosen, 'f1');
  });

  it('read only: no upload, replace, delete or restore; the progress of an upload; English', () => {
    show(state({ canChange: false, upload: { document: 'TO_TRINH', name: 'a.pdf', sent: 512, total: 1024 } }), 'en');
    expect(screen.queryByRole('button', { name: 'Upload' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(screen.getByText("Read only: your role or the campaign's stage does not allow changing files.")).toBeTruthy();
    expect(screen.getByText('Uploading a.pdf: 50%')).toBeTruthy();
  });

  it('before a row is shown, only the button that reads the selection', () => {
    const actions = show(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Xem dòng đang chọn' }));
    expect(actions.showSelected).toHaveBeenCalledOnce();
  });
});
