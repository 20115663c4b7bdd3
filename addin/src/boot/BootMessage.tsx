import {
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EXCEL_WEB_UPLOAD } from '#shared/addin-upload';

/**
 * What the pane shows when it cannot start its work: opened outside Excel (or without office.js), or
 * a deployment that is not configured. Vietnamese first, English under it: the pane's language setting
 * lives in the App, which has not started.
 */
const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '36rem',
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  english: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

export type BootProblem =
  { kind: 'not-in-excel'; officeLoaded: boolean; local: boolean } | { kind: 'config'; detail: string } | { kind: 'failed'; detail: string };

export function BootMessage({ problem }: { problem: BootProblem }) {
  const styles = useStyles();
  const here = typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}`;
  return (
    <main className={styles.page} lang="vi">
      <div className={styles.header}>
        <img src="icons/icon-32.png" width={32} height={32} alt="" />
        <Subtitle1 as="h1">Thi đua – Khen thưởng</Subtitle1>
      </div>
      {problem.kind === 'not-in-excel' && (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Hãy mở ngăn này trong Excel</MessageBarTitle>
              Ngăn Thi đua – Khen thưởng làm việc với bảng tính đang mở, nên chỉ chạy bên trong Excel (máy tính hoặc Excel trên web). Trong
              Excel, trên thẻ <strong>Trang đầu</strong>, bấm <strong>Đề nghị khen thưởng</strong>.
            </MessageBarBody>
          </MessageBar>
          {problem.local && (
            <Body1>
              Đang chạy cục bộ (<span className={styles.code}>npm start</span>): nạp tệp <span className={styles.code}>manifest.xml</span>{' '}
              vào Excel trên web ({EXCEL_WEB_UPLOAD.vi}), rồi mở ngăn từ nút trên thẻ Trang đầu.
            </Body1>
          )}
          {!problem.officeLoaded && <Caption1>Không tải được Office.js (máy không có mạng, hoặc trang được mở ngoài Office).</Caption1>}
          <Body1 className={styles.english} lang="en">
            Open this pane inside Excel: it works on the open workbook. In Excel (desktop or on the web), on the <strong>Home</strong> tab,
            select <strong>Nominations</strong>.
            {problem.local && ` Running locally: upload manifest.xml to Excel on the web (${EXCEL_WEB_UPLOAD.en}).`}
            {!problem.officeLoaded && ' Office.js could not be loaded (no network, or the page was opened outside Office).'}
          </Body1>
          {here && (
            <Caption1 className={styles.english}>
              <Link href="support.html" target="_blank">
                Hướng dẫn / Help
              </Link>{' '}
              · <span className={styles.code}>{here}</span>
            </Caption1>
          )}
        </>
      )}
      {problem.kind === 'config' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Bổ trợ chưa được cấu hình</MessageBarTitle>
            Hãy báo bộ phận công nghệ thông tin của cơ quan. / The add-in is not configured; tell your IT staff.
            <div className={styles.code}>{problem.detail}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {problem.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không khởi động được ngăn</MessageBarTitle>
            Hãy đóng ngăn rồi mở lại. / The pane could not start; close it and open it again.
            <div className={styles.code}>{problem.detail}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
