// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CouncilActions, CouncilState } from '#addin/app/council/council-state';
import { CouncilPanel, LanguageProvider } from '#addin/ui/index';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { round } from './fixtures';

afterEach(cleanup);

function spies(): CouncilActions & Record<keyof CouncilActions, ReturnType<typeof vi.fn>> {
  const names = [
    'setAttendance',
    'createBallotSheet',
    'printBallots',
    'countBallots',
    'writeMinutes',
    'confirmResult',
    'newTieRound',
    'checkFingerprint',
  ] as const;
  return Object.fromEntries(names.map((name) => [name, vi.fn(async () => undefined)])) as never;
}

function show(council: CouncilState, options: { busy?: boolean; language?: 'vi' | 'en' } = {}) {
  const actions = spies();
  render(
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement(LanguageProvider, {
        language: options.language ?? 'vi',
        children: createElement(CouncilPanel, { council, actions, busy: options.busy ?? false }),
      }),
    ),
  );
  return actions;
}

const base: CouncilState = {
  members: 9,
  allowWrittenVotes: true,
  voteMark: 'x',
  formNames: Object.fromEntries(SEED_CAMPAIGN.awardForms.map((form) => [form.code, form.name])),
  attendance: { present: 9, writtenVotes: 0 },
};
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('CouncilPanel', () => {
  it('without a round: only "Tạo phiếu bầu", and the attendance goes to the controller', () => {
    const actions = show(base);
    expect(screen.getByText('Chưa có vòng bỏ phiếu.')).toBeTruthy();
    expect(button('Tạo phiếu bầu').disabled).toBe(false);
    expect(button('In phiếu bầu').disabled).toBe(true);
    expect(button('Kiểm phiếu').disabled).toBe(true);
    expect(button('Biên bản kiểm phiếu').disabled).toBe(true);
    expect(button('Xác nhận kết quả').disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Số thành viên có mặt'), { target: { value: '7' } });
    expect(actions.setAttendance).toHaveBeenCalledWith({ present: 7, writtenVotes: 0 });
    fireEvent.click(button('Tạo phiếu bầu'));
    expect(actions.createBallotSheet).toHaveBeenCalledOnce();
  });

  it('an open round: "In phiếu bầu" prints its paper ballot', () => {
    const actions = show({ ...base, round: round() });
    expect(button('In phiếu bầu').disabled).toBe(false);
    fireEvent.click(button('In phiếu bầu'));
    expect(actions.printBallots).toHaveBeenCalledOnce();
  });

  it('a tallied round: the result by form, minutes and confirmation; a tie offers a new round', () => {
    const actions = show({ ...base, round: round({ status: 'tallied' }), lastSyncs: 3 });
    expect(screen.getByText(/Vòng 1: đã kiểm phiếu, chờ xác nhận/)).toBeTruthy();
    expect(screen.getByText('Kết quả: 8/9 phiếu hợp lệ, 1 phiếu không hợp lệ.')).toBeTruthy();
    expect(screen.getByText('Nguyễn Văn An: 6 phiếu (66,67%) – được chọn')).toBeTruthy();
    expect(screen.getByText('Trần Thị Bình: 5 phiếu (55,56%) – bằng phiếu')).toBeTruthy();
    // Excel's sync counter is the product's own measure, not the secretary's.
    expect(screen.queryByText(/đồng bộ/)).toBeNull();
    fireEvent.click(button('Kiểm phiếu'));
    fireEvent.click(button('Biên bản kiểm phiếu'));
    fireEvent.click(button('Xác nhận kết quả'));
    fireEvent.click(button('Tạo vòng bỏ phiếu mới'));
    expect(actions.countBallots).toHaveBeenCalledOnce();
    expect(actions.writeMinutes).toHaveBeenCalledOnce();
    expect(actions.confirmResult).toHaveBeenCalledOnce();
    expect(actions.newTieRound).toHaveBeenCalledOnce();
  });

  it('a confirmation cut short: the round says how far it got, and the button finishes it (vi and en)', () => {
    const progress = {
      action: 'confirm' as const,
      done: 3,
      total: 13,
      startedAt: '2025-10-01T02:00:00.000Z',
      startedBy: 'thuky@thidua.local',
    };
    const actions = show({ ...base, round: round({ status: 'confirming', progress }) });
    expect(screen.getByText(/Vòng 1: đang ghi kết quả vào các đề nghị \(bước 3\/13\)/)).toBeTruthy();
    fireEvent.click(button('Tiếp tục xác nhận'));
    expect(actions.confirmResult).toHaveBeenCalledOnce();
    cleanup();
    show({ ...base, round: round({ status: 'confirming', progress }) }, { language: 'en' });
    expect(screen.getByText(/writing its result onto the nominations \(step 3 of 13\)/)).toBeTruthy();
    expect(button('Resume confirmation').disabled).toBe(false);
  });

  it('busy disables everything; English when chosen, form names and figures included', () => {
    show({ ...base, round: round({ status: 'tallied' }) }, { busy: true, language: 'en' });
    for (const name of ['Create the ballot sheet', 'Count the ballots', 'Minutes of the count', 'Confirm the result', 'New voting round']) {
      expect(button(name).disabled).toBe(true);
    }
    const form = SEED_CAMPAIGN.awardForms.find((candidate) => candidate.code === 'GIAY_KHEN_CVP')!;
    expect(screen.getByText(new RegExp(`^${form.name.en.replace(/[()']/g, '.')} \\(places: \\d+\\)$`))).toBeTruthy();
    expect(screen.getByText('Nguyễn Văn An: 6 votes (66.67%) – selected')).toBeTruthy();
    expect(document.body.textContent).not.toContain(form.name.vi);
  });

  it('a counted round with a fingerprint shows its beginning and offers the check', () => {
    const tallied = round({ status: 'tallied' });
    const sha256 = 'ab'.repeat(32);
    const result = { ...tallied.result!, fingerprint: { format: 'thidua-ballots/1', sha256 } };
    const actions = show({ ...base, round: { ...tallied, result } });
    expect(screen.getByText(`Dấu vân tay (SHA-256) của các phiếu đã kiểm: ${sha256.slice(0, 16)}…`)).toBeTruthy();
    fireEvent.click(button('Kiểm tra dấu vân tay'));
    expect(actions.checkFingerprint).toHaveBeenCalledOnce();
  });

  it('no check for a round counted before fingerprints were kept', () => {
    show({ ...base, round: round({ status: 'tallied' }) });
    expect(screen.queryByRole('button', { name: 'Kiểm tra dấu vân tay' })).toBeNull();
  });

  it('names the candidates an administrator found eligible by exception, with the reason', () => {
    const open = round();
    const candidates = open.candidates.map((c, i) => (i === 0 ? { ...c, overrideReason: 'Hồ sơ gửi qua bưu điện đúng hạn' } : c));
    show({ ...base, round: { ...open, candidates } });
    expect(screen.getByText(`Xét ngoại lệ (quản trị viên): ${candidates[0]!.name}: Hồ sơ gửi qua bưu điện đúng hạn`)).toBeTruthy();
    expect(screen.getAllByText(/^Xét ngoại lệ/)).toHaveLength(1);
  });
});
