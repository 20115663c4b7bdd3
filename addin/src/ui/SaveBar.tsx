import { Button, Caption1, Field, ProgressBar, Switch, Text } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import type { PaneState } from '#addin/app/controller';
import { formatTime } from '#addin/i18n/index';
import { progressView } from './format';
import { useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

type SaveState = Pick<
  PaneState,
  'saving' | 'autosave' | 'canSave' | 'progress' | 'unsavedRows' | 'edited' | 'lastSave' | 'retry' | 'sheet'
>;

/** Save, autosave, progress, and what the last save did. */
export function SaveBar({ state, onSave, onAutosave }: { state: SaveState; onSave: () => void; onAutosave: (on: boolean) => void }) {
  const t = useT();
  const layout = useLayoutStyles();
  if (!state.canSave)
    return (
      <Text as="p" block>
        {t('save.readOnly')}
      </Text>
    );
  const progress = state.progress ? progressView(t, state.progress) : undefined;
  const unsaved = state.unsavedRows > 0 || state.edited;
  return (
    <Section id="save-heading" title={t('save.heading')}>
      <div className={layout.row}>
        <Button appearance="primary" icon={<SaveRegular />} disabled={state.saving || state.sheet !== 'ready'} onClick={onSave}>
          {state.saving ? t('save.saving') : t('save.button')}
        </Button>
        <Switch checked={state.autosave} label={t('save.autosave')} onChange={(_, data) => onAutosave(data.checked)} />
      </div>
      {progress && (
        <Field label={progress.text} className={layout.field}>
          <ProgressBar {...(progress.value === undefined ? {} : { value: progress.value })} />
        </Field>
      )}
      <div>
        <Text as="p" block role="status">
          {state.unsavedRows > 0 ? t('save.unsaved', { n: state.unsavedRows }) : unsaved ? '' : t('save.allSaved')}
        </Text>
        {state.lastSave && (
          <Caption1 as="p" block>
            {t('save.lastSaved', { time: formatTime(new Date(state.lastSave.at)) })}
          </Caption1>
        )}
        {state.retry && (
          <Caption1 as="p" block>
            {t('save.retryIn', { seconds: Math.round(state.retry.delayMs / 1000), attempt: state.retry.attempt })}
          </Caption1>
        )}
      </div>
    </Section>
  );
}
