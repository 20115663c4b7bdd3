import { Button, Caption1 } from '@fluentui/react-components';
import { ArrowSyncRegular, SaveRegular } from '@fluentui/react-icons';
import type { OfferedOrgSheet, OrgSheetId } from '#addin/app/org/org-access';
import { useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

/**
 * "Tổ chức": a row per org sheet this user is offered, "Mở / làm mới" for each and "Lưu" where it may
 * be saved; what happened is the pane's status line, each row's messages are in the sheet. State and
 * callbacks only.
 */
export function OrgPanel({
  sheets,
  busy,
  onOpen,
  onSave,
}: {
  sheets: readonly OfferedOrgSheet[];
  busy: boolean;
  onOpen: (sheet: OrgSheetId) => void;
  onSave: (sheet: OrgSheetId) => void;
}) {
  const t = useT();
  const layout = useLayoutStyles();
  const editable = sheets.some((sheet) => sheet.editable);
  return (
    <Section id="org-heading" title={t('org.heading')}>
      <Caption1 as="p" block>
        {t(editable ? 'org.hint' : 'org.hintReadOnly')}
      </Caption1>
      {sheets.map((sheet) => (
        <div key={sheet.id} className={layout.row} data-org-sheet={sheet.id}>
          <Caption1 as="span">{t(`org.sheet.${sheet.id}`)}</Caption1>
          <Button size="small" icon={<ArrowSyncRegular />} disabled={busy} onClick={() => onOpen(sheet.id)}>
            {t('org.open')}
          </Button>
          {sheet.editable && (
            <Button size="small" appearance="primary" icon={<SaveRegular />} disabled={busy} onClick={() => onSave(sheet.id)}>
              {t('org.save')}
            </Button>
          )}
        </div>
      ))}
    </Section>
  );
}
