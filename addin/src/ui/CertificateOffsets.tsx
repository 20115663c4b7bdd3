import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { RulerRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { StoredCertificateLayout } from '#shared/api/office';
import { MAX_OFFSET_MM } from '#shared/documents/certificate-layout';
import { useT } from './i18n';

/**
 * An administrator's offsets of the Giấy khen on the office's blank: a button that reads the layout,
 * then dx and dy in millimetres and a save. Keyed by the layout's version by its parent, so a save or
 * a conflict's fresh read shows the values now in force. State and callbacks only.
 */
export function CertificateOffsets({
  layout,
  busy,
  onOpen,
  onSave,
}: {
  layout?: StoredCertificateLayout;
  busy: boolean;
  onOpen: () => void;
  onSave: (dx: number, dy: number) => void;
}) {
  const t = useT();
  const [dx, setDx] = useState(String(layout?.layout.offsetMm.dx ?? 0));
  const [dy, setDy] = useState(String(layout?.layout.offsetMm.dy ?? 0));
  if (!layout) {
    return (
      <p>
        <Button icon={<RulerRegular />} disabled={busy} onClick={onOpen}>
          {t('certificates.offsets')}
        </Button>
      </p>
    );
  }
  const valid = [dx, dy].every((value) => value.trim() !== '' && Math.abs(Number(value)) <= MAX_OFFSET_MM);
  const input = (value: string, set: (value: string) => void) => (
    <Input type="number" step={0.5} min={-MAX_OFFSET_MM} max={MAX_OFFSET_MM} value={value} onChange={(_, data) => set(data.value)} />
  );
  return (
    <form
      aria-label={t('certificates.offsets')}
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSave(Number(dx), Number(dy));
      }}
    >
      <Caption1 as="p" block>
        {t('certificates.offsetsHint')}
      </Caption1>
      <Field label={t('certificates.dx')}>{input(dx, setDx)}</Field>
      <Field label={t('certificates.dy')}>{input(dy, setDy)}</Field>
      <Button type="submit" icon={<SaveRegular />} disabled={busy || !valid}>
        {t('certificates.save')}
      </Button>
    </form>
  );
}
