import { Button, Caption1, Link } from '@fluentui/react-components';
import { DocumentArrowDownRegular } from '@fluentui/react-icons';
import type { OfferedFile } from '#addin/app/documents/document-types';
import { useT } from './i18n';
import { Section } from './Section';

/**
 * "Văn bản": the office's documents generated from the campaign's data (today the award decision with
 * its attached list), and a link to the last one generated. State and one callback only.
 */
export function DocumentsPanel({ document, busy, onDecision }: { document?: OfferedFile; busy: boolean; onDecision: () => void }) {
  const t = useT();
  return (
    <Section id="documents-heading" title={t('documents.heading')}>
      <Caption1 as="p" block>
        {t('documents.hint')}
      </Caption1>
      <Button icon={<DocumentArrowDownRegular />} disabled={busy} onClick={onDecision}>
        {t('documents.decision')}
      </Button>
      {document && (
        <p>
          <Link href={document.url} download={document.name} target="_blank" rel="noopener">
            {t('documents.open', { name: document.name })}
          </Link>
        </p>
      )}
    </Section>
  );
}
