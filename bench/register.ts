/**
 * The award register's bench (issue 11): one person's history among 10,000 and 100,000 register
 * entries. The bench writes the entries with BatchWrite (the store's putRegisterEntries, 25 a request)
 * into the run's DynamoDB Local: 5 awards each for synthetic namesakes-free people, plus the history of
 * a demo person (cb-001, matched to the registry, and a namesake in another unit kept by name). Then
 * `GET /register?kind=individual&id=cb-001` through the local API (the real handler), repeated: the
 * median and p95 wall time and the DynamoDB requests of one lookup, which must not grow with the
 * register. Goal: under 50 ms. `npm run bench` runs it (BENCH_REGISTER=0 skips it); alone:
 * `npx tsx bench/register-main.ts`.
 */
import { performance } from 'node:perf_hooks';
import type { RegisterEntry } from '#shared/register/entry';
import { registerEntryId } from '#shared/register/entry';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { db, requestCounter } from '#functions/store/client';
import { putRegisterEntries } from '#functions/store/register-store';
import type { AddinBenchContext } from './addin';
import { int, ms } from './report';

const ENABLED = process.env.BENCH_REGISTER !== '0';
const SIZES = (process.env.BENCH_REGISTER_SIZES ?? '10000,100000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REGISTER_REPEATS ?? 30);
const GOAL_MS = 50;
const HR_EMAIL = 'tochuc@thidua.local';

const person = DEMO_PEOPLE[0]!;
const unitName = (unitId: string) => DEMO_UNITS.find((u) => u.id === unitId)!.name;

function entry(fields: Omit<RegisterEntry, 'id' | 'source' | 'recordedAt' | 'recordedBy' | 'nomineeKind'>): RegisterEntry {
  const full = {
    ...fields,
    nomineeKind: 'individual' as const,
    source: 'imported' as const,
    recordedAt: '2025-01-01T00:00:00.000Z',
    recordedBy: 'bench',
  };
  return { id: registerEntryId(full), ...full };
}

/** Entries `from` to `to` (exclusive) of the synthetic register: five awards a person, years 2016–2025. */
function filler(from: number, to: number): RegisterEntry[] {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    const year = 2016 + (i % 10);
    return entry({
      name: `Cán Bộ Thử ${Math.floor(i / 5)}`,
      unitName: unitName(DEMO_UNITS[i % DEMO_UNITS.length]!.id),
      awardFormName: i % 2 ? 'Giấy khen của Chánh Văn phòng' : 'Bằng khen của Chủ tịch UBND tỉnh',
      decisionNumber: `${(i % 900) + 1}/QĐ-VP`,
      decisionDate: `${year + 1}-0${(i % 9) + 1}-15`,
      year,
    });
  });
}

/** The demo person's own history (eight awards, matched) and a namesake's in another unit (kept by name). */
function history(): RegisterEntry[] {
  const own = Array.from({ length: 8 }, (_, i) =>
    entry({
      name: person.fullName,
      unitName: unitName(person.unitId),
      personId: person.id,
      unitId: person.unitId,
      awardFormName: 'Giấy khen của Chánh Văn phòng',
      decisionNumber: `${i + 10}/QĐ-VP`,
      decisionDate: `${2017 + i}-12-20`,
      year: 2017 + i,
    }),
  );
  const other = DEMO_UNITS.find((u) => u.id !== person.unitId)!;
  const namesake = entry({
    name: person.fullName,
    unitName: other.name,
    awardFormName: 'Giấy khen',
    decisionNumber: '5/QĐ',
    decisionDate: '2020-01-01',
    year: 2019,
  });
  return [...own, namesake];
}

interface RegisterRun {
  entries: number;
  writeMs: number;
  medianMs: number;
  p95Ms: number;
  requests: number[];
  found: number;
}

async function lookup(ctx: AddinBenchContext, token: string) {
  const before = requestCounter.count;
  const start = performance.now();
  const response = await fetch(`${ctx.baseUrl}/register?kind=individual&id=${person.id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { entries?: unknown[] };
  const elapsed = performance.now() - start;
  if (!response.ok) throw new Error(`lookup answered ${response.status}: ${JSON.stringify(body)}`);
  return { elapsed, requests: requestCounter.count - before, found: body.entries?.length ?? 0 };
}

export async function runRegisterBench(ctx: AddinBenchContext): Promise<RegisterRun[]> {
  if (!ENABLED) return [];
  const token = await ctx.issueToken(HR_EMAIL);
  await putRegisterEntries(db(), history());
  const runs: RegisterRun[] = [];
  let written = 0;
  for (const size of SIZES) {
    ctx.progress?.(`register: writing entries ${int(written)}–${int(size)} with BatchWrite…`);
    const start = performance.now();
    for (let from = written; from < size; from += 10_000) await putRegisterEntries(db(), filler(from, Math.min(size, from + 10_000)));
    const writeMs = performance.now() - start;
    written = size;
    for (let i = 0; i < 5; i += 1) await lookup(ctx, token); // warm-up
    const samples = [];
    for (let i = 0; i < REPEATS; i += 1) samples.push(await lookup(ctx, token));
    const times = samples.map((s) => s.elapsed).sort((a, b) => a - b);
    runs.push({
      entries: size,
      writeMs,
      medianMs: times[Math.floor(times.length / 2)]!,
      p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
      requests: [...new Set(samples.map((s) => s.requests))],
      found: samples[0]!.found,
    });
  }
  console.log(`\n=== The award register: one person's history (GET /register?kind=individual&id=${person.id}) ===`);
  console.log('Over HTTP to the local API (JWT check, real handler) on DynamoDB Local; the entries written by the bench with BatchWrite.');
  console.log('| register entries | written in | lookup median | p95 | DynamoDB requests per lookup | awards found | goal < 50 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const run of runs)
    console.log(
      `| ${int(run.entries)} | ${ms(run.writeMs)} | ${ms(run.medianMs)} | ${ms(run.p95Ms)} | ${run.requests.join(', ')} | ${run.found} | ${run.medianMs < GOAL_MS ? 'PASS' : 'MISS'} |`,
    );
  const constant = new Set(runs.flatMap((run) => run.requests)).size === 1;
  console.log(`Requests per lookup ${constant ? 'do not grow' : 'GROW'} with the register: ${constant ? 'PASS' : 'MISS'}`);
  return runs;
}
