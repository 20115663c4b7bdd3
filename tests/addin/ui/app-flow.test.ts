// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#addin/ui/index';
import { byId, col, fields, staffOf, typedCells } from '#tests/addin/app/fixtures';
import { openPane } from '#tests/addin/app/harness';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer } from '#tests/support/pane-api';

afterEach(cleanup);
// The real API over DynamoDB Local, run in this process (jsdom is the pane's environment, not the handlers').
const api = useTestApi();

describe('the pane over the real controller', () => {
  it('signs in from the picker, opens the sheet, saves a typed row', async () => {
    const server = await freshPaneServer(api);
    await server.put(fields(staffOf('kinh-te')[0]!.id));
    const pane = await openPane({ server, email: null });
    render(createElement(App, { controller: pane.controller }));

    fireEvent.change(screen.getByRole('combobox', { name: 'Tài khoản mẫu' }), { target: { value: 'tochuc@thidua.local' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await screen.findByText('Họ tên: Cán bộ tổ chức (HCTC-QTTV)');
    await act(() => pane.controller.idle());

    fireEvent.click(screen.getByRole('button', { name: 'Mở bảng tổng hợp' }));
    await act(() => pane.controller.idle());
    await screen.findByText('Đã tải 1 đề nghị.');
    expect(pane.gateway.rows).toHaveLength(1);

    const index = pane.gateway.typeRow(byId(typedCells(fields(staffOf('tong-hop')[1]!.id, { status: 'draft' }))));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await act(() => pane.controller.idle());
    await waitFor(() => expect(pane.gateway.rows[index]![col('id')]).toMatch(/^n[0-9a-z]+$/));
    // The status line replaces the load's "Đã tải 1 đề nghị.".
    expect(screen.getByText('Đã lưu 1 dòng.')).toBeTruthy();
    expect(screen.queryByText('Đã tải 1 đề nghị.')).toBeNull();
    expect(screen.getByText('Lưu lần gần nhất lúc 10:04.')).toBeTruthy();
    expect(screen.getByText('Mọi dòng đã được lưu')).toBeTruthy();
    await pane.controller.dispose();
  });
});
