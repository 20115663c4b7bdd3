import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PaneState } from '../app/controller';
import { useLocalized, useT } from './i18n';

/** Dev: pick a demo user of the local runner; production: Microsoft sign-in. */
export function SignIn({ auth, onSignIn }: { auth: PaneState['auth']; onSignIn: (email?: string) => void }) {
  const t = useT();
  const text = useLocalized();
  const [email, setEmail] = useState('');
  const busy = auth.status === 'signing-in' || auth.status === 'checking';
  return (
    <section aria-labelledby="signin-heading">
      <Subtitle2 as="h2" id="signin-heading">
        {t('signIn.title')}
      </Subtitle2>
      {auth.kind === 'dev' ? (
        <>
          <Text as="p">{t('signIn.devHint')}</Text>
          <Field label={t('signIn.devPick')}>
            <Select value={email} onChange={(_, data) => setEmail(data.value)}>
              <option value="">{t('signIn.devPlaceholder')}</option>
              {auth.devUsers.map((user) => (
                <option key={user.email} value={user.email}>
                  {user.displayName ? `${user.displayName} (${user.email})` : user.email}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : (
        <Text as="p">{t('signIn.prodHint')}</Text>
      )}
      <Button appearance="primary" disabled={busy || (auth.kind === 'dev' && !email)} onClick={() => onSignIn(auth.kind === 'dev' ? email : undefined)}>
        {t('signIn.button')}
      </Button>
      {busy && <Spinner size="tiny" label={t('signIn.signingIn')} />}
      {auth.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{text(auth.error)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
