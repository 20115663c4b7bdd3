import { Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { IssueGroup, IssueItem } from '#addin/app/report/panels';
import { useLocalized, useT } from './i18n';
import { Section } from './Section';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: 'inherit' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', minWidth: 0, fontWeight: tokens.fontWeightRegular },
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
  const refresh = (
    <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={props.onRefresh}>
      {t('issues.refresh')}
    </Button>
  );
  return (
    <Section id="issues-heading" title={t('issues.heading')} actions={refresh}>
      <Caption1 as="p" block>
        {t('issues.summary', props.counts)}
      </Caption1>
      {props.groups.length === 0 && (
        <Text as="p" block>
          {t('issues.empty')}
        </Text>
      )}
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
    </Section>
  );
}
