import { Button, Caption1, Field, Input, Select } from '@fluentui/react-components';
import { ArrowUploadRegular, SearchRegular, TableRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DecisionChoices, DecisionDraft, RegisterQuery } from '#addin/app/register/register-state';
import { DecisionForm } from './DecisionForm';
import { useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

/**
 * "Sổ khen thưởng": whose history to look up (a person or a unit, by name or code) with the year, form
 * and unit filters, and for HR and an administrator the history sheet's buttons and the higher
 * authority's decision (DecisionForm). State and callbacks only.
 */
export function RegisterPanel({
  busy,
  canImport,
  onLookup,
  onOpenHistory,
  onImportHistory,
  decision,
}: {
  busy: boolean;
  canImport: boolean;
  /** Offered to whoever may record a decision, once a load says what it may award. */
  decision?: { choices: DecisionChoices; onRecord: (draft: DecisionDraft) => void };
  onLookup: (query: RegisterQuery) => void;
  onOpenHistory: () => void;
  onImportHistory: () => void;
}) {
  const t = useT();
  const layout = useLayoutStyles();
  const [kind, setKind] = useState<RegisterQuery['kind']>('individual');
  const [subject, setSubject] = useState('');
  const [year, setYear] = useState('');
  const [form, setForm] = useState('');
  const [unit, setUnit] = useState('');
  const lookup = () => onLookup({ kind, subject, ...(/^\d{4}$/.test(year.trim()) ? { year: Number(year.trim()) } : {}), form, unit });
  return (
    <Section id="register-heading" title={t('register.heading')}>
      <Caption1 as="p" block>
        {t('register.hint')}
      </Caption1>
      <Field label={t('register.kind')} className={layout.field}>
        <Select
          className={layout.control}
          value={kind}
          onChange={(_, data) => setKind(data.value as RegisterQuery['kind'])}
          data-field="register-kind"
        >
          <option value="individual">{t('register.kind.individual')}</option>
          <option value="collective">{t('register.kind.collective')}</option>
        </Select>
      </Field>
      <Field label={t('register.subject')} className={layout.field}>
        <Input className={layout.control} value={subject} onChange={(_, data) => setSubject(data.value)} data-field="register-subject" />
      </Field>
      <div className={layout.row}>
        <Field label={t('register.year')}>
          <Input value={year} inputMode="numeric" onChange={(_, data) => setYear(data.value)} data-field="register-year" />
        </Field>
        <Field label={t('register.form')}>
          <Input value={form} onChange={(_, data) => setForm(data.value)} data-field="register-form" />
        </Field>
        <Field label={t('register.unit')}>
          <Input value={unit} onChange={(_, data) => setUnit(data.value)} data-field="register-unit" />
        </Field>
      </div>
      <div className={layout.row}>
        <Button appearance="primary" icon={<SearchRegular />} disabled={busy} onClick={lookup}>
          {t('register.lookup')}
        </Button>
        {canImport && (
          <>
            <Button icon={<TableRegular />} disabled={busy} onClick={onOpenHistory}>
              {t('register.openHistory')}
            </Button>
            <Button icon={<ArrowUploadRegular />} disabled={busy} onClick={onImportHistory}>
              {t('register.importHistory')}
            </Button>
          </>
        )}
      </div>
      {decision && decision.choices.forms.length > 0 && (
        <DecisionForm busy={busy} choices={decision.choices} onRecord={decision.onRecord} />
      )}
    </Section>
  );
}
