import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ConflictView } from '#addin/app/conflicts/conflicts';
import { formatDate, formatTime } from '#addin/i18n/index';
import { useT } from './i18n';
import { Section } from './Section';

const useStyles = makeStyles({
  conflict: {
    borderLeftWidth: '3px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorStatusWarningBorderActive,
    paddingInlineStart: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  // Stacked, not a three-column table: at 320 px a table squeezes its cells until words break mid-letter.
  field: { display: 'flex', flexDirection: 'column', minWidth: 0, fontSize: tokens.fontSizeBase200 },
  pairs: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, auto) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS },
  term: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  value: { margin: 0, minWidth: 0, overflowWrap: 'break-word', wordBreak: 'normal' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Each conflicting row: who changed it on the server and when, the user's cells above the server's
 * (where they differ); the safe way out, keeping the server's row, is the primary button.
 */
export function ConflictPanel(props: { conflicts: ConflictView[]; onKeepMine: (id: string) => void; onTakeTheirs: (id: string) => void }) {
  const t = useT();
  const styles = useStyles();
  if (props.conflicts.length === 0) return null;
  return (
    <Section id="conflicts-heading" title={`${t('conflicts.heading')} (${props.conflicts.length})`}>
      <Caption1 as="p" block>
        {t('conflicts.help')}
      </Caption1>
      {props.conflicts.map((conflict) => {
        const fields = conflict.theirsVisible ? conflict.fields.filter((field) => field.differs) : conflict.fields;
        const at = conflict.changedAt ? new Date(conflict.changedAt) : undefined;
        return (
          <article key={conflict.id} className={styles.conflict} aria-label={t('conflicts.row', { label: conflict.label })}>
            <Text block weight="semibold">
              {t('conflicts.row', { label: conflict.label })}
            </Text>
            {conflict.changedBy && at && (
              <Caption1 as="p" block>
                {t('conflicts.changedBy', { who: conflict.changedBy, time: formatTime(at), date: formatDate(conflict.changedAt!) })}
              </Caption1>
            )}
            {fields.map((field) => (
              <div key={field.columnId} className={styles.field} role="group" aria-label={field.header}>
                <Text weight="semibold">{field.header}</Text>
                <dl className={styles.pairs}>
                  <dt className={styles.term}>{t('conflicts.mine')}</dt>
                  <dd className={styles.value}>{field.mine}</dd>
                  <dt className={styles.term}>{t('conflicts.theirs')}</dt>
                  <dd className={styles.value}>{field.theirs ?? t('conflicts.hidden')}</dd>
                </dl>
              </div>
            ))}
            <div className={styles.buttons}>
              <Button
                appearance={conflict.theirsVisible ? 'primary' : 'secondary'}
                disabled={!conflict.theirsVisible}
                onClick={() => props.onTakeTheirs(conflict.id)}
              >
                {t('conflicts.takeTheirs')}
              </Button>
              <Button appearance={conflict.theirsVisible ? 'secondary' : 'primary'} onClick={() => props.onKeepMine(conflict.id)}>
                {t('conflicts.keepMine')}
              </Button>
            </div>
          </article>
        );
      })}
    </Section>
  );
}
