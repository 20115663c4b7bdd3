import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Localized } from '#addin/i18n/index';
import { useLocalized, useT } from './i18n';

/** The error (red) and the latest notice (blue), each dismissible. */
export function Banners({
  error,
  notice,
  onDismiss,
}: {
  error?: Localized | undefined;
  notice?: Localized | undefined;
  onDismiss: () => void;
}) {
  const t = useT();
  const text = useLocalized();
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
        <MessageBar intent="info" layout="multiline" role="status">
          <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{text(notice)}</MessageBarBody>
          {dismiss}
        </MessageBar>
      )}
    </>
  );
}
