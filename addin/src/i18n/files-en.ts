import type { FILES_VI } from './files-vi';

/** The pane's "Hồ sơ đính kèm" section (English): kept apart so that each catalog stays readable. */
export const FILES_EN: Record<keyof typeof FILES_VI, string> = {
  'files.heading': 'Dossier files',
  'files.hint': 'Select a saved row of the nominations sheet, then "Show the selected row". PDF, JPEG or PNG, at most 20 MB.',
  'files.showSelected': 'Show the selected row',
  'files.of': 'Row {row}: {label}',
  'files.none': 'No file yet.',
  'files.upload': 'Upload',
  'files.replace': 'Replace',
  'files.download': 'Download',
  'files.delete': 'Delete',
  'files.restore': 'Restore',
  'files.deletedOn': 'deleted on {date}, can still be restored',
  'files.readOnly': "Read only: your role or the campaign's stage does not allow changing files.",
  'files.uploading': 'Uploading {name}: {percent}%',
  'files.open': 'Open / download {name}',
  'files.size': '{size} KB, {date}',
  'files.uploaded': 'Uploaded "{name}".',
  'files.replaced': 'Replaced by "{name}"; the old file can be restored for 30 days.',
  'files.deleted': 'Deleted "{name}": it can be restored for 30 days.',
  'files.restored': 'Restored "{name}".',
  'files.openSheetFirst': 'Open the nominations sheet ("Open the sheet") before looking at dossier files.',
  'files.selectSavedRow': 'Select a cell on a saved row of the nominations sheet (save a new row before attaching files).',
  'files.check.empty': '"{name}" is empty: choose the right scan.',
  'files.check.tooLarge': '"{name}" is larger than 20 MB: scan it at a lower resolution or split it into several files.',
  'files.check.notAccepted': '"{name}" is not a PDF, JPEG or PNG: choose a scan in one of these formats.',
  'files.check.extensionMismatch':
    '"{name}"\'s extension does not match its content (a {found}): rename it correctly or choose the right scan.',
};
