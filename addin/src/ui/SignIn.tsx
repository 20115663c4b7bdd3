import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PaneState } from '#addin/app/controller';
import { useLocalized, useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

/** Dev: pick a demo user of the local runner; production: the office's sign-in page (OpenID Connect) or Microsoft 365's. */
export function SignIn({ auth, onSignIn }: { auth: PaneState['auth']; onSignIn: (email?: string) => void }) {
  const t = useT();
  const text = useLocalized();
  const layout = useLayoutStyles();
  const [email, setEmail] = useState('');
  const busy = auth.status === 'signing-in' || auth.status === 'checking';
  return (
    <Section id="signin-heading" title={t('signIn.title')}>
      {auth.kind === 'dev' ? (
        <>
          <Text as="p" block>
            {t('signIn.devHint')}
          </Text>
          <Field label={t('signIn.devPick')} className={layout.field}>
            <Select className={layout.control} value={email} onChange={(_, data) => setEmail(data.value)}>
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
        <Text as="p" block>
          {t(auth.kind === 'oidc' ? 'signIn.oidcHint' : 'signIn.prodHint')}
        </Text>
      )}
      <div className={layout.row}>
        <Button
          appearance="primary"
          disabled={busy || (auth.kind === 'dev' && !email)}
          onClick={() => onSignIn(auth.kind === 'dev' ? email : undefined)}
        >
          {t('signIn.button')}
        </Button>
        {busy && <Spinner size="tiny" label={t('signIn.signingIn')} />}
      </div>
      {auth.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{text(auth.error)}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
