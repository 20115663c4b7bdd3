import { Badge, Button, Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { IssueGroup, IssueItem } from '../app/panels';
import { useLocalized, useT } from './i18n';

const useStyles = makeStyles({
  group: { marginBlockEnd: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { justifyContent: 'flex-start', textAlign: 'start', width: '100%' },
});

/** How many findings of one rule are listed (the sheet's messages column holds them all). */
const SHOWN_PER_GROUP = 100;

/** The validation report's findings by rule; a click selects the cell in the sheet. */
export function IssueList(props: {
  groups: IssueGroup[];
  counts: { errors: number; warnings: number };
  onSelect: (item: IssueItem) => void;
  onRefresh: () => void;
}) {
  const t = useT();
  const text = useLocalized();
  const styles = useStyles();
  return (
    <section aria-labelledby="issues-heading">
      <Subtitle2 as="h2" id="issues-heading">
        {t('issues.heading')}
      </Subtitle2>
      <Caption1 as="p">{t('issues.summary', props.counts)}</Caption1>
      <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={props.onRefresh}>
        {t('issues.refresh')}
      </Button>
      {props.groups.length === 0 && <Text as="p">{t('issues.empty')}</Text>}
      {props.groups.map((group) => (
        <div key={group.code} className={styles.group}>
          <h3 className={styles.heading}>
            <Badge color={group.severity === 'error' ? 'danger' : 'warning'} appearance="tint">
              {t(group.severity === 'error' ? 'severity.error' : 'severity.warning')}
            </Badge>
            <Text weight="semibold">{t('issues.group', { rule: t(`rule.${group.code}`), n: group.items.length })}</Text>
          </h3>
          <ul className={styles.list}>
            {group.items.slice(0, SHOWN_PER_GROUP).map((item) => {
              const label = item.label ? `${item.label}: ${text(item.message)}` : text(item.message);
              return (
                <li key={item.key}>
                  <Button
                    className={styles.item}
                    appearance="transparent"
                    size="small"
                    aria-label={t('issues.goTo', { label })}
                    disabled={!item.nominationId}
                    onClick={() => props.onSelect(item)}
                  >
                    {label}
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
