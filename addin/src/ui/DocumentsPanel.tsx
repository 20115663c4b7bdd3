import { Button, Caption1, Link } from '@fluentui/react-components';
import { DocumentArrowDownRegular } from '@fluentui/react-icons';
import type { OfferedFile } from '#addin/app/documents/document-types';
import { DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import { useLanguage, useT } from './i18n';
import { Section } from './Section';

/**
 * "Văn bản": the office's documents generated from the campaign's data, one button each for those
 * this user may generate, and a link to the last one generated. State and one callback only.
 */
export function DocumentsPanel({
  kinds,
  document,
  busy,
  onGenerate,
}: {
  kinds: readonly DocumentKind[];
  document?: OfferedFile;
  busy: boolean;
  onGenerate: (kind: DocumentKind) => void;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <Section id="documents-heading" title={t('documents.heading')}>
      <Caption1 as="p" block>
        {t('documents.hint')}
      </Caption1>
      {kinds.map((kind) => (
        <p key={kind}>
          <Button icon={<DocumentArrowDownRegular />} disabled={busy} onClick={() => onGenerate(kind)} data-document={kind}>
            {DOCUMENT_KINDS[kind].name[language]}
          </Button>
        </p>
      ))}
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
