import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { QuotaRow } from '#addin/app/report/panels';
import { useLocalized, useT } from './i18n';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottomStyle: 'none' },
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  wrap: { flexWrap: 'wrap' },
  form: { flexGrow: 1, minWidth: 0 },
  used: { flexShrink: 0, whiteSpace: 'nowrap', marginInlineStart: 'auto' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  candidates: { color: tokens.colorNeutralForeground2 },
});

/** Per award form (and scope): places selected of the cap, red when over; candidates counted. */
export function QuotaPanel({ rows }: { rows: QuotaRow[] }) {
  const t = useT();
  const styles = useStyles();
  return (
    <Section id="quota-heading" title={t('quota.heading')}>
      {rows.length === 0 ? (
        <Text as="p" block>
          {t('quota.empty')}
        </Text>
      ) : (
        <ul className={styles.list}>
          {rows.map((row) => (
            <QuotaItem key={row.key} row={row} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/** One form: its name with "Đã chọn x/y" at the right, then the candidates and a badge when over or crowded. */
function QuotaItem({ row }: { row: QuotaRow }) {
  const t = useT();
  const text = useLocalized();
  const styles = useStyles();
  const scope = row.scopeName ?? t('quota.campaignScope');
  return (
    <li
      className={styles.item}
      data-over={row.over ? 'true' : 'false'}
      aria-label={t('quota.row', { form: text(row.awardFormName), scope, used: row.used, max: row.max, candidates: row.candidates })}
    >
      <div className={styles.line}>
        <Text className={styles.form}>
          {text(row.awardFormName)}
          {row.scopeName ? ` – ${row.scopeName}` : ''}
        </Text>
        <Text className={mergeClasses(styles.used, row.over && styles.over)}>{t('quota.used', { used: row.used, max: row.max })}</Text>
      </div>
      <div className={mergeClasses(styles.line, styles.wrap)}>
        <Caption1 className={styles.candidates}>{t('quota.candidates', { n: row.candidates })}</Caption1>
        {row.actionable && row.over && (
          <Badge color="danger" appearance="filled" size="small">
            {t('quota.over')}
          </Badge>
        )}
        {row.actionable && !row.over && row.crowded && (
          <Badge color="warning" appearance="tint" size="small">
            {t('quota.crowded')}
          </Badge>
        )}
      </div>
    </li>
  );
}
