import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkCircleRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { RoleActionId } from '#addin/app/roles/role-actions';
import { useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

/** Only what the role may do: a unit submits its drafts; HR returns (with a reason) or finds eligible the selected rows. */
export function RoleActions(props: {
  actions: RoleActionId[];
  busy: boolean;
  onSubmit: () => void;
  onReturn: (reason: string) => void;
  onEligible: () => void;
}) {
  const t = useT();
  const layout = useLayoutStyles();
  const [reason, setReason] = useState('');
  if (props.actions.length === 0) return null;
  const has = (action: RoleActionId) => props.actions.includes(action);
  return (
    <Section id="actions-heading" title={t('actions.heading')}>
      {has('submit') && (
        <>
          <Caption1 as="p" block>
            {t('actions.submitHint')}
          </Caption1>
          <div className={layout.row}>
            <Button icon={<SendRegular />} disabled={props.busy} onClick={props.onSubmit}>
              {t('actions.submit')}
            </Button>
          </div>
        </>
      )}
      {(has('return') || has('eligible')) && (
        <Caption1 as="p" block>
          {t('actions.selectionHint')}
        </Caption1>
      )}
      {has('return') && (
        <Field label={t('actions.returnReason')} className={layout.field}>
          <Input className={layout.control} value={reason} onChange={(_, data) => setReason(data.value)} />
        </Field>
      )}
      {(has('return') || has('eligible')) && (
        <div className={layout.row}>
          {has('return') && (
            <Button
              icon={<ArrowUndoRegular />}
              disabled={props.busy || !reason.trim()}
              onClick={() => {
                props.onReturn(reason.trim());
                // Used: the next return asks for its own reason, not this one's.
                setReason('');
              }}
            >
              {t('actions.return')}
            </Button>
          )}
          {has('eligible') && (
            <Button icon={<CheckmarkCircleRegular />} disabled={props.busy} onClick={props.onEligible}>
              {t('actions.eligible')}
            </Button>
          )}
        </div>
      )}
    </Section>
  );
}
