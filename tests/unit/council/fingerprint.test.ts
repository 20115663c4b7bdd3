import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ballotsFingerprint, canonicalBallots, sameFingerprint, toHex, type Sha256 } from '#shared/council/fingerprint';
import type { Ballot } from '#shared/council/round';
import { sha256 as nodeSha256 } from '#functions/council/sha256';

/** The pane's hash: WebCrypto, as the browser has it. */
const webSha256: Sha256 = async (bytes) => webcrypto.subtle.digest('SHA-256', bytes);

// "Nguyễn" typed decomposed (e + U+0302 + U+0303), as some input methods write it.
const DECOMPOSED = 'Nguye\u0302\u0303n';
const BALLOTS: Ballot[] = [
  { number: 3, marks: { n5: ` ${DECOMPOSED} `, n2: 'X' } },
  { number: 1, marks: { n4: 'x', n1: 'x', n3: '  ' } },
  { number: 2, marks: {} },
];
/** The same canonical text and hash, computed independently with Python's json and hashlib. */
const CANONICAL = '["thidua-ballots/1",2,[[1,[["n1","x"],["n4","x"]]],[2,[]],[3,[["n2","X"],["n5","Nguyễn"]]]]]';
const EXPECTED = 'e8736ef1e2f081aaa1009767574558fe23331ac0add9cc99545c7f5c43fc8171';

describe('the ballots fingerprint', () => {
  it('both SHA-256 implementations give the standard vector ("abc")', async () => {
    const abc = new TextEncoder().encode('abc');
    const vector = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(toHex(await nodeSha256(abc))).toBe(vector);
    expect(toHex(await webSha256(abc))).toBe(vector);
  });

  it('the canonical form: ballots by number, marks by candidate id, NFC, trimmed, blank marks left out', async () => {
    expect(canonicalBallots(2, BALLOTS)).toBe(CANONICAL);
    expect(await ballotsFingerprint(2, BALLOTS, nodeSha256)).toEqual({ format: 'thidua-ballots/1', sha256: EXPECTED });
    expect(await ballotsFingerprint(2, BALLOTS, webSha256)).toEqual({ format: 'thidua-ballots/1', sha256: EXPECTED });
  });

  it('is stable under the order of ballots and of marks, and the composition of the text', () => {
    const reordered: Ballot[] = [
      { number: 2, marks: {} },
      { number: 1, marks: { n1: 'x', n4: 'x' } },
      { number: 3, marks: { n2: 'X', n5: 'Nguyễn' } },
    ];
    expect(canonicalBallots(2, reordered)).toBe(CANONICAL);
    expect(canonicalBallots(2, [...BALLOTS].reverse())).toBe(CANONICAL);
  });

  it('ballots sharing a number are ordered by their marks, whatever order they came in', () => {
    const a: Ballot = { number: 1, marks: { n1: 'x' } };
    const b: Ballot = { number: 1, marks: { n2: 'x' } };
    expect(canonicalBallots(1, [a, b])).toBe(canonicalBallots(1, [b, a]));
  });

  it('changes with a mark changed, added or removed, a ballot renumbered, or another round', async () => {
    const base = (await ballotsFingerprint(2, BALLOTS, nodeSha256)).sha256;
    const variants: [number, Ballot[]][] = [
      [2, [{ ...BALLOTS[0]!, marks: { n5: 'Nguyễn', n2: 'x' } }, BALLOTS[1]!, BALLOTS[2]!]],
      [2, [BALLOTS[0]!, BALLOTS[1]!, { number: 2, marks: { n3: 'x' } }]],
      [2, [BALLOTS[0]!, { number: 1, marks: { n4: 'x' } }, BALLOTS[2]!]],
      [2, [BALLOTS[0]!, BALLOTS[1]!, { number: 4, marks: {} }]],
      [3, BALLOTS],
    ];
    for (const [round, ballots] of variants) expect((await ballotsFingerprint(round, ballots, nodeSha256)).sha256).not.toBe(base);
  });

  it('two fingerprints match only with the same form and hash', () => {
    const stored = { format: 'thidua-ballots/1', sha256: EXPECTED };
    expect(sameFingerprint(stored, { ...stored })).toBe(true);
    expect(sameFingerprint(stored, { ...stored, sha256: EXPECTED.replace(/^e/, 'f') })).toBe(false);
    expect(sameFingerprint(stored, { ...stored, format: 'thidua-ballots/2' })).toBe(false);
  });
});
