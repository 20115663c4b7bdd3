// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaneActions, PaneState, PaneStore } from '#addin/app/controller';
import { App } from '#addin/ui/index';
import { themeFromOffice } from '#addin/ui/theme';

afterEach(cleanup);

function baseState(overrides: Partial<PaneState> = {}): PaneState {
  return {
    language: 'vi',
    auth: { kind: 'dev', status: 'signed-in', devUsers: [] },
    user: { email: 'tochuc@thidua.local', displayName: 'Cán bộ tổ chức (HCTC-QTTV)', role: 'hr' },
    campaigns: [{ id: 'dot-thi-dua-dac-biet-2025', title: 'Đợt thi đua đặc biệt 2025' }],
    campaignId: 'dot-thi-dua-dac-biet-2025',
    sheet: 'ready',
    busy: false,
    saving: false,
    autosave: true,
    canSave: true,
    unsavedRows: 0,
    edited: false,
    syncCount: 0,
    quota: [],
    issues: [],
    issueCounts: { errors: 0, warnings: 0 },
    conflicts: [],
    actions: ['return', 'eligible'],
    ...overrides,
  };
}

type Spies = { [K in keyof PaneActions]: PaneActions[K] & ReturnType<typeof vi.fn> };

function fakeActions(): Spies {
  const names = [
    'signIn',
    'signOut',
    'selectCampaign',
    'openSheet',
    'save',
    'setAutosave',
    'setLanguage',
    'refreshReport',
    'selectIssue',
    'keepMine',
    'takeTheirs',
    'submitUnitRows',
    'returnSelected',
    'markSelectedEligible',
    'dismiss',
  ];
  return Object.fromEntries(names.map((name) => [name, vi.fn(async () => undefined)])) as never;
}

/** A store the test drives: the actions are spies; `setLanguage` really switches, as the controller does. */
function fakeStore(initial: PaneState) {
  let state = initial;
  const listeners = new Set<() => void>();
  const actions = fakeActions();
  const store: PaneStore & { update(patch: Partial<PaneState>): void } = {
    getState: () => state,
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    actions,
    update(patch) {
      state = { ...state, ...patch };
      listeners.forEach((listener) => listener());
    },
  };
  actions.setLanguage.mockImplementation((language: 'vi' | 'en') => store.update({ language }));
  return { store, actions };
}

const renderApp = (state: PaneState, theme: 'light' | 'dark' = 'light') => {
  const { store, actions } = fakeStore(state);
  const view = render(createElement(App, { controller: store, theme }));
  return { store, actions, view };
};

describe('the pane', () => {
  it('renders in Vietnamese by default: who is signed in, the campaign, save, quotas, findings', () => {
    renderApp(baseState({ userUnitName: undefined }));
    expect(screen.getByRole('heading', { level: 1, name: 'Thi đua – Khen thưởng' })).toBeTruthy();
    expect(screen.getByText('Họ tên: Cán bộ tổ chức (HCTC-QTTV)')).toBeTruthy();
    expect(screen.getByText('Vai trò: Cán bộ tổ chức (phòng HCTC-QTTV)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mở bảng tổng hợp' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lưu' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Tự động lưu' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Chỉ tiêu khen thưởng' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Kết quả kiểm tra' })).toBeTruthy();
    expect(screen.getByText('Mọi dòng đã được lưu')).toBeTruthy();
    expect(document.querySelector('main')!.getAttribute('lang')).toBe('vi');
  });

  it('switches to English, and back', () => {
    const { actions } = renderApp(baseState());
    fireEvent.change(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), { target: { value: 'en' } });
    expect(actions.setLanguage).toHaveBeenCalledWith('en');
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open the consolidated sheet' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Award quotas' })).toBeTruthy();
    expect(screen.getByText('Role: HR officer')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'vi' } });
    expect(screen.getByRole('button', { name: 'Lưu' })).toBeTruthy();
  });

  it('shows a quota in red when over, with the candidates counted', () => {
    renderApp(
      baseState({
        quota: [
          {
            key: 'a',
            awardForm: 'BANG_KHEN_CT_UBND',
            awardFormName: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: "Chairman's Certificate of Merit" },
            used: 2,
            max: 1,
            candidates: 4,
            over: true,
            crowded: true,
            actionable: true,
          },
          {
            key: 'b',
            awardForm: 'GIAY_KHEN_CVP',
            awardFormName: { vi: 'Giấy khen của Chánh Văn phòng', en: 'Certificate of Merit' },
            used: 0,
            max: 1,
            candidates: 3,
            over: false,
            crowded: true,
            actionable: true,
          },
          {
            key: 'c',
            awardForm: 'GIAY_KHEN_CVP',
            awardFormName: { vi: 'Giấy khen của Chánh Văn phòng', en: 'Certificate of Merit' },
            scopeName: 'Phòng Kinh tế',
            used: 2,
            max: 1,
            candidates: 3,
            over: true,
            crowded: true,
            // Not the user's to act on (a unit clerk, an office-wide quota): the figures without the badges.
            actionable: false,
          },
        ],
      }),
    );
    const other = screen.getByRole('listitem', { name: /^Giấy khen của Chánh Văn phòng – Phòng Kinh tế/ });
    expect(within(other).getByText('Đã chọn 2/1')).toBeTruthy();
    expect(within(other).queryByText('Vượt chỉ tiêu')).toBeNull();
    expect(within(other).queryByText('Nhiều đề nghị hơn số suất')).toBeNull();
    const over = screen.getByRole('listitem', { name: /^Bằng khen của Chủ tịch UBND tỉnh/ });
    expect(over.getAttribute('data-over')).toBe('true');
    expect(within(over).getByText('Vượt chỉ tiêu')).toBeTruthy();
    expect(within(over).getByText('Đã chọn 2/1')).toBeTruthy();
    expect(within(over).getByText('4 đề nghị')).toBeTruthy();
    const fine = screen.getByRole('listitem', { name: /^Giấy khen của Chánh Văn phòng – Toàn Văn phòng/ });
    expect(fine.getAttribute('data-over')).toBe('false');
    expect(within(fine).queryByText('Vượt chỉ tiêu')).toBeNull();
    expect(within(fine).getByText('Nhiều đề nghị hơn số suất')).toBeTruthy();
    expect(within(over).getByText('Đã chọn 2/1').className).not.toBe(within(fine).getByText('Đã chọn 0/1').className);
  });

  it('lists findings by rule; clicking one selects its cell', () => {
    const item = {
      key: 'k1',
      code: 'DOSSIER_INCOMPLETE' as const,
      severity: 'error' as const,
      message: { vi: 'Hồ sơ thiếu Tờ trình', en: 'The dossier lacks the proposal' },
      nominationId: 'n7',
      field: 'dossier.TO_TRINH',
      label: 'Lê Văn Hùng',
    };
    const { actions } = renderApp(
      baseState({ issues: [{ code: 'DOSSIER_INCOMPLETE', severity: 'error', items: [item] }], issueCounts: { errors: 1, warnings: 0 } }),
    );
    expect(screen.getByText('Hồ sơ chưa đủ thành phần (1)')).toBeTruthy();
    expect(screen.getByText('1 lỗi, 0 cảnh báo')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Chọn ô trong bảng: Lê Văn Hùng: Hồ sơ thiếu Tờ trình' }));
    expect(actions.selectIssue).toHaveBeenCalledWith(item);
  });

  it('shows a conflict stacked: who changed it and when, both versions; the safe choice (take theirs) is primary', () => {
    const { actions } = renderApp(
      baseState({
        conflicts: [
          {
            id: 'n-a',
            label: 'Nguyễn Văn Hùng',
            theirsVersion: 3,
            theirsVisible: true,
            changedBy: 'tochuc@thidua.local',
            changedAt: '2025-09-26T03:04:00Z',
            fields: [
              { columnId: 'note', header: 'Ghi chú', mine: 'của tôi', theirs: 'của người khác', differs: true },
              { columnId: 'unit', header: 'Đơn vị đề nghị', mine: 'Phòng Kinh tế', theirs: 'Phòng Kinh tế', differs: false },
            ],
          },
        ],
      }),
    );
    const conflict = screen.getByRole('article', { name: 'Dòng: Nguyễn Văn Hùng' });
    expect(within(conflict).getByText('tochuc@thidua.local đã sửa lúc 10:04 ngày 26/09/2025.')).toBeTruthy();
    // No version numbers: they are the program's bookkeeping.
    expect(conflict.textContent).not.toMatch(/phiên bản/);
    const field = within(conflict).getByRole('group', { name: 'Ghi chú' });
    expect(within(field).getByText('Bản của bạn').nextElementSibling!.textContent).toBe('của tôi');
    expect(within(field).getByText('Trên máy chủ').nextElementSibling!.textContent).toBe('của người khác');
    expect(within(conflict).queryByText('Đơn vị đề nghị')).toBeNull();
    const buttons = within(conflict).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Lấy bản trên máy chủ', 'Giữ bản của tôi']);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Giữ bản của tôi' }));
    expect(actions.keepMine).toHaveBeenCalledWith('n-a');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Lấy bản trên máy chủ' }));
    expect(actions.takeTheirs).toHaveBeenCalledWith('n-a');
  });

  it('the save button saves, then shows the progress of the parts being sent', () => {
    const { store, actions } = renderApp(baseState({ unsavedRows: 3 }));
    expect(screen.getByText('3 dòng chưa lưu')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(actions.save).toHaveBeenCalledTimes(1);
    act(() => store.update({ saving: true, progress: { phase: 'sending', done: 5000, total: 7500, chunk: 2, chunks: 2 } }));
    const button = screen.getByRole('button', { name: 'Đang lưu…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const bar = screen.getByRole('progressbar', { name: 'Đang gửi 5.000/7.500 dòng (phần 2/2)…' });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(5000 / 7500));
    act(() => store.update({ progress: { phase: 'writing' } }));
    expect(screen.getByRole('progressbar', { name: 'Đang ghi kết quả vào bảng…' })).toBeTruthy();
    act(() =>
      store.update({
        saving: false,
        progress: undefined,
        unsavedRows: 0,
        lastSaveSyncs: 4,
        lastSave: { at: '2025-09-26T03:04:00Z', saved: 7500, conflicts: 0, refused: 0, deleted: 0, errors: 0, warnings: 2 },
      }),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Lưu lần gần nhất lúc 10:04.')).toBeTruthy();
    // Excel's sync counter is the product's own measure, not the user's.
    expect(screen.queryByText(/đồng bộ/)).toBeNull();
  });

  it('the autosave switch calls its action', () => {
    const { actions } = renderApp(baseState());
    fireEvent.click(screen.getByRole('switch', { name: 'Tự động lưu' }));
    expect(actions.setAutosave).toHaveBeenCalledWith(false);
  });

  it('shows errors in Vietnamese and lets them be dismissed', () => {
    const { actions } = renderApp(
      baseState({
        error: { vi: 'Mất kết nối mạng, chưa gửi được dữ liệu.', en: 'The network connection was lost.' },
        retry: { attempt: 2, delayMs: 10_000 },
      }),
    );
    expect(screen.getByRole('alert').textContent).toContain('Mất kết nối mạng, chưa gửi được dữ liệu.');
    expect(screen.getByText('Lưu chưa thành công, sẽ tự thử lại sau 10 giây (lần 2).')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Đóng' }));
    expect(actions.dismiss).toHaveBeenCalled();
  });

  it("one status line for the last save: the refused rows in red under it, with the reason and the nominees' names", () => {
    const reason = { vi: 'Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1', en: "Over the quota of the Chairman's Certificate: 2/1" };
    const { store } = renderApp(
      baseState({
        notice: { vi: 'Đã lưu 1 dòng. 2 dòng bị từ chối:', en: 'Saved 1 row(s). 2 row(s) refused:' },
        refusals: [{ reason, names: ['Nguyễn Văn An', 'Trần Thị Bình'] }],
      }),
    );
    const status = screen.getAllByRole('status').find((element) => element.textContent?.startsWith('Đã lưu 1 dòng.'))!;
    const refused = within(status).getByRole('listitem');
    expect(refused.textContent).toBe('Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1 – Nguyễn Văn An, Trần Thị Bình');
    act(() => store.update({ language: 'en' }));
    expect(within(status).getByRole('listitem').textContent).toBe(
      "Over the quota of the Chairman's Certificate: 2/1 – Nguyễn Văn An, Trần Thị Bình",
    );
  });

  it('role actions: HR returns with a reason and marks eligible; a unit clerk submits', () => {
    const { actions, view } = renderApp(baseState());
    const returnButton = screen.getByRole('button', { name: 'Trả lại' }) as HTMLButtonElement;
    expect(returnButton.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Lý do trả lại' }), { target: { value: 'Thiếu biên bản' } });
    fireEvent.click(returnButton);
    expect(actions.returnSelected).toHaveBeenCalledWith('Thiếu biên bản');
    // The reason went with that return: the box is empty for the next one.
    expect((screen.getByRole('textbox', { name: 'Lý do trả lại' }) as HTMLInputElement).value).toBe('');
    expect(returnButton.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Đủ điều kiện' }));
    expect(actions.markSelectedEligible).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Gửi đề nghị' })).toBeNull();
    view.unmount();

    const clerk = renderApp(
      baseState({
        user: { email: 'kinh-te@thidua.local', displayName: 'Văn thư Phòng Kinh tế', role: 'unit', unitId: 'kinh-te' },
        userUnitName: 'Phòng Kinh tế',
        actions: ['submit'],
      }),
    );
    expect(screen.getByText('Đơn vị: Phòng Kinh tế')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Trả lại' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề nghị' }));
    expect(clerk.actions.submitUnitRows).toHaveBeenCalled();
  });

  it('a viewer sees no save button and no actions', () => {
    renderApp(baseState({ canSave: false, actions: [], user: { email: 'lanhdao@thidua.local', displayName: 'Lãnh đạo', role: 'viewer' } }));
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
    expect(screen.getByText('Vai trò của bạn chỉ được xem, không lưu thay đổi.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Xử lý đề nghị' })).toBeNull();
  });

  it('signed out with the local runner: pick a demo user, then sign in', () => {
    const { actions } = renderApp(
      baseState({
        user: undefined,
        auth: {
          kind: 'dev',
          status: 'signed-out',
          devUsers: [{ email: 'tochuc@thidua.local', displayName: 'Cán bộ tổ chức' }, { email: 'thuky@thidua.local' }],
        },
      }),
    );
    const button = screen.getByRole('button', { name: 'Đăng nhập' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Tài khoản mẫu' }), { target: { value: 'thuky@thidua.local' } });
    fireEvent.click(button);
    expect(actions.signIn).toHaveBeenCalledWith('thuky@thidua.local');
    expect(screen.queryByRole('button', { name: 'Lưu' })).toBeNull();
  });

  it('signed out in production: one "Đăng nhập" button', () => {
    const { actions } = renderApp(baseState({ user: undefined, auth: { kind: 'microsoft', status: 'signed-out', devUsers: [] } }));
    expect(screen.getByText('Đăng nhập bằng tài khoản Microsoft 365 của cơ quan.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(actions.signIn).toHaveBeenCalledWith(undefined);
  });

  it("follows Office's theme", () => {
    expect(themeFromOffice({ isDarkTheme: true })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#1f1f1f' })).toBe('dark');
    expect(themeFromOffice({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeFromOffice(undefined)).toBe('light');
    const { view } = renderApp(baseState(), 'dark');
    const provider = view.container.querySelector('.fui-FluentProvider') as HTMLElement;
    expect(provider).toBeTruthy();
  });
});
