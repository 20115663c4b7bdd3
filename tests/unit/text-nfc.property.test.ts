import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeStrings, parseJsonNfc } from '#shared/text';

/**
 * The API's door parses a body with parseJsonNfc, which skips the walk over the value when the text is
 * already NFC and has no \u escape: whatever the text, its result must be normalizeStrings(JSON.parse(text)).
 */

// Letters an escape ends with, marks that compose with them or with Vietnamese vowels, a singleton
// (the Ångström sign, which NFC replaces), Hangul jamo that compose, quotes, backslashes and controls.
const CHARS = [
  'a',
  'e',
  'o',
  'u',
  'n',
  't',
  'b',
  'f',
  'r',
  'N',
  'Đ',
  'ê',
  'ệ',
  'ơ',
  ' ',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\r',
  '\b',
  '\f',
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '\u0302',
  '\u0306',
  '\u031b',
  '\u0308',
  '\u212b',
  '\u1100',
  '\u1161',
  '\u11a8',
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((chars) => chars.join(''));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
})).value;

/** JSON with every non-ASCII character written as a \u escape, as some clients send it. */
const escaped = (value: unknown) =>
  JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('parseJsonNfc: a body parsed with every string NFC, fast when it already is', () => {
  it('equals normalizeStrings(JSON.parse(text)) for any JSON, written plainly or with \\u escapes', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, escapes) => {
        const body = escapes ? escaped(value) : JSON.stringify(value);
        expect(parseJsonNfc(body)).toStrictEqual(normalizeStrings(JSON.parse(body)));
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizes a decomposed name, an escape followed by a mark and a "__proto__" key like normalizeStrings', () => {
    const name = 'Nguyễn Thị Hoà';
    expect(parseJsonNfc(JSON.stringify({ name: name.normalize('NFD') }))).toEqual({ name });
    expect(parseJsonNfc('["\\n\u0303", "n\u0303"]')).toEqual(['\n\u0303', 'ñ']);
    for (const body of ['{"__proto__": {"x": "e\u0301"}}', '{"__proto__": {"x": "e\u0301"}, "k\u0301": 1}']) {
      const parsed = parseJsonNfc(body) as Record<string, unknown>;
      expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
      expect(parsed).toStrictEqual(normalizeStrings(JSON.parse(body)));
      expect(Object.keys(parsed)[0]).toBe('__proto__');
    }
  });
});
