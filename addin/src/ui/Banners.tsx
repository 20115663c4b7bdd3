import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Localized } from '#addin/i18n/index';
import type { Refusal } from '#addin/app/controller';
import { useLocalized, useT } from './i18n';

const useStyles = makeStyles({
  refusals: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

/**
 * The error (red) and the status line of the last action, each dismissible. A save's refused rows
 * follow its status line in red, each reason with the rows it refused.
 */
export function Banners({
  error,
  notice,
  refusals = [],
  onDismiss,
}: {
  error?: Localized | undefined;
  notice?: Localized | undefined;
  refusals?: readonly Refusal[] | undefined;
  onDismiss: () => void;
}) {
  const t = useT();
  const text = useLocalized();
  const styles = useStyles();
  const dismiss = (
    <MessageBarActions
      containerAction={<Button appearance="transparent" aria-label={t('common.dismiss')} icon={<DismissRegular />} onClick={onDismiss} />}
    />
  );
  return (
    <>
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          {/* pre-line: a refusal lists its rows one per line */}
          <MessageBarBody style={{ whiteSpace: 'pre-line' }}>
            <MessageBarTitle>{t('error.heading')}</MessageBarTitle>
            {text(error)}
          </MessageBarBody>
          {dismiss}
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={refusals.length > 0 ? 'warning' : 'info'} layout="multiline" role="status">
          <MessageBarBody style={{ whiteSpace: 'pre-line' }}>
            {text(notice)}
            {refusals.length > 0 && (
              <ul className={styles.refusals}>
                {refusals.map((refusal) => (
                  <li key={refusal.reason.vi}>{t('status.refusal', { reason: text(refusal.reason), names: refusal.names.join(', ') })}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          {dismiss}
        </MessageBar>
      )}
    </>
  );
}
