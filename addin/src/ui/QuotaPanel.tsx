import { Badge, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { QuotaRow } from '../app/panels';
import { useLocalized, useT } from './i18n';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  form: { flexGrow: 1 },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Per award form (and scope): places selected of the cap, red when over; candidates counted. */
export function QuotaPanel({ rows }: { rows: QuotaRow[] }) {
  const t = useT();
  const text = useLocalized();
  const styles = useStyles();
  return (
    <section aria-labelledby="quota-heading">
      <Subtitle2 as="h2" id="quota-heading">
        {t('quota.heading')}
      </Subtitle2>
      {rows.length === 0 ? (
        <Text as="p">{t('quota.empty')}</Text>
      ) : (
        <ul className={styles.list}>
          {rows.map((row) => {
            const scope = row.scopeName ?? t('quota.campaignScope');
            return (
              <li
                key={row.key}
                className={styles.row}
                data-over={row.over ? 'true' : 'false'}
                aria-label={t('quota.row', { form: text(row.awardFormName), scope, used: row.used, max: row.max, candidates: row.candidates })}
              >
                <Text className={styles.form}>
                  {text(row.awardFormName)}
                  {row.scopeName ? ` – ${row.scopeName}` : ''}
                </Text>
                <Text className={row.over ? styles.over : undefined}>{t('quota.used', { used: row.used, max: row.max })}</Text>
                <Text>{t('quota.candidates', { n: row.candidates })}</Text>
                {row.over && (
                  <Badge color="danger" appearance="filled">
                    {t('quota.over')}
                  </Badge>
                )}
                {!row.over && row.crowded && (
                  <Badge color="warning" appearance="tint">
                    {t('quota.crowded')}
                  </Badge>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
