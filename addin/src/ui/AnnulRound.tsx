import { Button, Field, Input } from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useT } from './i18n';

/**
 * An administrator's annulment of the confirmed round in hand: the reason, then the button. The reason
 * box empties once the pane has sent it. State and one callback only.
 */
export function AnnulRound({ busy, onAnnul }: { busy: boolean; onAnnul: (reason: string) => Promise<void> }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <>
      <Field label={t('council.annulLabel')}>
        <Input value={reason} onChange={(_, data) => setReason(data.value)} />
      </Field>
      <Button
        icon={<DismissCircleRegular />}
        disabled={busy || reason.trim().length < 5}
        onClick={() => void onAnnul(reason).then(() => setReason(''))}
      >
        {t('council.annul')}
      </Button>
    </>
  );
}
