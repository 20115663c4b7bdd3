import { Button, Caption1, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkCircleRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { RoleActionId } from '../app/role-actions';
import { useT } from './i18n';

/** Only what the role may do: a unit submits its drafts; HR returns (with a reason) or finds eligible the selected rows. */
export function RoleActions(props: {
  actions: RoleActionId[];
  busy: boolean;
  onSubmit: () => void;
  onReturn: (reason: string) => void;
  onEligible: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  if (props.actions.length === 0) return null;
  const has = (action: RoleActionId) => props.actions.includes(action);
  return (
    <section aria-labelledby="actions-heading">
      <Subtitle2 as="h2" id="actions-heading">
        {t('actions.heading')}
      </Subtitle2>
      {has('submit') && (
        <>
          <Button icon={<SendRegular />} disabled={props.busy} onClick={props.onSubmit}>
            {t('actions.submit')}
          </Button>
          <Caption1 as="p">{t('actions.submitHint')}</Caption1>
        </>
      )}
      {(has('return') || has('eligible')) && <Caption1 as="p">{t('actions.selectionHint')}</Caption1>}
      {has('return') && (
        <>
          <Field label={t('actions.returnReason')}>
            <Input value={reason} onChange={(_, data) => setReason(data.value)} />
          </Field>
          <Button icon={<ArrowUndoRegular />} disabled={props.busy || !reason.trim()} onClick={() => props.onReturn(reason.trim())}>
            {t('actions.return')}
          </Button>
        </>
      )}
      {has('eligible') && (
        <Button icon={<CheckmarkCircleRegular />} disabled={props.busy} onClick={props.onEligible}>
          {t('actions.eligible')}
        </Button>
      )}
    </section>
  );
}
