import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FakeKubernetesApi, RecordedRequest } from './fake-kubernetes-api';
import { chart, checkpointDirectory, find, synth } from './util';
import { DeploymentMode, FlinkApplicationCluster, FlinkPlugin, FlinkVersion, HighAvailability, JobArtifact, UpgradeMode } from '../src';
import { jobUpgradeScript, KUBERNETES_API, SERVICE_ACCOUNT_DIR, JOB_UPGRADE_SCRATCH, shellQuote, USER_AGENT } from '../src/private/job-upgrade-script';

// The JobManager's `flink-job-upgrade` init container (src/private/job-upgrade-script.ts), run for real: the script
// rendered into a synthesized Deployment, with this machine's POSIX shells and its curl or wget, against a fake
// Kubernetes API server on loopback. Only the API address, the service-account directory and the scratch directory
// are pointed elsewhere; PATH holds exactly the tools the official images have, so a command the script should not
// use fails the test.

jest.setTimeout(30_000);

const NS = 'flink';
const ID = 'orders';
const TOKEN = 'test-token';
const JAR = JobArtifact.fromImage('/opt/flink/usrlib/orders.jar');
const TOOLS = ['cat', 'tr', 'sed', 'head', 'tail', 'sort'];

function which(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, tool);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

interface Options {
  version?: FlinkVersion;
  upgradeMode: UpgradeMode;
  mode?: DeploymentMode;
  savepoint?: string;
  args?: string[];
}

/** A Kubernetes-HA application cluster's synthesized objects, its init container's script and its facts. */
function cluster(o: Options) {
  const c = chart(NS);
  const app = new FlinkApplicationCluster(c, 'app', {
    version: o.version ?? FlinkVersion.V2_1,
    clusterId: ID,
    mode: o.mode,
    highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink/ha' }),
    plugins: [FlinkPlugin.S3_PRESTO],
    flinkConfiguration: checkpointDirectory(o.version ?? FlinkVersion.V2_1),
    job: { artifact: JAR, upgradeMode: o.upgradeMode, args: o.args, savepoint: o.savepoint === undefined ? undefined : { path: o.savepoint } },
  });
  const manifests = synth(c);
  const init = find(manifests, 'Deployment', ID).spec.template.spec.initContainers.find((ic: any) => ic.name === 'flink-job-upgrade');
  return { app, manifests, script: init.command[2] as string };
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: RecordedRequest[];
}

/** Runs the script with `shell` as sh and only `client` as HTTP client against `api`. */
async function run(script: string, api: FakeKubernetesApi, client: string, shell: string): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'job-upgrade-'));
  const sa = path.join(dir, 'sa');
  const scratch = path.join(dir, 'scratch');
  const bin = path.join(dir, 'bin');
  for (const d of [sa, scratch, bin]) fs.mkdirSync(d);
  fs.writeFileSync(path.join(sa, 'token'), TOKEN);
  fs.writeFileSync(path.join(sa, 'ca.crt'), 'not used over http\n');
  fs.symlinkSync(which(shell)!, path.join(bin, 'sh'));
  for (const tool of [...TOOLS, client]) fs.symlinkSync(which(tool)!, path.join(bin, tool));
  let local = script;
  for (const [from, to] of [[KUBERNETES_API, api.url], [SERVICE_ACCOUNT_DIR, sa], [JOB_UPGRADE_SCRATCH, scratch]]) {
    const line = `=${shellQuote(from)}\n`;
    expect(local.split(line)).toHaveLength(2);
    local = local.replace(line, `=${shellQuote(to)}\n`);
  }
  fs.writeFileSync(path.join(dir, 'script.sh'), local);
  const before = api.requests.length;
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>(resolve => {
    execFile(path.join(bin, 'sh'), [path.join(dir, 'script.sh')], { env: { PATH: bin } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...result, requests: api.requests.slice(before) };
}

/** `METHOD path` of each request, for exact comparison. */
const calls = (r: Run) => r.requests.map(q => `${q.method} ${q.path}`);

const CM = `/api/v1/namespaces/${NS}/configmaps`;
const PODS = `/api/v1/namespaces/${NS}/pods`;
const OLD_HASH = 'a'.repeat(32);
const OLD_JOB = '0123456789abcdef0123456789abcdef';

function record(api: FakeKubernetesApi, data: Partial<Record<string, string>> = {}) {
  api.putConfigMap(`${ID}-job-upgrade`, {
    'job-hash': OLD_HASH, 'job-id': OLD_JOB, 'upgrade-mode': 'STATELESS', 'flink-version': '2.1', 'restored-savepoints': '', ...data,
  } as Record<string, string>, { type: 'flink-native-kubernetes', app: ID, component: 'job-upgrade' });
}

const clients = ['curl', 'wget'];
const shells = ['dash', 'bash'];
const missing = [...clients, ...shells, ...TOOLS].filter(t => which(t) === undefined);
const combinations = clients.flatMap(client => shells.map(shell => [client, shell] as const));

test('every tool the script runs is on this machine (else the script tests below are skipped)', () => {
  if (missing.length > 0) {
    // eslint-disable-next-line no-console
    console.warn(`skipping the job-upgrade script runs that need ${missing.join(', ')}: not installed on this machine`);
  }
  expect(missing.filter(t => TOOLS.includes(t))).toStrictEqual([]);
});

describe.each(combinations)('the rendered script with %s and %s', (client, shell) => {
  const maybe = which(client) && which(shell) ? test : test.skip;
  let api: FakeKubernetesApi;
  beforeEach(async () => {
    api = new FakeKubernetesApi(NS);
    await api.start();
  });
  afterEach(() => api.stop());

  maybe('first start, nothing there yet: every read is a 404, then the record is created (PUT 404 → POST)', async () => {
    const { app, script } = cluster({ upgradeMode: UpgradeMode.STATELESS });
    const r = await run(script, api, client, shell);
    expect(r.code).toBe(0);
    expect(calls(r)).toStrictEqual([
      `GET ${CM}/${ID}-job-upgrade`,
      `GET ${CM}/${ID}-cluster-config-map`,
      `PUT ${CM}/${ID}-job-upgrade`,
      `POST ${CM}`,
      `GET ${PODS}?labelSelector=type=flink-native-kubernetes,app=${ID},component=taskmanager,cdk8s-flink.dev/job-hash!=${app.jobHash}`,
    ]);
    expect(api.configMaps.get(`${ID}-job-upgrade`)).toMatchObject({
      metadata: { name: `${ID}-job-upgrade`, namespace: NS, labels: { type: 'flink-native-kubernetes', app: ID, component: 'job-upgrade' } },
      data: { 'job-hash': app.jobHash, 'job-id': app.jobId, 'upgrade-mode': 'STATELESS', 'flink-version': '2.1', 'restored-savepoints': '' },
    });
    // every call authenticates with the service-account token and names itself
    for (const q of r.requests) {
      expect([q.authorization, q.userAgent]).toStrictEqual([`Bearer ${TOKEN}`, USER_AGENT]);
    }
    expect(r.stdout).toContain('flink-job-upgrade: no record of an earlier start');
  });

  maybe('unchanged job (a routine restart): no ConfigMap is written; only TaskManagers of another generation are deleted (§8.2)', async () => {
    const { app, script } = cluster({ upgradeMode: UpgradeMode.STATELESS });
    record(api, { 'job-hash': app.jobHash });
    const tm = { type: 'flink-native-kubernetes', app: ID, component: 'taskmanager' };
    api.putPod(`${ID}-taskmanager-1-1`, { ...tm, 'cdk8s-flink.dev/job-hash': app.jobHash });
    api.putPod(`${ID}-taskmanager-1-2`, { ...tm, 'cdk8s-flink.dev/job-hash': OLD_HASH });
    api.putPod(`${ID}-taskmanager-1-3`, tm);
    api.putPod('other-taskmanager-1-1', { ...tm, app: 'other' });
    const r = await run(script, api, client, shell);
    expect(r.code).toBe(0);
    expect(calls(r)).toStrictEqual([
      `GET ${CM}/${ID}-job-upgrade`,
      `GET ${PODS}?labelSelector=type=flink-native-kubernetes,app=${ID},component=taskmanager,cdk8s-flink.dev/job-hash!=${app.jobHash}`,
      `DELETE ${PODS}/${ID}-taskmanager-1-2`,
      `DELETE ${PODS}/${ID}-taskmanager-1-3`,
    ]);
    expect([...api.pods.keys()].sort()).toStrictEqual([`${ID}-taskmanager-1-1`, 'other-taskmanager-1-1']);
    expect(r.stdout).toContain('is unchanged since the last start');
  });

  maybe('LAST_STATE, changed job (1.20): only the job-graph key goes, checkpoints and leader entries stay (FKO last-state)', async () => {
    const { app, script } = cluster({ version: FlinkVersion.V1_20, upgradeMode: UpgradeMode.LAST_STATE });
    const jobId = app.jobId!;
    record(api, { 'upgrade-mode': 'LAST_STATE', 'flink-version': '1.20', 'job-id': jobId });
    api.putConfigMap(`${ID}-cluster-config-map`, { [`jobGraph-${jobId}`]: 'rO0ABXNyAD1vcmcuYXBhY2hl', 'org.apache.flink.k8s.leader.restserver': 'a1b2,http://10.0.0.1:8081' });
    api.putConfigMap(`${ID}-${jobId}-config-map`, { 'checkpointID-0000000000000000042': 'rO0AB', 'counter': '43' });
    const r = await run(script, api, client, shell);
    expect(r.code).toBe(0);
    expect(calls(r)).toStrictEqual([
      `GET ${CM}/${ID}-job-upgrade`,
      `GET ${CM}/${ID}-${jobId}-config-map`,
      `GET ${CM}/${ID}-cluster-config-map`,
      `PATCH ${CM}/${ID}-cluster-config-map`,
      `PUT ${CM}/${ID}-job-upgrade`,
      `GET ${PODS}?labelSelector=type=flink-native-kubernetes,app=${ID},component=taskmanager,cdk8s-flink.dev/job-hash!=${app.jobHash}`,
    ]);
    const patch = r.requests.find(q => q.method === 'PATCH')!;
    expect([patch.contentType, JSON.parse(patch.body)]).toStrictEqual(['application/merge-patch+json', { data: { [`jobGraph-${jobId}`]: null } }]);
    expect(api.configMaps.get(`${ID}-cluster-config-map`)!.data).toStrictEqual({ 'org.apache.flink.k8s.leader.restserver': 'a1b2,http://10.0.0.1:8081' });
    expect(api.configMaps.get(`${ID}-${jobId}-config-map`)!.data).toStrictEqual({ 'checkpointID-0000000000000000042': 'rO0AB', 'counter': '43' });
    expect(api.configMaps.get(`${ID}-job-upgrade`)!.data!['job-hash']).toBe(app.jobHash);
  });

  maybe('STATELESS, changed job (2.1): the old job\'s checkpoint ConfigMap, then its key; this generation\'s own job stays', async () => {
    const { app, script } = cluster({ upgradeMode: UpgradeMode.STATELESS });
    const jobId = app.jobId!;
    record(api);
    api.putConfigMap(`${ID}-cluster-config-map`, { [`executionPlan-${OLD_JOB}`]: 'rO0AB', [`executionPlan-${jobId}`]: 'rO0AC', [`jobGraph-${'1'.repeat(32)}`]: 'rO0AD' });
    api.putConfigMap(`${ID}-${OLD_JOB}-config-map`, { counter: '7' });
    api.putConfigMap(`${ID}-${jobId}-config-map`, { counter: '1' });
    const r = await run(script, api, client, shell);
    expect(r.code).toBe(0);
    expect(calls(r)).toStrictEqual([
      `GET ${CM}/${ID}-job-upgrade`,
      `GET ${CM}/${ID}-cluster-config-map`,
      `DELETE ${CM}/${ID}-${OLD_JOB}-config-map`,
      `DELETE ${CM}/${ID}-${'1'.repeat(32)}-config-map`,
      `PATCH ${CM}/${ID}-cluster-config-map`,
      `PUT ${CM}/${ID}-job-upgrade`,
      `GET ${PODS}?labelSelector=type=flink-native-kubernetes,app=${ID},component=taskmanager,cdk8s-flink.dev/job-hash!=${app.jobHash}`,
    ]);
    expect(api.configMaps.get(`${ID}-cluster-config-map`)!.data).toStrictEqual({ [`executionPlan-${jobId}`]: 'rO0AC' });
    expect(api.configMaps.has(`${ID}-${OLD_JOB}-config-map`)).toBe(false);
    expect(api.configMaps.has(`${ID}-${jobId}-config-map`)).toBe(true);

    // idempotent: the next start of the same job is a routine one
    const again = await run(script, api, client, shell);
    expect(again.code).toBe(0);
    expect(calls(again).filter(c => !c.startsWith('GET'))).toStrictEqual([]);
  });

  maybe('SAVEPOINT, changed job with a new savepoint: cleaned as STATELESS, the savepoint recorded as restored', async () => {
    const { script } = cluster({ upgradeMode: UpgradeMode.SAVEPOINT, savepoint: 's3://flink/savepoints/savepoint-2' });
    record(api, { 'upgrade-mode': 'SAVEPOINT', 'restored-savepoints': '1111111111111111' });
    api.putConfigMap(`${ID}-cluster-config-map`, { [`executionPlan-${OLD_JOB}`]: 'rO0AB' });
    const r = await run(script, api, client, shell);
    expect(r.code).toBe(0);
    expect(calls(r).slice(0, 5)).toStrictEqual([
      `GET ${CM}/${ID}-job-upgrade`,
      `GET ${CM}/${ID}-cluster-config-map`,
      `DELETE ${CM}/${ID}-${OLD_JOB}-config-map`,
      `PATCH ${CM}/${ID}-cluster-config-map`,
      `PUT ${CM}/${ID}-job-upgrade`,
    ]);
    const restored = api.configMaps.get(`${ID}-job-upgrade`)!.data!['restored-savepoints']!.split(' ');
    expect(restored).toHaveLength(2);
    expect(restored[0]).toBe('1111111111111111');
    expect(restored[1]).toMatch(/^[0-9a-f]{16}$/);
  });

  maybe('SAVEPOINT refuses a changed job without a savepoint, and one whose savepoint was restored before: nothing is written', async () => {
    record(api, { 'upgrade-mode': 'SAVEPOINT' });
    const none = await run(cluster({ upgradeMode: UpgradeMode.SAVEPOINT }).script, api, client, shell);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`UpgradeMode.SAVEPOINT starts a changed job from a savepoint and job.savepoint is not set: stop the running job with a savepoint (POST /jobs/${OLD_JOB}/stop)`);
    expect(calls(none)).toStrictEqual([`GET ${CM}/${ID}-job-upgrade`]);

    const first = cluster({ upgradeMode: UpgradeMode.SAVEPOINT, savepoint: 's3://flink/savepoints/savepoint-1' });
    const key = first.script.match(/^SAVEPOINT='([0-9a-f]{16})'$/m)![1];
    record(api, { 'upgrade-mode': 'SAVEPOINT', 'restored-savepoints': `2222222222222222 ${key}` });
    const reused = await run(cluster({ upgradeMode: UpgradeMode.SAVEPOINT, savepoint: 's3://flink/savepoints/savepoint-1', args: ['--v2'] }).script, api, client, shell);
    expect(reused.code).toBe(1);
    expect(reused.stderr).toContain('job.savepoint.path was already restored by an earlier job generation of this cluster');
    expect(calls(reused)).toStrictEqual([`GET ${CM}/${ID}-job-upgrade`]);
  });

  maybe('LAST_STATE refuses across Flink versions, and without checkpoints unless a new savepoint is set', async () => {
    const { app, script } = cluster({ version: FlinkVersion.V1_20, upgradeMode: UpgradeMode.LAST_STATE });
    record(api, { 'upgrade-mode': 'LAST_STATE', 'flink-version': '1.19' });
    const version = await run(script, api, client, shell);
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('the job ran on Flink 1.19 and this JobManager runs Flink 1.20');

    record(api, { 'upgrade-mode': 'LAST_STATE', 'flink-version': '1.20' });
    const empty = await run(script, api, client, shell);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`job ${app.jobId} has no checkpoints in the high-availability data (ConfigMap ${ID}-${app.jobId}-config-map does not exist`);
    expect(calls(empty)).toStrictEqual([`GET ${CM}/${ID}-job-upgrade`, `GET ${CM}/${ID}-${app.jobId}-config-map`]);

    const withSavepoint = await run(cluster({ version: FlinkVersion.V1_20, upgradeMode: UpgradeMode.LAST_STATE, savepoint: 's3://flink/sp/chk-9' }).script, api, client, shell);
    expect(withSavepoint.code).toBe(0);
  });

  maybe('an API error stops the pod with the API server\'s answer; an unreachable API too', async () => {
    api.failWith = 403;
    const forbidden = await run(cluster({ upgradeMode: UpgradeMode.STATELESS }).script, api, client, shell);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toContain(`flink-job-upgrade: GET ${CM}/${ID}-job-upgrade: HTTP 403: `);
    expect(forbidden.stderr).toContain('"reason":"Forbidden"');

    await api.stop();
    const down = await run(cluster({ upgradeMode: UpgradeMode.STATELESS }).script, api, client, shell);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('flink-job-upgrade: no answer from the Kubernetes API at');
    await api.start();
  });
});

describe.each(clients)('indented JSON (what the API server sends curl and Wget user agents) with %s', client => {
  const maybe = which(client) && which('dash') ? test : test.skip;
  test('curl and wget would be sent indented JSON, which the script is spared by its user agent', () => {
    expect(USER_AGENT).not.toMatch(/^(curl|Wget|Mozilla\/5\.0)/);
  });
  maybe('is read the same way', async () => {
    const api = new FakeKubernetesApi(NS, true);
    await api.start();
    try {
      const { app, script } = cluster({ version: FlinkVersion.V1_20, upgradeMode: UpgradeMode.LAST_STATE });
      record(api, { 'upgrade-mode': 'LAST_STATE', 'flink-version': '1.20' });
      api.putConfigMap(`${ID}-cluster-config-map`, { [`jobGraph-${app.jobId}`]: 'rO0AB' });
      api.putConfigMap(`${ID}-${app.jobId}-config-map`, { counter: '3' });
      api.putPod(`${ID}-taskmanager-2-7`, { type: 'flink-native-kubernetes', app: ID, component: 'taskmanager' });
      const r = await run(script, api, client, 'dash');
      expect(r.code).toBe(0);
      expect(api.configMaps.get(`${ID}-cluster-config-map`)!.data).toStrictEqual({});
      expect(api.pods.size).toBe(0);
    } finally {
      await api.stop();
    }
  });
});

describe('the script text', () => {
  const values = {
    namespace: 'flink',
    clusterId: 'orders',
    recordName: 'orders-job-upgrade',
    jobHash: 'a'.repeat(32),
    jobId: 'b'.repeat(32),
    upgradeMode: UpgradeMode.STATELESS,
    flinkVersion: '2.1',
    savepointKey: '',
    taskManagerSelector: '',
    labelsJson: '{"app":"orders"}',
  };

  test('values are single-quoted shell words; a quote inside survives as \'\\\'\'', () => {
    expect(shellQuote('it\'s')).toBe('\'it\'\\\'\'s\'');
    expect(jobUpgradeScript(values).split('\n').slice(0, 16)).toStrictEqual([
      'set -eu',
      `API='${KUBERNETES_API}'`,
      `SA='${SERVICE_ACCOUNT_DIR}'`,
      `TMP='${JOB_UPGRADE_SCRATCH}'`,
      `UA='${USER_AGENT}'`,
      'NS=\'flink\'',
      'CLUSTER_ID=\'orders\'',
      'RECORD=\'orders-job-upgrade\'',
      `JOB_HASH='${'a'.repeat(32)}'`,
      `JOB_ID='${'b'.repeat(32)}'`,
      'UPGRADE_MODE=\'STATELESS\'',
      'FLINK_VERSION=\'2.1\'',
      'SAVEPOINT=\'\'',
      'TM_SELECTOR=\'\'',
      'LABELS=\'{"app":"orders"}\'',
      'BODY="$TMP/body"',
    ]);
  });

  test('a value outside its pattern never reaches the script (they are spliced into URLs and JSON)', () => {
    expect(() => jobUpgradeScript({ ...values, clusterId: 'a\'; rm -rf /' })).toThrow('internal: job upgrade script value clusterId');
    expect(() => jobUpgradeScript({ ...values, labelsJson: '{"a":"b\\""}' })).toThrow('internal: job upgrade script value labelsJson');
  });

  test('no JSON tool, no bash-only syntax, no `${` expansion (nothing TypeScript could have interpolated)', () => {
    const script = jobUpgradeScript(values);
    expect(script).not.toMatch(/\bjq\b|\bpython|\bperl\b|\[\[ |\$\{|local |function /);
  });
});

/** Whether a namespaced Role's rules allow a request, as the RBAC authorizer decides (verb from the method). */
function allowed(rules: any[], q: RecordedRequest): boolean {
  const [, , , , , resource, name] = q.path.split('?')[0].split('/');
  const verb = { GET: name ? 'get' : 'list', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[q.method]!;
  return rules.some(rule => rule.apiGroups.includes('') && rule.resources.includes(resource) && rule.verbs.includes(verb)
    && (rule.resourceNames === undefined || (name !== undefined && rule.resourceNames.includes(name))));
}

describe.each([
  ['1.16', FlinkVersion.V1_16, DeploymentMode.NATIVE],
  ['1.17', FlinkVersion.V1_17, DeploymentMode.NATIVE],
  ['1.18', FlinkVersion.V1_18, DeploymentMode.NATIVE],
  ['2.2', FlinkVersion.V2_2, DeploymentMode.NATIVE],
  ['1.16', FlinkVersion.V1_16, DeploymentMode.STANDALONE],
  ['2.2', FlinkVersion.V2_2, DeploymentMode.STANDALONE],
])('RBAC, Flink %s %s', (_n, version, mode) => {
  const maybe = which('curl') && which('dash') ? test : test.skip;
  maybe('the JobManager\'s Role allows every call the script makes (configmaps patch by name is the one rule added, up to 1.17)', async () => {
    const api = new FakeKubernetesApi(NS);
    await api.start();
    try {
      const { manifests, script } = cluster({ version, mode, upgradeMode: UpgradeMode.STATELESS });
      // every kind of call: the record is missing (GET, PUT, POST), an old job's key and checkpoints (DELETE, PATCH),
      // a TaskManager of another generation (list, DELETE)
      api.putConfigMap(`${ID}-cluster-config-map`, { [`jobGraph-${OLD_JOB}`]: 'x', [`executionPlan-${OLD_JOB}`]: 'x' });
      api.putConfigMap(`${ID}-${OLD_JOB}-config-map`, { counter: '1' });
      api.putPod(`${ID}-taskmanager-1-1`, { type: 'flink-native-kubernetes', app: ID, component: 'taskmanager' });
      const r = await run(script, api, 'curl', 'dash');
      expect(r.code).toBe(0);
      const methods = new Set(r.requests.map(q => q.method));
      expect([...methods].sort()).toStrictEqual(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
      const rules = find(manifests, 'Role', `${ID}-jobmanager`).rules;
      expect(r.requests.filter(q => !allowed(rules, q)).map(q => `${q.method} ${q.path}`)).toStrictEqual([]);
      const byName = rules.filter((rule: any) => rule.resourceNames !== undefined);
      expect(byName).toStrictEqual(version.isAtLeast(FlinkVersion.V1_18) ? [] : [
        { apiGroups: [''], resources: ['configmaps'], resourceNames: [`${ID}-cluster-config-map`], verbs: ['patch'] },
      ]);
    } finally {
      await api.stop();
    }
  });
});
