import { Button, Caption1, Link, ProgressBar, Text } from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowSwapRegular,
  ArrowUndoRegular,
  ArrowUploadRegular,
  DeleteRegular,
  EyeRegular,
} from '@fluentui/react-icons';
import { useRef, type ReactElement } from 'react';
import { ACCEPTED_FILES, type DossierFile } from '#shared/dossier-files';
import type { ChosenFile, FilesActions, FilesState } from '#addin/app/files/files-state';
import type { DossierDocumentView } from '#addin/app/files/files-view';
import { formatDate, formatNumber } from '#addin/i18n/index';
import { useLocalized, useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

/**
 * "Hồ sơ đính kèm": the selected row's nomination, each document of the campaign's dossier with its
 * files (download; replace and delete where the role and the stage allow), the deleted ones with
 * "Khôi phục", an upload per document through the file picker with its progress. State and callbacks only.
 */
export function FilesPanel({ files, busy, actions }: { files?: FilesState; busy: boolean; actions: FilesActions }) {
  const t = useT();
  return (
    <Section
      id="files-heading"
      title={t('files.heading')}
      actions={
        <Button size="small" icon={<EyeRegular />} disabled={busy} onClick={() => void actions.showSelected()} data-action="files-show">
          {t('files.showSelected')}
        </Button>
      }
    >
      <Caption1 as="p" block>
        {t('files.hint')}
      </Caption1>
      {files && (
        <>
          <Text weight="semibold" data-files-row={files.rowNumber}>
            {t('files.of', { row: files.rowNumber, label: files.label })}
          </Text>
          {!files.canChange && <Caption1 block>{t('files.readOnly')}</Caption1>}
          {files.documents.map((document) => (
            <DocumentFiles key={document.code} document={document} files={files} busy={busy} actions={actions} />
          ))}
          {files.upload && (
            <div data-files-upload>
              <Caption1 block>
                {t('files.uploading', {
                  name: files.upload.name,
                  percent: Math.floor((100 * files.upload.sent) / Math.max(files.upload.total, 1)),
                })}
              </Caption1>
              <ProgressBar value={files.upload.sent} max={Math.max(files.upload.total, 1)} />
            </div>
          )}
          {files.download && (
            <Link href={files.download.url} target="_blank" rel="noopener" data-files-download>
              {t('files.open', { name: files.download.name })}
            </Link>
          )}
        </>
      )}
    </Section>
  );
}

/** One of a file's actions: a small button, off while the pane is busy, named `files-<action>` for the tests. */
function FileAction({
  icon,
  label,
  action,
  busy,
  onClick,
}: {
  icon: ReactElement;
  label: string;
  action: string;
  busy: boolean;
  onClick: () => void;
}) {
  return (
    <Button size="small" icon={icon} disabled={busy} onClick={onClick} data-action={`files-${action}`}>
      {label}
    </Button>
  );
}

/** A hidden file input opened by a button: what the pane's picker is in a task pane. */
function Picker({
  label,
  icon,
  busy,
  onChosen,
  name,
}: {
  label: string;
  icon: ReactElement;
  busy: boolean;
  onChosen: (file: ChosenFile) => void;
  name: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        hidden
        data-files-input={name}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onChosen(file);
        }}
      />
      <Button size="small" icon={icon} disabled={busy} onClick={() => input.current?.click()} data-action={`files-${name}`}>
        {label}
      </Button>
    </>
  );
}

function DocumentFiles({
  document,
  files,
  busy,
  actions,
}: {
  document: DossierDocumentView;
  files: FilesState;
  busy: boolean;
  actions: FilesActions;
}) {
  const t = useT();
  const text = useLocalized();
  const layout = useLayoutStyles();
  const size = (file: DossierFile) =>
    t('files.size', { size: formatNumber(Math.ceil(file.size / 1024)), date: formatDate(file.uploadedAt) });
  return (
    <div className={layout.stack} data-files-document={document.code}>
      <div className={layout.row}>
        <Text weight="semibold">{text(document.name)}</Text>
        <Caption1 data-files-count={document.files.length}>({document.files.length})</Caption1>
        {files.canChange && (
          <Picker
            label={t('files.upload')}
            icon={<ArrowUploadRegular />}
            busy={busy}
            name={`upload-${document.code}`}
            onChosen={(file) => void actions.upload(document.code, file)}
          />
        )}
      </div>
      {document.files.length === 0 && <Caption1>{t('files.none')}</Caption1>}
      {document.files.map((file) => (
        <div key={file.id} className={layout.row} data-file={file.name}>
          <Text>{file.name}</Text>
          <Caption1>{size(file)}</Caption1>
          <FileAction
            icon={<ArrowDownloadRegular />}
            label={t('files.download')}
            action="download"
            busy={busy}
            onClick={() => void actions.download(file.id)}
          />
          {files.canChange && (
            <>
              <Picker
                label={t('files.replace')}
                icon={<ArrowSwapRegular />}
                busy={busy}
                name={`replace-${file.id}`}
                onChosen={(chosen) => void actions.upload(document.code, chosen, file.id)}
              />
              <FileAction
                icon={<DeleteRegular />}
                label={t('files.delete')}
                action="delete"
                busy={busy}
                onClick={() => void actions.remove(file.id)}
              />
            </>
          )}
        </div>
      ))}
      {document.deleted.map((file) => (
        <div key={file.id} className={layout.row} data-file-deleted={file.name}>
          <Caption1>
            {file.name} ({t('files.deletedOn', { date: formatDate(file.deletedAt ?? file.uploadedAt) })})
          </Caption1>
          {files.canChange && (
            <FileAction
              icon={<ArrowUndoRegular />}
              label={t('files.restore')}
              action="restore"
              busy={busy}
              onClick={() => void actions.restore(file.id)}
            />
          )}
        </div>
      ))}
    </div>
  );
}
