import { useState } from 'react';
import { Badge, Button, Field, Text, Textarea } from '@fluentui/react-components';
import type { StageView } from '#addin/app/stage/stage-view';
import { STAGE_LABELS, type CampaignStage } from '#shared/campaign-stage';
import { useLanguage, useT } from './i18n';
import { useLayoutStyles } from './Section';

/**
 * The campaign's stage, what the user may do in it, and for HR and an administrator the moves, each
 * confirmed first (with its reason when it steps back). State and callbacks only.
 */
export function StageBar(props: { stage: StageView; busy: boolean; onMove: (to: CampaignStage, reason?: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const layout = useLayoutStyles();
  const [asked, setAsked] = useState<StageView['moves'][number] | undefined>();
  const [reason, setReason] = useState('');
  const close = () => {
    setAsked(undefined);
    setReason('');
  };
  return (
    <section aria-label={t('stage.label')} className={layout.stack}>
      <Text>
        {t('stage.label')}: <Badge appearance="tint">{props.stage.label[language]}</Badge>
      </Text>
      <Text size={200}>{props.stage.mayNow[language]}</Text>
      {asked ? (
        <div className={layout.stack}>
          {/* The stage it leads to by its name (the bar's badge after the move), not the button's verb. */}
          <Text weight="semibold">{t('stage.confirm', { stage: STAGE_LABELS[asked.to][language] })}</Text>
          {asked.needsReason && (
            <Field label={t('stage.reason')} required className={layout.field}>
              <Textarea value={reason} onChange={(_, data) => setReason(data.value)} />
            </Field>
          )}
          <div className={layout.row}>
            <Button
              appearance="primary"
              disabled={props.busy || (asked.needsReason && !reason.trim())}
              onClick={() => {
                props.onMove(asked.to, asked.needsReason ? reason : undefined);
                close();
              }}
            >
              {t('stage.yes')}
            </Button>
            <Button onClick={close}>{t('stage.cancel')}</Button>
          </div>
        </div>
      ) : (
        props.stage.moves.length > 0 && (
          <div className={layout.row}>
            {props.stage.moves.map((move) => (
              <Button key={move.to} disabled={props.busy} onClick={() => setAsked(move)}>
                {move.label[language]}
              </Button>
            ))}
          </div>
        )
      )}
    </section>
  );
}
