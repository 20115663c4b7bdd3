import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A V8 CPU profile of this process (the local API, the handlers and the bench's own fetch all run
 * in it) around some work: written as a .cpuprofile (Chrome DevTools, speedscope) and summarised as
 * self time by function and by package/module.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function cpuProfile<T>(work: () => Promise<T>, file: string): Promise<{ value: T; summary: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let value!: T;
  let profile!: CpuProfile;
  try {
    value = await work();
  } finally {
    profile = ((await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
    await session.post('Profiler.disable');
    session.disconnect();
  }
  writeFileSync(file, JSON.stringify(profile));
  return { value, summary: summarise(profile) };
}

function where(frame: CallFrame): { module: string; place: string } {
  const url = frame.url;
  if (!url) return { module: frame.functionName.startsWith('(') ? frame.functionName : '(native/V8)', place: '' };
  if (url.startsWith('node:')) return { module: url.replace(/^node:internal\/.*/, 'node:internal'), place: url };
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const rel = relative(ROOT, path);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
  return { module: pkg ? pkg[1]! : rel, place: `${pkg ? pkg[1] : rel}:${frame.lineNumber + 1}` };
}

export function summarise(profile: CpuProfile): string {
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const next = deltas[i + 1] ?? 0;
    selfMs.set(samples[i]!, (selfMs.get(samples[i]!) ?? 0) + next / 1000);
  }
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { module, place } = where(node.callFrame);
    const name = `${node.callFrame.functionName || '(anonymous)'}${place ? `  ${place}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
  }
  // Total (inclusive) time by function: a node's self time plus its callees', counting a function
  // once per stack even when it recurses.
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (node: ProfileNode) => {
    const { place } = where(node.callFrame);
    return `${node.callFrame.functionName || '(anonymous)'}${place ? `  ${place}` : ''}`;
  };
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at)!;
      const name = nameOf(node);
      if (seen.has(name) || node.callFrame.functionName === '(root)' || name.startsWith('(anonymous)')) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const ours = new Map([...inclusive].filter(([name]) => /\s(functions|shared)\//.test(name)));

  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  return [
    `Profiled ${totalMs.toFixed(0)} ms of wall clock (idle = waiting on DynamoDB Local / sockets).`,
    'Self time by package or module:',
    top(byModule, 15),
    'Self time by function (top 25):',
    top(byFunction, 25),
    "Total time (self + callees) of the product's own functions (top 30):",
    top(ours, 30),
  ].join('\n');
}
