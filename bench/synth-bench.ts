// Synth benchmark (project issue 6): the library's synth cost against a floor measured in the same run.
//
//   npm run bench          full run: N = 10, 100, 1000 and the cold `cdk8s synth` comparison; writes bench/RESULTS.md
//   npm run bench:quick    tiny N (2, 5), one cold synth each; checks the script works, writes nothing (CI)
//
// or directly: ts-node --transpile-only bench/synth-bench.ts [--quick]   (BENCH_QUICK=1 is the same as --quick)
//
// What is measured
// - library: build an App with one Chart holding N Flink clusters (session and application, Flink 1.18 /
//   1.20 / 2.1, with HA keys, secrets, typed pod templates and plugin env mixed in), then `app.synthYaml()`.
//   Timed: construction + synthYaml, i.e. everything a user's synth pays for.
// - floor: the same objects, precomputed once (`chart.toJson()` of the library's chart, before any timer),
//   created as plain `new ApiObject(chart, id, obj)` in a fresh App/Chart and serialized with `synthYaml()`:
//   what cdk8s itself costs for these objects. Its YAML must equal the library's, byte for byte.
// - times: per N one child process (node --expose-gc) alternates library and floor repetitions (L F, F L, …,
//   a GC before each), so load from other processes hits both alike; warm-ups first, medians quoted.
// - peak RSS: per N a separate child builds and synthesizes the library only, and reports
//   `process.resourceUsage().maxRSS`, so no other measurement mixes into it.
// - cold synth: `cdk8s synth` (fresh processes, as a user runs it) of examples/session-cluster against
//   bench/minimal-app (one Deployment), both with `app: npx ts-node main.ts`, and of the same example importing
//   the compiled package; then all with TS_NODE_TRANSPILE_ONLY=true, which shows what type-checking costs.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'RESULTS.md');

// ---------------------------------------------------------------------------------------------------------
// the workload
// ---------------------------------------------------------------------------------------------------------

/** Builds the benchmark app: one chart, n clusters with mixed options. Imports lazily (floor children never load the library). */
function buildLibraryApp(n: number): { app: import('cdk8s').App; chart: import('cdk8s').Chart } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdk8s: typeof import('cdk8s') = require('cdk8s');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const kplus: typeof import('cdk8s-plus-28') = require('cdk8s-plus-28');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const flink: typeof import('../src') = require('../src');
  const { App, Chart, Size } = cdk8s;
  const { FlinkApplicationCluster, FlinkSessionCluster, FlinkVersion, JobArtifact, PodTemplate, UpgradeMode } = flink;

  const versions = [FlinkVersion.V1_18, FlinkVersion.V1_20, FlinkVersion.V2_1];
  const app = new App({ outdir: path.join(os.tmpdir(), 'cdk8s-flink-bench-unused') });
  const chart = new Chart(app, 'bench', { namespace: 'flink-bench' });

  for (let i = 0; i < n; i++) {
    const version = versions[i % versions.length];
    const clusterId = `flink-${i}`;
    const flinkConfiguration: Record<string, string> = {};
    const props: any = { version, clusterId, flinkConfiguration };

    // every 4th from 1: Kubernetes HA (via -D keys); every 8th from 1 with a standby JobManager
    if (i % 4 === 1) {
      flinkConfiguration['high-availability.type'] = 'kubernetes';
      flinkConfiguration['high-availability.storageDir'] = `s3://flink-ha/${clusterId}`;
      // the checkpoint directory UpgradeMode.LAST_STATE needs, in the key of the version
      flinkConfiguration[version.isAtLeast(FlinkVersion.V1_20) ? 'execution.checkpointing.dir' : 'state.checkpoints.dir'] = `s3://flink-checkpoints/${clusterId}`;
      if (i % 8 === 1) props.jobManager = { replicas: 2, memory: Size.mebibytes(2048) };
    }
    // every 4th from 2: secrets, alternately as -D keys and as typed props
    if (i % 4 === 2) {
      if (i % 8 === 2) {
        flinkConfiguration['kubernetes.secrets'] = `db-credentials-${i}:/opt/secrets/db`;
        flinkConfiguration['kubernetes.env.secretKeyRef'] = `env:DB_PASSWORD,secret:db-credentials-${i},key:password`;
      } else {
        const secret = kplus.Secret.fromSecretName(chart, `credentials-${i}`, `db-credentials-${i}`);
        props.secrets = [{ secret, mountPath: '/opt/secrets/db' }];
        props.secretEnv = [{ name: 'DB_PASSWORD', secret, key: 'password' }];
      }
    }
    // every 4th from 3: a typed pod template (init container, sidecar, volumes, main-container extras)
    if (i % 4 === 3) {
      props.podTemplate = new PodTemplate(chart, `template-${i}`, {
        labels: { team: 'data', shard: String(i % 16) },
        initContainers: [{
          name: 'artifacts-fetcher',
          image: 'busybox:1.36',
          command: ['wget', `https://repo.example.com/jobs/${i}.jar`, '-O', '/flink-artifact/job.jar'],
          volumeMounts: [{ mountPath: '/flink-artifact', name: 'flink-artifact' }],
        }],
        sidecars: [{
          name: 'sidecar-log-collector',
          image: 'sidecar-log-collector:latest',
          command: ['command-to-upload', '/remote/path/of/flink-logs/'],
          volumeMounts: [{ mountPath: '/flink-logs', name: 'flink-logs' }],
        }],
        mainContainer: {
          resources: { requests: { 'ephemeral-storage': '2048Mi' }, limits: { 'ephemeral-storage': '2048Mi' } },
          volumeMounts: [
            { mountPath: '/opt/flink/volumes/artifact', name: 'flink-artifact' },
            { mountPath: '/opt/flink/log', name: 'flink-logs' },
          ],
        },
        volumes: [
          { name: 'flink-artifact', emptyDir: {} },
          { name: 'flink-logs', emptyDir: {} },
        ],
      });
    }
    // every 5th, and every HA cluster (its storageDir is on S3): the S3 plugin via the image's env
    if (i % 5 === 0 || i % 4 === 1) {
      const jar = `flink-s3-fs-presto-${version.version}.jar`;
      flinkConfiguration['containerized.master.env.ENABLE_BUILT_IN_PLUGINS'] = jar;
      flinkConfiguration['containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS'] = jar;
    }
    // every 3rd: bigger TaskManagers
    if (i % 3 === 2) props.taskManager = { memory: Size.mebibytes(4096), cpu: 2, taskSlots: 4 };

    // even: session clusters; odd: application clusters
    if (i % 2 === 0) {
      new FlinkSessionCluster(chart, `cluster-${i}`, props);
    } else {
      new FlinkApplicationCluster(chart, `cluster-${i}`, {
        ...props,
        job: {
          artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'),
          entryClass: `com.example.Job${i}`,
          args: ['--shard', String(i)],
          parallelism: 1 + (i % 4),
          // a highly available application cluster declares its upgrade mode (and gets the job-upgrade init container)
          upgradeMode: i % 4 === 1 ? UpgradeMode.LAST_STATE : undefined,
        },
      });
    }
  }
  return { app, chart };
}

// ---------------------------------------------------------------------------------------------------------
// child processes: one measurement each
// ---------------------------------------------------------------------------------------------------------

/** Times of one kind of repetition, ms for all N clusters. */
interface Times {
  /** construction + synthYaml */
  readonly total: number[];
  /** construction only */
  readonly construct: number[];
  /** synthYaml only */
  readonly synth: number[];
}

interface PairedResult {
  readonly n: number;
  readonly warmups: number;
  readonly reps: number;
  readonly library: Times;
  readonly floor: Times;
  readonly objects: number;
  readonly yamlBytes: number;
}

interface RssResult {
  readonly n: number;
  /** process.resourceUsage().maxRSS at the end, bytes */
  readonly peakRss: number;
  /** RSS after loading the modules, before the first repetition, bytes */
  readonly baselineRss: number;
  readonly library: Times;
}

type Cdk8s = typeof import('cdk8s');

function gc(): void {
  (globalThis as any).gc?.();
}

function newTimes(): { total: number[]; construct: number[]; synth: number[] } {
  return { total: [], construct: [], synth: [] };
}

/** One timed repetition: build (library or floor), then synthYaml. */
function timeOnce(build: () => import('cdk8s').App, into: ReturnType<typeof newTimes> | undefined): string {
  gc();
  const t0 = performance.now();
  const app = build();
  const t1 = performance.now();
  const yaml = app.synthYaml();
  const t2 = performance.now();
  if (into) {
    into.total.push(t2 - t0);
    into.construct.push(t1 - t0);
    into.synth.push(t2 - t1);
  }
  return yaml;
}

function floorApp(cdk8s: Cdk8s, objects: any[]): import('cdk8s').App {
  const app = new cdk8s.App({ outdir: path.join(os.tmpdir(), 'cdk8s-flink-bench-unused') });
  const chart = new cdk8s.Chart(app, 'bench', { namespace: 'flink-bench' });
  for (let i = 0; i < objects.length; i++) new cdk8s.ApiObject(chart, `o${i}`, objects[i]);
  return app;
}

/** Child `paired`: library and floor repetitions alternating in one process. */
function runPaired(n: number, warmups: number, reps: number): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdk8s: Cdk8s = require('cdk8s');
  // the floor's input, computed once before any timer: the library chart's objects, and its YAML
  const reference = buildLibraryApp(n);
  const objects = reference.chart.toJson();
  const expectedYaml = reference.app.synthYaml();
  const library = newTimes();
  const floor = newTimes();
  for (let r = 0; r < warmups + reps; r++) {
    const record = r >= warmups;
    const runLibrary = () => timeOnce(() => buildLibraryApp(n).app, record ? library : undefined);
    const runFloor = () => {
      const yaml = timeOnce(() => floorApp(cdk8s, objects), record ? floor : undefined);
      if (yaml !== expectedYaml) throw new Error(`N=${n}: the floor's YAML differs from the library's; the floor is not the same objects`);
    };
    if (r % 2 === 0) {
      runLibrary();
      runFloor();
    } else {
      runFloor();
      runLibrary();
    }
  }
  const result: PairedResult = { n, warmups, reps, library, floor, objects: objects.length, yamlBytes: Buffer.byteLength(expectedYaml) };
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

/** Child `rss`: the library only, for its peak RSS. */
function runRss(n: number, warmups: number, reps: number): void {
  // load the library before the baseline RSS is taken
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('cdk8s-plus-28');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../src');
  gc();
  const baselineRss = process.memoryUsage().rss;
  const library = newTimes();
  for (let r = 0; r < warmups + reps; r++) timeOnce(() => buildLibraryApp(n).app, r >= warmups ? library : undefined);
  const result: RssResult = { n, peakRss: process.resourceUsage().maxRSS * 1024, baselineRss, library };
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

function spawnChild<T>(mode: 'paired' | 'rss', n: number, warmups: number, reps: number, extraNodeArgs: string[] = []): T {
  const args = [
    '--expose-gc',
    ...extraNodeArgs,
    '-r', require.resolve('ts-node/register/transpile-only'),
    __filename, '--child', mode, String(n), String(warmups), String(reps),
  ];
  const proc = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } });
  if (proc.status !== 0) {
    throw new Error(`${mode} N=${n} failed (exit ${proc.status}):\n${proc.stdout}\n${proc.stderr}`);
  }
  const line = proc.stdout.split('\n').find(l => l.startsWith('@@RESULT '));
  if (!line) throw new Error(`${mode} N=${n}: no result\n${proc.stdout}\n${proc.stderr}`);
  return JSON.parse(line.substring('@@RESULT '.length));
}

// ---------------------------------------------------------------------------------------------------------
// cold `cdk8s synth`
// ---------------------------------------------------------------------------------------------------------

interface ColdApp {
  readonly label: string;
  readonly dir: string;
}

interface ColdResult extends ColdApp {
  readonly transpileOnly: boolean;
  readonly runs: number[];
  /** why the app's synth failed, if it did (it is then left out of the comparison) */
  error?: string;
}

function coldSynthOnce(dir: string, transpileOnly: boolean): number {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-bench-synth-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, CDK8S_CHECK_UPGRADE: 'false', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };
    delete env.TS_NODE_TRANSPILE_ONLY;
    delete env.CDK8S_OUTDIR;
    if (transpileOnly) env.TS_NODE_TRANSPILE_ONLY = 'true';
    const cli = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');
    const t0 = performance.now();
    const proc = spawnSync(cli, ['synth', '--no-check-upgrade', '--output', out], { cwd: dir, env, encoding: 'utf8' });
    const ms = performance.now() - t0;
    const files = fs.readdirSync(out).filter(f => f.endsWith('.k8s.yaml'));
    if (proc.status !== 0 || files.length === 0) {
      const why = `${proc.stdout}\n${proc.stderr}`.split('\n').map(l => l.trim()).filter(l => /error/i.test(l)).slice(0, 2).join(' ');
      throw new Error(`cdk8s synth in ${path.relative(ROOT, dir) || dir} failed (exit ${proc.status}): ${why || 'no output'}`);
    }
    return ms;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Runs the apps interleaved (A B C A B C …) so drift hits all alike; discarded rounds first warm the OS file cache. */
function coldSynth(apps: ColdApp[], transpileOnly: boolean, warmups: number, runs: number): ColdResult[] {
  const results: ColdResult[] = apps.map(a => ({ ...a, transpileOnly, runs: [] as number[] }));
  for (let r = 0; r < warmups + runs; r++) {
    for (const res of results) {
      if (res.error) continue;
      try {
        const ms = coldSynthOnce(res.dir, transpileOnly);
        if (r >= warmups) res.runs.push(ms);
      } catch (e) {
        res.error = (e as Error).message;
      }
    }
  }
  return results;
}

/** The module examples/session-cluster/main.ts takes the library from (`../../src` or `../../lib`). */
function exampleImport(): string | undefined {
  const source = fs.readFileSync(path.join(ROOT, 'examples', 'session-cluster', 'main.ts'), 'utf8');
  return /from '(\.\.\/\.\.\/(?:src|lib))(?:\/index)?'/.exec(source)?.[1];
}

/** Whether lib/ (what `../../lib` resolves to) is older than the newest file of src/. */
function libIsStale(): boolean {
  const libIndex = path.join(ROOT, 'lib', 'index.js');
  if (!fs.existsSync(libIndex)) return true;
  const newest = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true })
    .map(d => (d.isDirectory() ? newest(path.join(dir, d.name)) : fs.statSync(path.join(dir, d.name)).mtimeMs))
    .reduce((a, b) => Math.max(a, b), 0);
  return newest(path.join(ROOT, 'src')) > fs.statSync(libIndex).mtimeMs;
}

/**
 * examples/session-cluster as a user's project runs it: its main.ts importing the compiled package
 * `cdk8s-flink` (src/ compiled now by tsc with the project's tsconfig) instead of `../../src`/`../../lib`, in a temporary
 * project whose node_modules links this repository's. Returns undefined (and why) if src/ does not compile.
 */
function preparePackagedExample(tmp: string): { app?: ColdApp; note?: string } {
  const project = path.join(tmp, 'packaged-example');
  const nodeModules = path.join(project, 'node_modules');
  const pkg = path.join(nodeModules, 'cdk8s-flink');
  fs.mkdirSync(pkg, { recursive: true });
  const tsc = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(ROOT, 'tsconfig.json'), '--outDir', path.join(pkg, 'lib')], { cwd: ROOT, encoding: 'utf8' });
  if (tsc.status !== 0 || !fs.existsSync(path.join(pkg, 'lib', 'index.js'))) {
    return { note: `src/ did not compile with tsc (exit ${tsc.status}), so the packaged variant was skipped: ${(tsc.stdout + tsc.stderr).split('\n')[0]}` };
  }
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'cdk8s-flink', version: '0.0.0', main: 'lib/index.js', types: 'lib/index.d.ts' }));
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry === 'cdk8s-flink') continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(nodeModules, entry));
  }
  fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(project, 'tsconfig.json'));
  const appDir = path.join(project, 'app');
  fs.mkdirSync(appDir);
  const example = path.join(ROOT, 'examples', 'session-cluster');
  const source = fs.readFileSync(path.join(example, 'main.ts'), 'utf8');
  const specifier = exampleImport();
  if (specifier === undefined) return { note: 'examples/session-cluster/main.ts imports the library neither from \'../../src\' nor from \'../../lib\'; the packaged variant was skipped' };
  fs.writeFileSync(path.join(appDir, 'main.ts'), source.split(`'${specifier}'`).join('\'cdk8s-flink\''));
  fs.copyFileSync(path.join(example, 'cdk8s.yaml'), path.join(appDir, 'cdk8s.yaml'));
  return { app: { label: 'session-cluster example, importing the compiled package', dir: appDir } };
}

// ---------------------------------------------------------------------------------------------------------
// the run and its report
// ---------------------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const mib = (bytes: number) => bytes / (1024 * 1024);
const mb = (bytes: number) => bytes / 1e6;
const fmt = (x: number, digits = 2) => x.toFixed(digits);
const verdict = (ok: boolean, measured = 0) => (Number.isNaN(measured) ? '**not measured**' : ok ? '**PASS**' : '**FAIL**');

/** What was measured for one N. */
interface PerN {
  readonly n: number;
  readonly paired: PairedResult;
  readonly rss: RssResult;
}

interface Step {
  readonly n: number;
  /** paired child: warm-up and measured iterations (each one library and one floor repetition) */
  readonly warmups: number;
  readonly reps: number;
  /** RSS child: warm-up and measured library repetitions */
  readonly rssWarmups: number;
  readonly rssReps: number;
}

function plan(quick: boolean): Step[] {
  if (quick) {
    return [
      { n: 2, warmups: 1, reps: 1, rssWarmups: 0, rssReps: 1 },
      { n: 5, warmups: 1, reps: 1, rssWarmups: 0, rssReps: 1 },
    ];
  }
  return [
    { n: 10, warmups: 40, reps: 25, rssWarmups: 1, rssReps: 2 },
    { n: 100, warmups: 5, reps: 11, rssWarmups: 1, rssReps: 2 },
    { n: 1000, warmups: 1, reps: 7, rssWarmups: 1, rssReps: 2 },
  ];
}

function main(): void {
  const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-bench-'));
  const started = new Date();
  const loadBefore = os.loadavg();

  const perN: PerN[] = [];
  let coldChecked: ColdResult[] = [];
  let coldTranspiled: ColdResult[] = [];
  let packagedNote: string | undefined;
  let example: { specifier?: string; libStale: boolean } = { libStale: false };
  try {
    for (const step of plan(quick)) {
      const { n } = step;
      log(`N=${n}: library and floor alternating (${step.warmups} warm-up + ${step.reps} measured iterations) …`);
      const paired = spawnChild<PairedResult>('paired', n, step.warmups, step.reps);
      log(`N=${n}: peak RSS of the library alone (${step.rssWarmups} warm-up + ${step.rssReps} reps) …`);
      const rss = spawnChild<RssResult>('rss', n, step.rssWarmups, step.rssReps);
      perN.push({ n, paired, rss });
      const lib = median(paired.library.total);
      const floor = median(paired.floor.total);
      log(`N=${n}: library ${fmt(lib / n, 3)} ms/cluster, floor ${fmt(floor / n, 3)} ms/cluster, ratio ${fmt(lib / floor)}, `
        + `peak RSS ${fmt(mb(rss.peakRss), 0)} MB (${paired.objects} objects)`);
    }

    example = { specifier: exampleImport(), libStale: libIsStale() };
    const apps: ColdApp[] = [
      { label: 'examples/session-cluster', dir: path.join(ROOT, 'examples', 'session-cluster') },
      { label: 'bench/minimal-app (one Deployment)', dir: path.join(__dirname, 'minimal-app') },
    ];
    log('compiling src/ for the packaged variant of the example …');
    const packaged = preparePackagedExample(tmp);
    if (packaged.app) apps.push(packaged.app);
    packagedNote = packaged.note;
    if (packagedNote) log(packagedNote);
    const coldRuns = quick ? 1 : 5;
    const coldWarmups = quick ? 0 : 1;
    log(`cold cdk8s synth, ts-node type-checking (${coldWarmups} discarded + ${coldRuns} runs each) …`);
    coldChecked = coldSynth(apps, false, coldWarmups, coldRuns);
    log(`cold cdk8s synth, TS_NODE_TRANSPILE_ONLY=true (${coldWarmups} discarded + ${coldRuns} runs each) …`);
    coldTranspiled = coldSynth(apps, true, coldWarmups, coldRuns);
    for (const c of [...coldChecked, ...coldTranspiled]) {
      log(`  ${c.label}${c.transpileOnly ? ' (transpile-only)' : ''}: `
        + (c.error ? `FAILED: ${c.error}` : `median ${fmt(median(c.runs), 0)} ms [${c.runs.map(x => fmt(x, 0)).join(', ')}]`));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const report = render({ perN, coldChecked, coldTranspiled, packagedNote, example, started, quick, loadBefore, loadAfter: os.loadavg() });
  if (quick) {
    log('quick mode: the script works; bench/RESULTS.md is left unchanged');
    process.stdout.write(report);
  } else {
    fs.writeFileSync(RESULTS, report);
    log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
  }
}

interface RenderInput {
  readonly perN: PerN[];
  readonly coldChecked: ColdResult[];
  readonly coldTranspiled: ColdResult[];
  readonly packagedNote?: string;
  readonly example: { specifier?: string; libStale: boolean };
  readonly started: Date;
  readonly quick: boolean;
  readonly loadBefore: number[];
  readonly loadAfter: number[];
}

function render(input: RenderInput): string {
  const { perN, coldChecked, coldTranspiled, packagedNote, example, started, quick } = input;
  const cpus = os.cpus();
  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  const ms = (r: { total: number[] }) => median(r.total);
  const load = (l: number[]) => l.map(x => fmt(x, 2)).join(' / ');

  p('# Synth benchmark results');
  p();
  p('<!-- Generated by bench/synth-bench.ts (`npm run bench`); do not edit by hand. -->');
  p();
  p(`- Date: ${started.toISOString()}`);
  p(`- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${fmt(os.totalmem() / 1024 ** 3, 1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`);
  p(`- Load average (1 / 5 / 15 min) at start: ${load(input.loadBefore)}; at end: ${load(input.loadAfter)}`);
  p(`- Node ${process.version}; cdk8s ${pkgVersion('cdk8s')}, cdk8s-plus-28 ${pkgVersion('cdk8s-plus-28')}, constructs ${pkgVersion('constructs')}, `
    + `yaml ${pkgVersion('yaml')}, cdk8s-cli ${pkgVersion('cdk8s-cli')}, ts-node ${pkgVersion('ts-node')}, typescript ${pkgVersion('typescript')}`);
  p(`- Library code: \`src/\` loaded with ts-node (transpile-only), at git ${gitDescribe()}`);
  if (quick) p('- **Quick mode** (tiny N, single repetitions): checks that the benchmark runs; the numbers mean nothing.');
  p('- Concurrent load (other processes on the machine) moves single numbers by 10–30 %; the library/floor ratio, measured alternating in one process, moves less.');
  p();
  p('## Synthesizing N clusters in one chart');
  p();
  p('One App, one Chart, N clusters: even i `FlinkSessionCluster`, odd i `FlinkApplicationCluster` (a jar in the image, entry class, args, parallelism); '
    + 'Flink 1.18 / 1.20 / 2.1 in turn; i % 4 = 1 Kubernetes HA (`high-availability.type: kubernetes` and `high-availability.storageDir` as `-D` keys, '
    + 'every other one with 2 JobManagers; the application clusters among them in `UpgradeMode.LAST_STATE`, with the job-upgrade init container); i % 4 = 2 secrets (`kubernetes.secrets` + `kubernetes.env.secretKeyRef` as `-D` keys, or typed '
    + '`secrets`/`secretEnv`); i % 4 = 3 a typed `new PodTemplate(...)` (init container, sidecar, volumes, main-container resources); i % 5 = 0 and '
    + 'the HA ones `containerized.{master,taskmanager}.env.ENABLE_BUILT_IN_PLUGINS`; i % 3 = 2 bigger TaskManagers.');
  p();
  p('- **library**: construct the App, the Chart and N clusters, then `app.synthYaml()`: the whole user-visible cost, constructing and serializing.');
  p('- **floor**: the same objects, precomputed once with `chart.toJson()` before any timer, created as plain `new ApiObject(chart, id, obj)` '
    + 'in a fresh App/Chart, then `app.synthYaml()`: what cdk8s alone costs for this output. Its YAML is checked to equal the library\'s, byte for byte, every repetition.');
  p('- Times: per N one `node --expose-gc` process alternates library and floor repetitions (L F, F L, …; a GC before each), so load from other '
    + 'processes hits both alike; warm-up iterations are discarded; medians. The split columns are the medians of each phase.');
  p('- Peak RSS: per N a separate process builds and synthesizes the library only and reports `process.resourceUsage().maxRSS`. It includes Node, '
    + 'ts-node with the TypeScript compiler module, cdk8s and cdk8s-plus-28; "baseline" is that process\'s RSS after loading them, before the first repetition.');
  p();
  p('| N | objects | YAML | warm-up + measured | library ms/cluster | construct / synthYaml | floor ms/cluster | construct / synthYaml | ratio library/floor | peak RSS | baseline RSS |');
  p('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { n, paired, rss } of perN) {
    const lib = paired.library;
    const floor = paired.floor;
    p(`| ${n} | ${paired.objects} | ${fmt(paired.yamlBytes / 1024, 0)} KiB | ${paired.warmups} + ${paired.reps} | ${fmt(ms(lib) / n, 3)} | `
      + `${fmt(median(lib.construct) / n, 3)} / ${fmt(median(lib.synth) / n, 3)} | ${fmt(ms(floor) / n, 3)} | `
      + `${fmt(median(floor.construct) / n, 3)} / ${fmt(median(floor.synth) / n, 3)} | **${fmt(ms(lib) / ms(floor))}** | `
      + `${fmt(mb(rss.peakRss), 0)} MB | ${fmt(mb(rss.baselineRss), 0)} MB |`);
  }
  p();
  p('All measured repetitions (ms for all N clusters, in order):');
  p();
  for (const { n, paired, rss } of perN) {
    p(`- N=${n}: library [${paired.library.total.map(x => fmt(x, 1)).join(', ')}]; floor [${paired.floor.total.map(x => fmt(x, 1)).join(', ')}]; `
      + `library alone, in the RSS process [${rss.library.total.map(x => fmt(x, 1)).join(', ')}]`);
  }
  p();

  const big = perN[perN.length - 1];
  const mid = perN[perN.length - 2];
  const scale = ms(big.paired.library) / ms(mid.paired.library);
  p('## Scaling');
  p();
  p(`time(${big.n}) / time(${mid.n}) = ${fmt(ms(big.paired.library), 1)} ms / ${fmt(ms(mid.paired.library), 1)} ms = **${fmt(scale)}** `
    + `(linear would be ${fmt(big.n / mid.n, 0)}; the floor's: ${fmt(ms(big.paired.floor) / ms(mid.paired.floor))})`);
  p();

  p('## Cold `cdk8s synth`');
  p();
  p('`node_modules/.bin/cdk8s synth --no-check-upgrade --output <tmp>` in each app\'s directory: a fresh process tree per run, as a user runs it '
    + '(the CLI, then its `app: npx ts-node main.ts`). Apps run interleaved, after one discarded round; medians.');
  p();
  const how = example.specifier === '../../src'
    ? 'imports `../../src`, so ts-node compiles (and by default type-checks) the library\'s TypeScript sources on every synth'
    : example.specifier === '../../lib'
      ? 'imports `../../lib`, the library compiled by `npx projen compile`' + (example.libStale ? ' (**lib/ was older than the newest file in src/ during this run**)' : '')
      : 'imports the library from an unexpected place';
  p(`- \`examples/session-cluster\`: the example as it is in this repository; its \`main.ts\` ${how}.`);
  p('- `bench/minimal-app`: the smallest cdk8s app with one Deployment (`KubeDeployment` from `cdk8s-plus-28`\'s `k8s` module, the L1 class a `cdk8s import` app uses).');
  p('- packaged: the same example `main.ts` importing the compiled package `cdk8s-flink` (src/ compiled with tsc, as `npm install cdk8s-flink` gives it to a user), in a temporary project linked to this repository\'s node_modules.'
    + (packagedNote ? ` **Skipped this run:** ${packagedNote}` : ''));
  p('- `TS_NODE_TRANSPILE_ONLY=true` (same as `ts-node -T`) turns off type-checking; the difference between the two tables is what type-checking costs.');
  p();
  p('| app | ts-node | median ms | runs (ms) |');
  p('|---|---|---:|---|');
  for (const c of [...coldChecked, ...coldTranspiled]) {
    p(`| ${c.label} | ${c.transpileOnly ? 'transpile-only' : 'type-check (default)'} | `
      + (c.error ? `failed | ${c.error.replace(/\|/g, '\\|')} |` : `${fmt(median(c.runs), 0)} | ${c.runs.map(x => fmt(x, 0)).join(', ')} |`));
  }
  const ratioOf = (results: ColdResult[], i: number) => (results[i] && !results[i].error && !results[1].error ? median(results[i].runs) / median(results[1].runs) : NaN);
  const coldRatio = ratioOf(coldChecked, 0);
  p();
  p(`Relative to the minimal app: examples/session-cluster **${fmt(coldRatio)}×** with type-checking (as its \`cdk8s.yaml\` runs), `
    + `${fmt(ratioOf(coldTranspiled, 0))}× transpile-only`
    + (coldChecked[2] && !coldChecked[2].error ? `; packaged example ${fmt(ratioOf(coldChecked, 2))}× with type-checking, ${fmt(ratioOf(coldTranspiled, 2))}× transpile-only.` : '.'));
  p();

  const ratioBig = ms(big.paired.library) / ms(big.paired.floor);
  const rssBig = big.rss.peakRss;
  p('## Targets');
  p();
  if (quick) p('_Quick mode: these verdicts are for tiny N and single runs and mean nothing._\n');
  p('| target | measured | result |');
  p('|---|---|---|');
  p(`| ratio library/floor ≤ 1.3 at N = ${big.n} | ${fmt(ratioBig)} | ${verdict(ratioBig <= 1.3)} |`);
  p(`| time(${big.n}) / time(${mid.n}) ≤ 11 | ${fmt(scale)} | ${verdict(scale <= 11)} |`);
  p(`| peak RSS at N = ${big.n} under 600 MB | ${fmt(mb(rssBig), 0)} MB (${fmt(mib(rssBig), 0)} MiB) | ${verdict(mb(rssBig) < 600)} |`);
  p(`| cold synth of examples/session-cluster within 1.2× the minimal app's | ${fmt(coldRatio)}× | ${verdict(coldRatio <= 1.2, coldRatio)} |`);
  if (coldChecked[2] && !coldChecked[2].error) {
    const r = ratioOf(coldChecked, 2);
    p(`| (for information) the same with the example importing the compiled package | ${fmt(r)}× | ${verdict(r <= 1.2)} |`);
  }
  p();
  return lines.join('\n');
}

function pkgVersion(name: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

function gitDescribe(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || '?';
  const dirty = (spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).stdout ?? '').trim() !== '';
  return `\`${head}\`${dirty ? ' with uncommitted changes in src/' : ''}`;
}

// ---------------------------------------------------------------------------------------------------------

if (process.argv[2] === '--child') {
  const [, , , mode, n, warmups, reps] = process.argv;
  (mode === 'paired' ? runPaired : runRss)(Number(n), Number(warmups), Number(reps));
} else if (require.main === module) {
  main();
}

export { buildLibraryApp };
