// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentsPanel, LanguageProvider } from '#addin/ui/index';
import { DEFAULT_CERTIFICATE_LAYOUT } from '#shared/documents/certificate-layout';
import { DOCUMENT_KIND_LIST } from '#shared/documents/kinds';

afterEach(cleanup);

type Offsets = Parameters<typeof DocumentsPanel>[0]['offsets'];

function show(offsets: Offsets, onGenerate = vi.fn()) {
  const panel = createElement(DocumentsPanel, {
    kinds: DOCUMENT_KIND_LIST,
    busy: false,
    canIssue: false,
    onIssue: vi.fn(),
    onGenerate,
    ...(offsets ? { offsets } : {}),
  });
  render(createElement(FluentProvider, { theme: webLightTheme }, createElement(LanguageProvider, { language: 'vi', children: panel })));
  return onGenerate;
}

/** Issue 9, document 6: the "Văn bản" section's test print and an administrator's offsets form. */
describe("the certificates' test print and offsets in the pane", () => {
  it('"Bản in thử Giấy khen (lưới)" asks for the grid; without the offsets prop (not an administrator) no form', () => {
    const onGenerate = show(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Bản in thử Giấy khen (lưới)' }));
    expect(onGenerate).toHaveBeenCalledWith('giay-khen', { grid: true });
    expect(screen.queryByRole('button', { name: 'Độ lệch khi in Giấy khen' })).toBeNull();
  });

  it('an administrator opens the offsets, then saves dx and dy in mm from the values in force', () => {
    const onOpen = vi.fn();
    show({ onOpen, onSave: vi.fn() });
    fireEvent.click(screen.getByRole('button', { name: 'Độ lệch khi in Giấy khen' }));
    expect(onOpen).toHaveBeenCalledOnce();
    cleanup();

    const onSave = vi.fn();
    const layout = { layout: { ...DEFAULT_CERTIFICATE_LAYOUT, offsetMm: { dx: 1.5, dy: 0 } }, version: 3 };
    show({ layout, onOpen, onSave });
    const dx = screen.getByLabelText('Độ lệch ngang dx (mm)') as HTMLInputElement;
    const dy = screen.getByLabelText('Độ lệch dọc dy (mm)') as HTMLInputElement;
    expect([dx.value, dy.value]).toEqual(['1.5', '0']);
    fireEvent.change(dy, { target: { value: '-2.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu độ lệch' }));
    expect(onSave).toHaveBeenCalledWith(1.5, -2.5);
  });

  it('an offset beyond 30 mm or an empty box cannot be saved', () => {
    show({ layout: { layout: DEFAULT_CERTIFICATE_LAYOUT, version: 0 }, onOpen: vi.fn(), onSave: vi.fn() });
    const save = screen.getByRole('button', { name: 'Lưu độ lệch' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('Độ lệch ngang dx (mm)'), { target: { value: '31' } });
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Độ lệch ngang dx (mm)'), { target: { value: '' } });
    expect(save.disabled).toBe(true);
  });
});
