import { Button, Field, Select, Text } from '@fluentui/react-components';
import { TableRegular } from '@fluentui/react-icons';
import { useT } from './i18n';
import { useLayoutStyles } from './Section';

/** The campaign picker and "Mở bảng tổng hợp" (lays out the sheet and loads it from the server). */
export function CampaignBar(props: {
  campaigns: { id: string; title: string }[];
  campaignId?: string | undefined;
  busy: boolean;
  onSelect: (campaignId: string) => void;
  onOpen: () => void;
}) {
  const t = useT();
  const layout = useLayoutStyles();
  if (props.campaigns.length === 0)
    return (
      <Text as="p" block>
        {t('campaign.none')}
      </Text>
    );
  return (
    <section aria-label={t('campaign.label')} className={layout.stack}>
      <Field label={t('campaign.label')} className={layout.field}>
        <Select className={layout.control} value={props.campaignId ?? ''} onChange={(_, data) => props.onSelect(data.value)}>
          {props.campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.title}
            </option>
          ))}
        </Select>
      </Field>
      <div className={layout.row}>
        <Button appearance="primary" icon={<TableRegular />} disabled={props.busy || !props.campaignId} onClick={props.onOpen}>
          {t('campaign.open')}
        </Button>
      </div>
    </section>
  );
}
