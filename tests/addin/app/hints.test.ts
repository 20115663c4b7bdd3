import { describe, expect, it } from 'vitest';
import { HINT_DELAY_MS } from '#addin/app/save/hints';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer } from '#tests/support/pane-api';
import { QUOTA_RULES_COUNTING_ELIGIBLE } from '#tests/support/rows';
import { fields, staffOf } from './fixtures';
import { openPane } from './harness';

const kt = staffOf('kinh-te');
const api = useTestApi();

async function pane() {
  const server = await freshPaneServer(api);
  const { id } = await server.put(fields(kt[0]!.id));
  const opened = await openPane({ server });
  await opened.actions.openSheet();
  return { ...opened, id };
}

describe('instant hints', () => {
  it('with autosave off, an edited row shows its own rules at once, marked as not yet checked by the server', async () => {
    const { actions, gateway, server, clock, controller, id } = await pane();
    actions.setAutosave(false);
    actions.setLanguage('en'); // the sheet stays in the campaign's language
    const index = gateway.findRow('id', id);
    const batches = server.batches().length;
    gateway.edit(index, 'achievements', '');
    clock.advance(HINT_DELAY_MS);
    await controller.idle();

    expect(gateway.cell(index, 'messages')).toBe('Chưa lưu, chưa kiểm tra trên máy chủ.\nLỗi: Chưa tóm tắt thành tích');
    expect(gateway.marks[index]).toBe('error');
    expect(server.batches()).toHaveLength(batches);
    expect(controller.getState().unsavedRows).toBe(1);

    // The save: the server's answer replaces the hint.
    await actions.save();
    expect(gateway.cell(index, 'messages')).toBe('Lỗi: Chưa tóm tắt thành tích');
    expect(server.batches()).toHaveLength(batches + 1);
  });

  it('an edited row with nothing to find is hinted as unsaved, not as checked', async () => {
    const { actions, gateway, clock, controller, id } = await pane();
    actions.setAutosave(false);
    const index = gateway.findRow('id', id);
    gateway.edit(index, 'note', 'ghi chú mới');
    clock.advance(HINT_DELAY_MS);
    await controller.idle();
    expect(gateway.cell(index, 'messages')).toBe('Chưa lưu, chưa kiểm tra trên máy chủ.');
    expect(gateway.marks[index]).toBe('unsaved');
  });

  it("leaves a row the server refused with the server's reason until it is edited again", async () => {
    const server = await freshPaneServer(api);
    // The caps count the eligible proposals: the Giấy khen's one place is taken by the first.
    await server.updateCampaign({ quotaRules: QUOTA_RULES_COUNTING_ELIGIBLE });
    await server.put(fields(staffOf('tong-hop')[2]!.id, { status: 'eligible' }), 'tochuc@thidua.local');
    const other = await server.put(fields(kt[1]!.id));
    const proposal = await server.put(fields(kt[2]!.id), 'tochuc@thidua.local');
    const { actions, gateway, clock, controller } = await openPane({ server });
    await actions.openSheet();
    actions.setAutosave(false);
    const index = gateway.findRow('id', proposal.id);
    gateway.edit(index, 'status', 'Đủ điều kiện');
    await actions.save();
    const refusal = 'Lỗi: Vượt chỉ tiêu Giấy khen của Chánh Văn phòng: 2/1';
    expect(gateway.cell(index, 'messages')).toBe(refusal);

    // Another row is edited: it is hinted; the refused row keeps saying why it was refused.
    gateway.edit(gateway.findRow('id', other.id), 'note', 'sửa');
    clock.advance(HINT_DELAY_MS);
    await controller.idle();
    expect(gateway.cell(gateway.findRow('id', other.id), 'messages')).toBe('Chưa lưu, chưa kiểm tra trên máy chủ.');
    expect(gateway.cell(index, 'messages')).toBe(refusal);
  });

  it('with autosave on, the save is the check: no hint pass before it', async () => {
    const { gateway, clock, controller, id } = await pane();
    const reads = gateway.calls.filter((call) => call === 'readRows').length;
    gateway.edit(gateway.findRow('id', id), 'achievements', '');
    clock.advance(HINT_DELAY_MS);
    await controller.idle();
    expect(gateway.calls.filter((call) => call === 'readRows').length).toBe(reads);
  });
});
