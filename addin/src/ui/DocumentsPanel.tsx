import { Button, Caption1, Field, Input, Link } from '@fluentui/react-components';
import { CheckmarkStarburstRegular, DocumentArrowDownRegular, GridRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { OfferedFile } from '#addin/app/documents/document-types';
import type { StoredCertificateLayout } from '#shared/api/office';
import { DOCUMENT_KINDS, type DocumentKind } from '#shared/documents/kinds';
import { useLanguage, useT } from './i18n';
import { CertificateOffsets } from './CertificateOffsets';
import { Section } from './Section';

/**
 * "Văn bản": the office's documents generated from the campaign's data, one button each for those
 * this user may generate (numbered by the register, or by the number typed), a link to the last one
 * generated with its number and status and, for a draft decision, "Ban hành" once it is signed; beside
 * the certificates, their test print and (an administrator) the offsets on the blank. State and
 * callbacks only.
 */
export function DocumentsPanel({
  kinds,
  document,
  busy,
  canIssue,
  onGenerate,
  onIssue,
  offsets,
}: {
  kinds: readonly DocumentKind[];
  document?: OfferedFile;
  busy: boolean;
  canIssue: boolean;
  onGenerate: (kind: DocumentKind, options?: { grid?: boolean; number?: number }) => void;
  onIssue: () => void;
  /** Present when this user may set the certificates' offsets. */
  offsets?: { layout?: StoredCertificateLayout; onOpen: () => void; onSave: (dx: number, dy: number) => void };
}) {
  const t = useT();
  const language = useLanguage();
  const [number, setNumber] = useState('');
  const typed = /^\d{1,5}$/.test(number.trim()) && Number(number) > 0 ? Number(number) : undefined;
  return (
    <Section id="documents-heading" title={t('documents.heading')}>
      <Caption1 as="p" block>
        {t('documents.hint')}
      </Caption1>
      <Field label={t('documents.number')}>
        <Input value={number} inputMode="numeric" onChange={(_, data) => setNumber(data.value)} data-field="document-number" />
      </Field>
      {kinds.map((kind) => (
        <p key={kind}>
          <Button
            icon={<DocumentArrowDownRegular />}
            disabled={busy}
            onClick={() => onGenerate(kind, typed === undefined ? {} : { number: typed })}
            data-document={kind}
          >
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
          {document.record && (
            <Caption1 block>
              {document.record.numberLine} · {t(`documents.status.${document.record.status}`)}
            </Caption1>
          )}
        </p>
      )}
      {canIssue && (
        <Button appearance="primary" icon={<CheckmarkStarburstRegular />} disabled={busy} onClick={onIssue} data-action="issue-document">
          {t('documents.issue')}
        </Button>
      )}
    </Section>
  );
}
