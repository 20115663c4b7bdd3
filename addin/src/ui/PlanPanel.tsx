import { Button, Field, Input, Select } from '@fluentui/react-components';
import { AddRegular, DocumentTableRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { PlanActions, PlanSource, PlanState } from '#addin/app/plan/plan-state';
import { Section } from './Section';
import { useT } from './i18n';

type SourceChoice = 'special' | 'annual' | 'copy';

/**
 * The "Kế hoạch" section: open the plan in its sheet (read-only for HR), and for an administrator a
 * new campaign from a template or as a copy of the chosen one, the plan's save, and a conflict's two
 * ways out. State and callbacks only.
 */
export function PlanPanel({
  plan,
  actions,
  campaignId,
  admin,
  busy,
}: {
  plan?: PlanState;
  actions: PlanActions;
  campaignId?: string;
  admin: boolean;
  busy: boolean;
}) {
  const t = useT();
  const [source, setSource] = useState<SourceChoice>('annual');
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const from: PlanSource = source === 'copy' ? { copyOf: campaignId ?? '' } : { template: source };
  const ready = /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) && title.trim() !== '' && (source !== 'copy' || !!campaignId);
  return (
    <Section id="plan" title={t('plan.title')}>
      <p>
        <Button icon={<DocumentTableRegular />} disabled={busy || !campaignId} onClick={() => void actions.open()}>
          {t('plan.open')}
        </Button>{' '}
        {admin && (
          <Button icon={<SaveRegular />} disabled={busy || !plan?.opened} onClick={() => void actions.save()}>
            {t('plan.save')}
          </Button>
        )}
      </p>
      {admin && plan?.conflict && (
        <p>
          <Button disabled={busy} onClick={() => void actions.reload()}>
            {t('plan.reload')}
          </Button>{' '}
          <Button disabled={busy} onClick={() => void actions.overwrite()}>
            {t('plan.overwrite')}
          </Button>
        </p>
      )}
      {admin && (
        <form
          aria-label={t('plan.new')}
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void actions.create(from, { id, title: title.trim() });
          }}
        >
          <Field label={t('plan.new')}>
            <Select value={source} onChange={(_, data) => setSource(data.value as SourceChoice)}>
              <option value="annual">{t('plan.from.annual')}</option>
              <option value="special">{t('plan.from.special')}</option>
              <option value="copy">{t('plan.from.copy')}</option>
            </Select>
          </Field>
          <Field label={t('plan.newId')}>
            <Input value={id} onChange={(_, data) => setId(data.value.trim())} />
          </Field>
          <Field label={t('plan.newTitle')}>
            <Input value={title} onChange={(_, data) => setTitle(data.value)} />
          </Field>
          <Button type="submit" icon={<AddRegular />} disabled={busy || !ready}>
            {t('plan.create')}
          </Button>
        </form>
      )}
    </Section>
  );
}
