import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A word of a PDF page and its box, in millimetres from the page's top-left corner. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const run = promisify(execFile);
const MM_PER_POINT = 25.4 / 72;

/** Each page's words with their boxes, as poppler's `pdftotext -bbox` measures them. */
export async function pdfWords(pdf: Uint8Array): Promise<PdfWord[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-pdf-'));
  try {
    await writeFile(join(dir, 'file.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-bbox', join(dir, 'file.pdf'), '-']);
    return stdout
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
          ([, xMin, yMin, xMax, yMax, text]) => ({
            text: text!
              .replace(/&amp;/g, '&')
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"'),
            xMin: Number(xMin) * MM_PER_POINT,
            yMin: Number(yMin) * MM_PER_POINT,
            xMax: Number(xMax) * MM_PER_POINT,
            yMax: Number(yMax) * MM_PER_POINT,
          }),
        ),
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The box around a run of words on a page that reads `text` (words joined by single spaces). */
export function boxOf(words: readonly PdfWord[], text: string): PdfWord {
  const wanted = text.split(/\s+/);
  const start = words.findIndex((_, i) => wanted.every((word, j) => words[i + j]?.text === word));
  if (start < 0) throw new Error(`no run of words reads ${JSON.stringify(text)}`);
  const found = words.slice(start, start + wanted.length);
  return {
    text,
    xMin: Math.min(...found.map((w) => w.xMin)),
    yMin: Math.min(...found.map((w) => w.yMin)),
    xMax: Math.max(...found.map((w) => w.xMax)),
    yMax: Math.max(...found.map((w) => w.yMax)),
  };
}
