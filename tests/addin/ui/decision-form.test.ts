// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecisionChoices } from '#addin/app/register/register-state';
import { LanguageProvider, RegisterPanel } from '#addin/ui/index';

afterEach(cleanup);

const choices: DecisionChoices = {
  campaignId: 'c',
  forms: [
    { code: 'HUAN_CHUONG', name: { vi: 'Huân chương Lao động', en: 'Labour Order' } },
    { code: 'BANG_KHEN', name: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "Provincial Chairman's Certificate of Merit" } },
  ],
  nominations: [
    { id: 'n1', label: 'Nguyễn Văn An', awardForm: 'BANG_KHEN' },
    { id: 'n2', label: 'Phòng Kinh tế', awardForm: 'BANG_KHEN' },
    { id: 'n3', label: 'Trần Thị Bình', awardForm: 'HUAN_CHUONG' },
  ],
};

function show(decision: DecisionChoices | undefined, language: 'vi' | 'en' = 'vi') {
  const onRecord = vi.fn();
  const panel = createElement(RegisterPanel, {
    busy: false,
    canImport: true,
    onLookup: vi.fn(),
    onOpenHistory: vi.fn(),
    onImportHistory: vi.fn(),
    ...(decision ? { decision: { choices: decision, onRecord } } : {}),
  });
  render(createElement(FluentProvider, { theme: webLightTheme }, createElement(LanguageProvider, { language, children: panel })));
  return onRecord;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

/** Issue 11, section 2: "Ghi quyết định của cấp trên", state and callbacks only. */
describe('the higher authority’s decision form', () => {
  it('starts on a form with selected nominations, all ticked; an unticked one is left out of what it sends', () => {
    const onRecord = show(choices);
    expect(screen.getByRole('heading', { name: 'Ghi quyết định của cấp trên' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Hình thức khen thưởng' }) as HTMLSelectElement).value).toBe('HUAN_CHUONG');
    fireEvent.change(screen.getByRole('combobox', { name: 'Hình thức khen thưởng' }), { target: { value: 'BANG_KHEN' } });
    expect(screen.getByText('Được khen thưởng (2 đã chọn)')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Nguyễn Văn An' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('checkbox', { name: 'Trần Thị Bình' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Phòng Kinh tế' }));
    expect(screen.getByText('Được khen thưởng (1 đã chọn)')).toBeTruthy();
    type('Số quyết định', '2468/QĐ-UBND');
    type('Ngày quyết định (dd/MM/yyyy)', '20/11/2025');
    type('Người ký', 'Chủ tịch UBND tỉnh');
    fireEvent.click(screen.getByRole('button', { name: 'Ghi quyết định' }));
    expect(onRecord).toHaveBeenCalledWith({
      awardForm: 'BANG_KHEN',
      number: '2468/QĐ-UBND',
      date: '20/11/2025',
      signer: 'Chủ tịch UBND tỉnh',
      nominationIds: ['n1'],
    });
  });

  it('speaks English when asked, and says when nothing is selected for the form', () => {
    show({ ...choices, nominations: [] }, 'en');
    expect(screen.getByRole('heading', { name: "Record a higher authority's decision" })).toBeTruthy();
    expect(screen.getByText(/No nomination is selected by the council for this form/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Record the decision' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('is not there without choices (a unit clerk, or no load yet)', () => {
    show(undefined);
    expect(screen.queryByRole('heading', { name: 'Ghi quyết định của cấp trên' })).toBeNull();
  });
});
