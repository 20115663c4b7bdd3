import { Button, Caption1, Link } from '@fluentui/react-components';
import { DocumentArrowDownRegular, GridRegular } from '@fluentui/react-icons';
import type { OfferedFile } from '#addin/app/documents/document-types';
import type { StoredCertificateLayout } from '#shared/api/office';
import { DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import { useLanguage, useT } from './i18n';
import { CertificateOffsets } from './CertificateOffsets';
import { Section } from './Section';

/**
 * "Văn bản": the office's documents generated from the campaign's data, one button each for those
 * this user may generate, and a link to the last one generated; beside the certificates, their test
 * print and (an administrator) the offsets on the blank. State and callbacks only.
 */
export function DocumentsPanel({
  kinds,
  document,
  busy,
  onGenerate,
  offsets,
}: {
  kinds: readonly DocumentKind[];
  document?: OfferedFile;
  busy: boolean;
  onGenerate: (kind: DocumentKind, options?: { grid?: boolean }) => void;
  /** Present when this user may set the certificates' offsets. */
  offsets?: { layout?: StoredCertificateLayout; onOpen: () => void; onSave: (dx: number, dy: number) => void };
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
      {kinds.includes('giay-khen') && (
        <p>
          <Button
            icon={<GridRegular />}
            disabled={busy}
            onClick={() => onGenerate('giay-khen', { grid: true })}
            data-document="giay-khen-grid"
          >
            {t('certificates.testPrint')}
          </Button>
        </p>
      )}
      {offsets && <CertificateOffsets key={offsets.layout?.version ?? 'closed'} busy={busy} {...offsets} />}
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
