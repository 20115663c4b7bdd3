import { Button, Field, Select, Text } from '@fluentui/react-components';
import { TableRegular } from '@fluentui/react-icons';
import { useT } from './i18n';

/** The campaign picker and "Mở bảng tổng hợp" (lays out the sheet and loads it from the server). */
export function CampaignBar(props: {
  campaigns: { id: string; title: string }[];
  campaignId?: string | undefined;
  busy: boolean;
  onSelect: (campaignId: string) => void;
  onOpen: () => void;
}) {
  const t = useT();
  if (props.campaigns.length === 0) return <Text as="p">{t('campaign.none')}</Text>;
  return (
    <section aria-label={t('campaign.label')}>
      <Field label={t('campaign.label')}>
        <Select value={props.campaignId ?? ''} onChange={(_, data) => props.onSelect(data.value)}>
          {props.campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.title}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" icon={<TableRegular />} disabled={props.busy || !props.campaignId} onClick={props.onOpen}>
        {t('campaign.open')}
      </Button>
    </section>
  );
}
