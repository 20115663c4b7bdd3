import { Button, Caption1, Checkbox, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DecisionChoices, DecisionDraft } from '#addin/app/register/register-state';
import { useLocalized, useT } from './i18n';
import { useLayoutStyles } from './Section';

/**
 * "Ghi quyết định của cấp trên" (HR, an administrator): the form a higher level decides, the decision's
 * number, date and signer, and the nominations selected for that form, all ticked until HR unticks one.
 * What is typed is checked by the controller; this only holds it.
 */
export function DecisionForm({
  choices,
  busy,
  onRecord,
}: {
  choices: DecisionChoices;
  busy: boolean;
  onRecord: (draft: DecisionDraft) => void;
}) {
  const t = useT();
  const text = useLocalized();
  const layout = useLayoutStyles();
  const first = choices.forms.find((f) => choices.nominations.some((n) => n.awardForm === f.code)) ?? choices.forms[0];
  const [awardForm, setAwardForm] = useState(first?.code ?? '');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [signer, setSigner] = useState('');
  // The unticked ones: a nomination the next load brings is ticked by default.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const offered = choices.nominations.filter((n) => n.awardForm === awardForm);
  const ticked = offered.filter((n) => !unticked.has(n.id));
  const toggle = (id: string, on: boolean) =>
    setUnticked((before) => {
      const next = new Set(before);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const record = () => onRecord({ awardForm, number, date, signer, nominationIds: ticked.map((n) => n.id) });
  return (
    <section aria-labelledby="decision-heading" className={layout.stack} data-section="decision">
      <Subtitle2 as="h3" id="decision-heading" block>
        {t('register.decision.heading')}
      </Subtitle2>
      <Caption1 as="p" block>
        {t('register.decision.hint')}
      </Caption1>
      <Field label={t('register.decision.form')} className={layout.field}>
        <Select className={layout.control} value={awardForm} onChange={(_, data) => setAwardForm(data.value)} data-field="decision-form">
          {choices.forms.map((form) => (
            <option key={form.code} value={form.code}>
              {text(form.name)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('register.decision.number')} className={layout.field}>
        <Input className={layout.control} value={number} onChange={(_, data) => setNumber(data.value)} />
      </Field>
      <Field label={t('register.decision.date')} className={layout.field}>
        <Input className={layout.control} value={date} placeholder="dd/MM/yyyy" onChange={(_, data) => setDate(data.value)} />
      </Field>
      <Field label={t('register.decision.signer')} className={layout.field}>
        <Input className={layout.control} value={signer} onChange={(_, data) => setSigner(data.value)} />
      </Field>
      <fieldset className={layout.stack}>
        <legend>{t('register.decision.nominations', { n: ticked.length })}</legend>
        {offered.length === 0 && <Caption1>{t('register.decision.empty')}</Caption1>}
        {offered.map((n) => (
          <Checkbox key={n.id} label={n.label} checked={!unticked.has(n.id)} onChange={(_, data) => toggle(n.id, data.checked === true)} />
        ))}
      </fieldset>
      <div className={layout.row}>
        <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy || ticked.length === 0} onClick={record}>
          {t('register.decision.submit')}
        </Button>
      </div>
    </section>
  );
}
