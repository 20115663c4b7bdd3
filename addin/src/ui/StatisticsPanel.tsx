import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { ArrowSyncRegular, DocumentTableRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

/**
 * "Thống kê": refresh the campaign's statistics sheet (its charts with it), and, for those the policy
 * offers it, export a year's forms (biểu 0601–0605). What happened is the pane's status line. State and
 * callbacks only.
 */
export function StatisticsPanel({
  busy,
  defaultYear,
  canExportYear,
  onRefresh,
  onExportYear,
}: {
  busy: boolean;
  defaultYear: number;
  canExportYear: boolean;
  onRefresh: () => void;
  onExportYear: (year: number) => void;
}) {
  const t = useT();
  const layout = useLayoutStyles();
  const [year, setYear] = useState(String(defaultYear));
  return (
    <Section id="statistics-heading" title={t('statistics.heading')}>
      <Caption1 as="p" block>
        {t('statistics.hint')}
      </Caption1>
      <div className={layout.row}>
        <Button size="small" icon={<ArrowSyncRegular />} disabled={busy} onClick={onRefresh}>
          {t('statistics.refresh')}
        </Button>
      </div>
      {canExportYear && (
        <div className={layout.stack}>
          <Caption1 as="p" block>
            {t('statistics.exportHint')}
          </Caption1>
          <div className={layout.row}>
            <Field label={t('statistics.year')} className={layout.field}>
              <Input type="number" min={2000} max={2100} value={year} onChange={(_, data) => setYear(data.value)} />
            </Field>
            <Button size="small" icon={<DocumentTableRegular />} disabled={busy} onClick={() => onExportYear(Number(year))}>
              {t('statistics.export')}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}
