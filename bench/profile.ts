// CPU profile of the library's synth at one N (default 1000): where the time goes, by function, with
// positions in src/ mapped back to the TypeScript source.
//
//   ts-node --transpile-only bench/profile.ts [N] [--keep] [--focus fnName …]     (npx projen bench:profile)
//   ts-node --transpile-only bench/profile.ts --from some.cpuprofile [--focus …]  (analyze an existing profile)
//
// Runs the benchmark's library-only child (bench/synth-bench.ts --child rss: 1 warm-up + 2 repetitions) under
// `node --cpu-prof`, then prints the hottest functions by self time and by inclusive time, and the
// inclusive time of every src/ function. --keep keeps the .cpuprofile (open it in Chrome DevTools);
// --focus lists the direct callees of the named functions (e.g. --focus resolveCluster synthYaml).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

// --- source maps: src/ files run transpiled by ts-node; map profile positions back to the .ts lines ---

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings`: for every generated line, [generatedColumn, sourceLine] pairs. */
/* eslint-disable no-bitwise */
function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  let srcLine = 0;
  for (const lineText of mappings.split(';')) {
    const segs: Array<[number, number]> = [];
    let genCol = 0;
    for (const seg of lineText.split(',')) {
      if (seg === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += values[0];
      if (values.length >= 3) {
        srcLine += values[2];
        segs.push([genCol, srcLine]);
      }
    }
    lines.push(segs);
  }
  return lines;
}
/* eslint-enable no-bitwise */

const mapCache = new Map<string, Array<Array<[number, number]>> | null>();
let tsService: { compile(code: string, fileName: string): string } | undefined;

/** The .ts line (1-based) of a position in ts-node's output for `file`, compiled the way the child compiled it. */
function sourceLine(file: string, line0: number, col0: number): number | undefined {
  if (!mapCache.has(file)) {
    let decoded: Array<Array<[number, number]>> | null = null;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
      tsService ??= require('ts-node').create({ transpileOnly: true, cwd: ROOT });
      const js = tsService!.compile(fs.readFileSync(file, 'utf8'), file);
      const m = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,(\S+)\s*$/.exec(js);
      if (m) decoded = decodeMappings(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')).mappings);
    } catch {
      decoded = null;
    }
    mapCache.set(file, decoded);
  }
  const segs = mapCache.get(file)?.[line0];
  if (!segs || segs.length === 0) return undefined;
  let best = segs[0];
  for (const s of segs) if (s[0] <= col0) best = s;
  return best[1] + 1;
}

function frameLabel(cf: CallFrame): string {
  const name = cf.functionName || '(anonymous)';
  if (!cf.url) return name;
  const file = cf.url.startsWith('file://') ? cf.url.substring('file://'.length) : cf.url;
  const rel = path.relative(ROOT, file);
  if (rel.startsWith('src' + path.sep) || rel.startsWith('bench' + path.sep)) {
    const line = sourceLine(file, cf.lineNumber, cf.columnNumber);
    return `${name} ${rel}:${line ?? `js${cf.lineNumber + 1}`}`;
  }
  const nm = rel.lastIndexOf('node_modules' + path.sep);
  const short = nm >= 0 ? rel.substring(nm + 'node_modules/'.length) : rel;
  return `${name} ${short}:${cf.lineNumber + 1}`;
}

function main(): void {
  const n = Number(process.argv.slice(2).find(a => /^\d+$/.test(a)) ?? 1000);
  const keep = process.argv.includes('--keep');
  const fromArg = process.argv.indexOf('--from');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-profile-'));
  let profFile: string;
  let header: string;
  if (fromArg >= 0) {
    // analyze an existing .cpuprofile (e.g. of your own app: node --cpu-prof -r ts-node/register main.ts)
    profFile = path.resolve(process.argv[fromArg + 1]);
    header = `CPU profile ${profFile}`;
  } else {
    const proc = spawnSync(process.execPath, [
      '--expose-gc', '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500',
      '-r', require.resolve('ts-node/register/transpile-only'),
      path.join(__dirname, 'synth-bench.ts'), '--child', 'rss', String(n), '1', '2',
    ], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } });
    if (proc.status !== 0) throw new Error(`profiled run failed:\n${proc.stdout}\n${proc.stderr}`);
    const written = fs.readdirSync(dir).find(f => f.endsWith('.cpuprofile'));
    if (!written) throw new Error('no .cpuprofile written');
    profFile = path.join(dir, written);
    const times = JSON.parse(proc.stdout.split('\n').find(l => l.startsWith('@@RESULT '))!.substring(9)).library;
    const list = (xs: number[]) => xs.map(x => x.toFixed(0)).join(', ');
    header = `CPU profile, N=${n}, the benchmark's library-only child (1 warm-up + 2 reps; rep ms: ${list(times.total)}; construct ${list(times.construct)}; synthYaml ${list(times.synth)}); module loading included`;
  }
  const profile: Profile = JSON.parse(fs.readFileSync(profFile, 'utf8'));

  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) byId.set(node.id, node);
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

  const labelOf = new Map<number, string>();
  const label = (id: number) => {
    let l = labelOf.get(id);
    if (l === undefined) {
      l = frameLabel(byId.get(id)!.callFrame);
      labelOf.set(id, l);
    }
    return l;
  };

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // --focus <name>: the direct callees of every frame whose label starts with <name>, inclusive
  const focusArg = process.argv.indexOf('--focus');
  const focus = focusArg >= 0 ? process.argv.slice(focusArg + 1).filter(a => !a.startsWith('--') && !/^\d+$/.test(a)) : [];
  const callees = new Map<string, Map<string, number>>();
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    totalUs += dt;
    let id: number | undefined = profile.samples[i];
    self.set(label(id), (self.get(label(id)) ?? 0) + dt);
    const seen = new Set<string>();
    const seenFocus = new Set<string>();
    let child: string = '(self)';
    while (id !== undefined) {
      const l = label(id);
      if (!seen.has(l)) {
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
      }
      const f = focus.find(name => l.startsWith(name + ' '));
      if (f !== undefined && !seenFocus.has(l)) {
        seenFocus.add(l);
        const m = callees.get(l) ?? new Map<string, number>();
        m.set(child, (m.get(child) ?? 0) + dt);
        callees.set(l, m);
      }
      child = l;
      id = parent.get(id);
    }
  }

  const out: string[] = [];
  const pct = (us: number) => `${(100 * us / totalUs).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms`;
  const top = (m: Map<string, number>, count: number, filter: (k: string) => boolean = () => true) =>
    [...m.entries()].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, count);

  out.push(header);
  out.push(`sampled ${(totalUs / 1000).toFixed(0)} ms`);
  out.push('', '== top self time ==');
  for (const [k, v] of top(self, 30)) out.push(`${pct(v)}  ${k}`);
  out.push('', '== top inclusive time (excluding the process root and module loading) ==');
  for (const [k, v] of top(inclusive, 45, key => !/^\((root|program|idle|garbage collector)\)/.test(key))) out.push(`${pct(v)}  ${k}`);
  out.push('', '== src/ functions, inclusive ==');
  for (const [k, v] of top(inclusive, 60, key => / src\//.test(key))) out.push(`${pct(v)}  ${k}`);
  for (const [fn, m] of callees) {
    out.push('', `== callees of ${fn} (inclusive) ==`);
    for (const [k, v] of top(m, 25)) out.push(`${pct(v)}  ${k}`);
  }
  process.stdout.write(out.join('\n') + '\n');

  if (keep && fromArg < 0) {
    const kept = path.join(os.tmpdir(), `cdk8s-flink-N${n}.cpuprofile`);
    fs.copyFileSync(profFile, kept);
    process.stderr.write(`profile kept in ${kept}\n`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
