import { Button, Caption1, Text } from '@fluentui/react-components';
import type { User } from '#shared/org';
import { useT } from './i18n';
import { Section } from './Section';

/** Who is signed in: name, role, unit. */
export function UserCard({ user, unitName, onSignOut }: { user: User; unitName?: string | undefined; onSignOut: () => void }) {
  const t = useT();
  const signOut = (
    <Button size="small" appearance="subtle" onClick={onSignOut}>
      {t('signIn.signOut')}
    </Button>
  );
  return (
    <Section id="user-heading" title={t('user.heading')} actions={signOut}>
      <div>
        <Text as="p" block weight="semibold">
          {t('user.name', { name: user.displayName })}
        </Text>
        <Caption1 as="p" block>
          {t('user.role', { role: t(`role.${user.role}`) })}
        </Caption1>
        {unitName && (
          <Caption1 as="p" block>
            {t('user.unit', { unit: unitName })}
          </Caption1>
        )}
      </div>
    </Section>
  );
}
