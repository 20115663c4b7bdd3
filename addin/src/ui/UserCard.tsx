import { Button, Caption1, Subtitle2, Text } from '@fluentui/react-components';
import type { User } from '../../../shared/org';
import { useT } from './i18n';

/** Who is signed in: name, role, unit. */
export function UserCard({ user, unitName, onSignOut }: { user: User; unitName?: string | undefined; onSignOut: () => void }) {
  const t = useT();
  return (
    <section aria-labelledby="user-heading">
      <Subtitle2 as="h2" id="user-heading">
        {t('user.heading')}
      </Subtitle2>
      <Text as="p" weight="semibold">
        {t('user.name', { name: user.displayName })}
      </Text>
      <Caption1 as="p">{t('user.role', { role: t(`role.${user.role}`) })}</Caption1>
      {unitName && <Caption1 as="p">{t('user.unit', { unit: unitName })}</Caption1>}
      <Button size="small" appearance="subtle" onClick={onSignOut}>
        {t('signIn.signOut')}
      </Button>
    </section>
  );
}
