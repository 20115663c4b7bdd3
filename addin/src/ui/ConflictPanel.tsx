import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ConflictView } from '#addin/app/conflicts/conflicts';
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
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXS,
    verticalAlign: 'top',
    wordBreak: 'break-word',
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Each conflicting row, the user's cells beside the server's (where they differ); keep mine or take theirs. */
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
        return (
          <article key={conflict.id} className={styles.conflict} aria-label={t('conflicts.row', { label: conflict.label })}>
            <Text block weight="semibold">
              {t('conflicts.row', { label: conflict.label })}
            </Text>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.cell} scope="col">
                    {t('conflicts.column')}
                  </th>
                  <th className={styles.cell} scope="col">
                    {t('conflicts.mine')}
                  </th>
                  <th className={styles.cell} scope="col">
                    {t('conflicts.theirs', { version: conflict.theirsVersion })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field) => (
                  <tr key={field.columnId}>
                    <th className={styles.cell} scope="row">
                      {field.header}
                    </th>
                    <td className={styles.cell}>{field.mine}</td>
                    <td className={styles.cell}>{field.theirs ?? t('conflicts.hidden')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className={styles.buttons}>
              <Button appearance="primary" onClick={() => props.onKeepMine(conflict.id)}>
                {t('conflicts.keepMine')}
              </Button>
              <Button disabled={!conflict.theirsVisible} onClick={() => props.onTakeTheirs(conflict.id)}>
                {t('conflicts.takeTheirs')}
              </Button>
            </div>
          </article>
        );
      })}
    </Section>
  );
}
