import { cyrb53 } from '#shared/sheet/row-hash';

/** A short fingerprint of a text, to recognise a request body sent before (the sheet's row hash, plus the length). */
export function hashText(text: string): string {
  return `${text.length.toString(36)}-${cyrb53(text)}`;
}
