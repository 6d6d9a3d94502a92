import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, checkpointDirectory, find, mainContainer, shippedConfig, synth } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkApplicationClusterProps, FlinkPlugin, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion,
  HighAvailability, JobArtifact, PodTemplate, RecoveryClaimMode, UpgradeMode,
} from '../src';

// Standalone mode, checked against ../shared/reference/standalone-kubernetes.md ("§" below) and the facts it
// rests on in Flink's source.

const ID = 'analytics';
const NS = 'flink';
const STANDALONE = DeploymentMode.STANDALONE;
const K8S_HA = HighAvailability.kubernetes({ storageDir: 's3://bucket/ha' });
// HA storage on S3 needs the official image's S3 plugin (state directories are checked against the plugins)
const S3 = [FlinkPlugin.S3_PRESTO];
const JOB = { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), entryClass: 'com.example.Job' };
/** reactive mode needs a restart strategy: checkpointing configures one (elastic scaling documentation) */
const CHECKPOINTING = { 'execution.checkpointing.interval': '10 s' };

function session(version: FlinkVersion, props: Partial<FlinkSessionClusterProps> = {}) {
  const c = chart(NS);
  const cluster = new FlinkSessionCluster(c, 'session', { version, clusterId: ID, mode: STANDALONE, ...props });
  return { cluster, manifests: synth(c) };
}

function application(version: FlinkVersion, props: Partial<FlinkApplicationClusterProps> = {}) {
  const c = chart(NS);
  const cluster = new FlinkApplicationCluster(c, 'app', { version, clusterId: ID, mode: STANDALONE, job: JOB, ...props });
  return { cluster, manifests: synth(c) };
}

/** A pod-template file, as PodTemplate.fromFile reads it. */
function templateFile(scope: Chart, spec: object): PodTemplate {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-')), 'pod-template.yaml');
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec }));
  return PodTemplate.fromFile(scope, 'tpl', file);
}

const jobManager = (manifests: any[]) => find(manifests, 'Deployment', ID);
const taskManagers = (manifests: any[], kind = 'Deployment') => find(manifests, kind, `${ID}-taskmanager`);
const jmContainer = (manifests: any[]) => mainContainer(jobManager(manifests));
const tmContainer = (manifests: any[], kind = 'Deployment') => mainContainer(taskManagers(manifests, kind));

describe.each([
  ['1.16', FlinkVersion.V1_16, 'flink-conf.yaml'],
  ['1.18', FlinkVersion.V1_18, 'flink-conf.yaml'],
  ['1.20', FlinkVersion.V1_20, 'flink-conf.yaml'],
  ['2.1', FlinkVersion.V2_1, 'config.yaml'],
  ['2.2', FlinkVersion.V2_2, 'config.yaml'],
])('Flink %s standalone session cluster (§2)', (_name, version, configFile) => {
  const { manifests } = session(version);
  const config = shippedConfig(manifests, ID);
  const jmSelector = { type: 'flink-standalone-kubernetes', app: ID, component: 'jobmanager' };
  const tmSelector = { type: 'flink-standalone-kubernetes', app: ID, component: 'taskmanager' };

  test('the objects, named as in native mode, every one in the namespace', () => {
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toStrictEqual([
      `Deployment/${ID}`,
      `Service/${ID}`,
      `Service/${ID}-rest`,
      `ConfigMap/flink-config-${ID}`,
      `Deployment/${ID}-taskmanager`,
      `NetworkPolicy/${ID}-jobmanager`,
      `NetworkPolicy/${ID}-taskmanager`,
      `ServiceAccount/${ID}-jobmanager`,
      `ServiceAccount/${ID}-taskmanager`,
    ]);
    for (const m of manifests) expect(m.metadata.namespace).toBe(NS);
  });

  test('§8.11: labels type flink-standalone-kubernetes, app <clusterId>, component (the operator\'s StandaloneKubernetesUtils)', () => {
    expect(jobManager(manifests).spec.selector.matchLabels).toStrictEqual(jmSelector);
    expect(jobManager(manifests).spec.template.metadata.labels).toStrictEqual(jmSelector);
    expect(taskManagers(manifests).spec.selector.matchLabels).toStrictEqual(tmSelector);
    expect(taskManagers(manifests).spec.template.metadata.labels).toStrictEqual(tmSelector);
    expect(find(manifests, 'Service', ID).spec.selector).toStrictEqual(jmSelector);
    expect(find(manifests, 'Service', `${ID}-rest`).spec.selector).toStrictEqual(jmSelector);
    expect(find(manifests, 'ConfigMap', `flink-config-${ID}`).metadata.labels).toStrictEqual({ type: 'flink-standalone-kubernetes', app: ID });
  });

  test(`§6.5, §9: the configuration file is ${configFile}, mounted with the log files at /opt/flink/conf on both workloads`, () => {
    const cm = find(manifests, 'ConfigMap', `flink-config-${ID}`);
    const files = [...version.logConfigFileNames, configFile];
    expect(Object.keys(cm.data).sort()).toStrictEqual([...files].sort());
    for (const workload of [jobManager(manifests), taskManagers(manifests)]) {
      const volume = workload.spec.template.spec.volumes.find((v: any) => v.name === 'flink-config-volume');
      expect(volume.configMap).toStrictEqual({ name: `flink-config-${ID}`, items: files.map(f => ({ key: f, path: f })) });
      expect(mainContainer(workload).volumeMounts).toContainEqual({ name: 'flink-config-volume', mountPath: '/opt/flink/conf' });
    }
  });

  test('§2.1, §8.4: every port pinned to one value; blob, TaskManager RPC and data ports are not random', () => {
    expect(config['jobmanager.rpc.port']).toBe('6123');
    expect(config['blob.server.port']).toBe('6124');
    expect(config['taskmanager.rpc.port']).toBe('6122');
    expect(config['rest.port']).toBe('8081');
    expect(config['taskmanager.data.port']).toBe('6121');
  });

  test('§2.1, §8.2: what a replacing ConfigMap must carry — memory sizes, rpc address of the Service, namespace, cluster id', () => {
    expect(config['jobmanager.memory.process.size']).toBe('1600m');
    expect(config['taskmanager.memory.process.size']).toBe('1728m');
    expect(config['jobmanager.rpc.address']).toBe(`${ID}.${NS}`);
    expect(config['kubernetes.namespace']).toBe(NS);
    expect(config['kubernetes.cluster-id']).toBe(ID);
  });

  test('§2.1: the distribution\'s Java 17 flags (env.java.opts.all) from 1.18; no rest.address (falls back to jobmanager.rpc.address)', () => {
    if (version.isAtLeast(FlinkVersion.V1_18)) {
      expect(config['env.java.opts.all']).toContain('--add-opens=java.base/java.util=ALL-UNNAMED');
      // 2.1 and 2.2 dropped one flag (config.yaml 2.1.2)
      expect(config['env.java.opts.all'].includes('sun.net.util')).toBe(!version.isAtLeast(FlinkVersion.V2_1));
    } else {
      expect(config['env.java.opts.all']).toBeUndefined();
    }
    expect(config['rest.address']).toBeUndefined();
  });

  test('no native-only keys: no execution.target, no internal entrypoint class, no pod-template file', () => {
    for (const key of ['execution.target', 'internal.cluster.execution-mode', 'kubernetes.internal.jobmanager.entrypoint.class', 'kubernetes.pod-template-file.taskmanager']) {
      expect(config[key]).toBeUndefined();
    }
  });

  test('§2.3, §2.5: the JobManager runs `jobmanager` through the image entrypoint, with the documentation\'s liveness probe', () => {
    const c = jmContainer(manifests);
    expect(c.name).toBe('flink-main-container');
    expect(c.command).toStrictEqual(['/docker-entrypoint.sh']);
    expect(c.args).toStrictEqual(['jobmanager']);
    expect(c.ports).toStrictEqual([
      { name: 'rest', containerPort: 8081 },
      { name: 'jobmanager-rpc', containerPort: 6123 },
      { name: 'blobserver', containerPort: 6124 },
    ]);
    expect(c.livenessProbe).toStrictEqual({ tcpSocket: { port: 6123 }, initialDelaySeconds: 30, periodSeconds: 60 });
    expect(c.resources).toStrictEqual({ requests: { cpu: '1.0', memory: '1600Mi' }, limits: { cpu: '1.0', memory: '1600Mi' } });
  });

  test('§2.4, §8.3: one TaskManager by default running `taskmanager`, sized as Flink\'s native decorator would (cpu falls back to the slots)', () => {
    expect(taskManagers(manifests).spec.replicas).toBe(1);
    const c = tmContainer(manifests);
    expect(c.command).toStrictEqual(['/docker-entrypoint.sh']);
    expect(c.args).toStrictEqual(['taskmanager']);
    expect(c.image).toBe(version.defaultImage);
    expect(c.ports).toStrictEqual([{ name: 'taskmanager-rpc', containerPort: 6122 }]);
    expect(c.livenessProbe).toStrictEqual({ tcpSocket: { port: 6122 }, initialDelaySeconds: 30, periodSeconds: 60 });
    expect(c.resources).toStrictEqual({ requests: { cpu: '1.0', memory: '1728Mi' }, limits: { cpu: '1.0', memory: '1728Mi' } });
  });

  test('§8.1: no Role and no service-account token in any pod without high availability', () => {
    expect(manifests.filter(m => m.kind === 'Role' || m.kind === 'RoleBinding')).toStrictEqual([]);
    for (const workload of [jobManager(manifests), taskManagers(manifests)]) {
      expect(workload.spec.template.spec.automountServiceAccountToken).toBe(false);
    }
    for (const sa of manifests.filter(m => m.kind === 'ServiceAccount')) expect(sa.automountServiceAccountToken).toBe(false);
  });

  test('§1.2: internal Service <clusterId> headless with the rpc and blob ports; REST Service ClusterIP', () => {
    expect(find(manifests, 'Service', ID).spec).toStrictEqual({
      clusterIP: 'None',
      selector: jmSelector,
      ports: [{ name: 'jobmanager-rpc', port: 6123 }, { name: 'blobserver', port: 6124 }],
    });
    expect(find(manifests, 'Service', `${ID}-rest`).spec.type).toBe('ClusterIP');
  });
});

describe('standalone TaskManagers', () => {
  test('taskManager.replicas sizes the Deployment', () => {
    expect(taskManagers(session(FlinkVersion.V1_20, { taskManager: { replicas: 3 } }).manifests).spec.replicas).toBe(3);
  });

  test('§8.3: requests and limits follow taskmanager.memory.process.size, cpu and the limit factors (KubernetesUtils.getResourceRequirements)', () => {
    const { manifests } = session(FlinkVersion.V1_20, {
      taskManager: { memory: Size.mebibytes(4096), cpu: 2, taskSlots: 4, memoryLimitFactor: 1.5, cpuLimitFactor: 2 },
    });
    expect(tmContainer(manifests).resources).toStrictEqual({
      requests: { cpu: '2.0', memory: '4096Mi' },
      limits: { cpu: '4.0', memory: '6144Mi' },
    });
    expect(shippedConfig(manifests, ID)['taskmanager.memory.process.size']).toBe('4096m');
  });

  test('cpu: taskmanager.cpu.cores wins, else the slot count (TaskExecutorProcessUtils.getCpuCoresWithFallback)', () => {
    expect(tmContainer(session(FlinkVersion.V1_20, { taskManager: { taskSlots: 3 } }).manifests).resources.requests.cpu).toBe('3.0');
    expect(tmContainer(session(FlinkVersion.V1_20, { flinkConfiguration: { 'taskmanager.cpu.cores': '0.5' } }).manifests).resources.requests.cpu).toBe('0.5');
  });

  test('labels, annotations, node selector, tolerations, env, secrets and pull secrets reach the TaskManager pods (InitStandaloneTaskManagerDecorator)', () => {
    const c = chart(NS);
    const secret = kplus.Secret.fromSecretName(c, 'secret', 'db');
    new FlinkSessionCluster(c, 'session', {
      version: FlinkVersion.V1_20,
      clusterId: ID,
      mode: STANDALONE,
      imagePullSecrets: [kplus.Secret.fromSecretName(c, 'pull', 'registry')],
      secrets: [{ secret, mountPath: '/opt/secrets/db' }],
      secretEnv: [{ name: 'DB_PASSWORD', secret, key: 'password' }],
      taskManager: {
        labels: { team: 'data' },
        annotations: { 'example.com/owner': 'data' },
        nodeSelector: { pool: 'flink' },
        tolerations: [{ key: 'flink', operator: 'Exists', effect: 'NoSchedule' }],
        env: { REGION: 'eu' },
      },
    });
    const manifests = synth(c);
    const tm = taskManagers(manifests);
    const pod = tm.spec.template;
    expect(tm.metadata.labels).toStrictEqual({ team: 'data', type: 'flink-standalone-kubernetes', app: ID, component: 'taskmanager' });
    expect(pod.metadata.labels.team).toBe('data');
    expect(pod.metadata.annotations).toStrictEqual({ 'example.com/owner': 'data', 'cdk8s-flink.dev/config-hash': expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(pod.spec.nodeSelector).toStrictEqual({ pool: 'flink' });
    expect(pod.spec.tolerations).toStrictEqual([{ key: 'flink', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pod.spec.imagePullSecrets).toStrictEqual([{ name: 'registry' }]);
    const main = mainContainer(tm);
    expect(main.env).toStrictEqual([
      { name: 'REGION', value: 'eu' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ]);
    expect(main.volumeMounts).toContainEqual({ name: 'db-volume', mountPath: '/opt/secrets/db' });
    expect(pod.spec.volumes).toContainEqual({ name: 'db-volume', secret: { secretName: 'db' } });
  });

  test('two clusters in one namespace select only their own pods (§8.11: the documentation labels everything app: flink)', () => {
    const c = chart(NS);
    new FlinkSessionCluster(c, 'a', { version: FlinkVersion.V1_20, clusterId: 'a', mode: STANDALONE });
    new FlinkSessionCluster(c, 'b', { version: FlinkVersion.V1_20, clusterId: 'b', mode: STANDALONE });
    const manifests = synth(c);
    const podLabels = (name: string) => find(manifests, 'Deployment', name).spec.template.metadata.labels;
    const selects = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    for (const [own, other] of [['a', 'b'], ['b', 'a']]) {
      for (const service of [find(manifests, 'Service', own), find(manifests, 'Service', `${own}-rest`)]) {
        expect(selects(service.spec.selector, podLabels(own))).toBe(true);
        expect(selects(service.spec.selector, podLabels(other))).toBe(false);
        expect(selects(service.spec.selector, podLabels(`${other}-taskmanager`))).toBe(false);
      }
    }
  });

  test('switching modes keeps the names of the JobManager, its Services and the ConfigMap', () => {
    const names = (mode: DeploymentMode) => {
      const c = chart(NS);
      new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode });
      return synth(c).filter(m => m.kind !== 'Role' && m.kind !== 'RoleBinding').map(m => `${m.kind}/${m.metadata.name}`);
    };
    // native mode ships the TaskManagers' pod template to the JobManager; standalone renders it into their Deployment
    const native = names(DeploymentMode.NATIVE).filter(n => n !== `ConfigMap/pod-template-${ID}`);
    expect(names(STANDALONE)).toStrictEqual([...native.slice(0, 4), `Deployment/${ID}-taskmanager`, ...native.slice(4)]);
  });

  test('the construct exposes mode and the TaskManager workload', () => {
    const { cluster } = session(FlinkVersion.V1_20);
    expect(cluster.mode).toBe(STANDALONE);
    expect(cluster.taskManagerWorkload?.kind).toBe('Deployment');
    expect(cluster.taskManagerWorkload?.name).toBe(`${ID}-taskmanager`);
    expect(cluster.rbac).toBeUndefined();
    expect(cluster.jobManagerPolicyRules).toStrictEqual([]);
    expect(cluster.taskManagerPolicyRules).toStrictEqual([]);
  });
});

describe('standalone high availability (§4)', () => {
  test.each([
    ['1.16', FlinkVersion.V1_16, 'high-availability', ['get', 'list', 'watch', 'create', 'update', 'delete', 'deletecollection']],
    ['1.18', FlinkVersion.V1_18, 'high-availability.type', ['get', 'list', 'watch', 'create', 'update', 'delete', 'patch', 'deletecollection']],
    ['1.20', FlinkVersion.V1_20, 'high-availability.type', ['get', 'list', 'watch', 'create', 'update', 'delete', 'patch']],
    ['2.1', FlinkVersion.V2_1, 'high-availability.type', ['get', 'list', 'watch', 'create', 'update', 'delete', 'patch']],
    ['2.2', FlinkVersion.V2_2, 'high-availability.type', ['get', 'list', 'watch', 'create', 'update', 'delete', 'patch']],
  ])('Flink %s session: HA keys, the JobManagers\' pod IP as two tokens, standby JobManagers, ConfigMap-only Roles', (_n, version, haKey, verbs) => {
    const { manifests } = session(version, { highAvailability: K8S_HA, plugins: [FlinkPlugin.S3_PRESTO], jobManager: { replicas: 2 } });
    const config = shippedConfig(manifests, ID);
    // §4.1: the key of the version, the real namespace, the HA cluster id (default "/default" would be shared)
    expect(config[haKey]).toBe('kubernetes');
    expect(config['high-availability.storageDir']).toBe('s3://bucket/ha');
    expect(config['high-availability.cluster-id']).toBe(ID);
    expect(config['kubernetes.cluster-id']).toBe(ID);
    expect(config['kubernetes.namespace']).toBe(NS);
    // §4.3: `-D`, `jobmanager.rpc.address=…` as two tokens works with jobmanager.sh on 1.x and 2.x; one token would be the host
    expect(jmContainer(manifests).args).toStrictEqual(['jobmanager', '-D', 'jobmanager.rpc.address=$(_POD_IP_ADDRESS)']);
    expect(jmContainer(manifests).env).toContainEqual({ name: '_POD_IP_ADDRESS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } });
    expect(jobManager(manifests).spec.replicas).toBe(2);
    // §4.2: with standby JobManagers the address is the leader's, found through the HA ConfigMaps; the shared
    // jobmanager.rpc.address (and rest.address, which falls back to it) still names the internal Service, which
    // a standalone cluster always has (the operator's StandaloneKubernetesJobManagerParameters, §7)
    expect(config['jobmanager.rpc.address']).toBe(`${ID}.${NS}`);
    expect(find(manifests, 'Service', ID).spec.clusterIP).toBe('None');
    // §4.4: ConfigMaps only — read-write for the JobManagers, read-only for the TaskManagers, both accounts bound
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules).toStrictEqual([{ apiGroups: [''], resources: ['configmaps'], verbs }]);
    expect(find(manifests, 'Role', `${ID}-taskmanager`).rules).toStrictEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]);
    expect(find(manifests, 'RoleBinding', `${ID}-jobmanager`).subjects).toStrictEqual([{ kind: 'ServiceAccount', name: `${ID}-jobmanager`, namespace: NS }]);
    expect(find(manifests, 'RoleBinding', `${ID}-taskmanager`).subjects).toStrictEqual([{ kind: 'ServiceAccount', name: `${ID}-taskmanager`, namespace: NS }]);
    // §10.3: the documentation's HA TaskManagers have no service account; ours have theirs, with a token
    expect(taskManagers(manifests).spec.template.spec.serviceAccountName).toBe(`${ID}-taskmanager`);
    for (const workload of [jobManager(manifests), taskManagers(manifests)]) {
      expect(workload.spec.template.spec.automountServiceAccountToken).toBe(true);
    }
  });

  test.each([
    ['1.16', FlinkVersion.V1_16],
    ['1.18', FlinkVersion.V1_18],
    ['1.20', FlinkVersion.V1_20],
    ['2.0', FlinkVersion.V2_0],
    ['2.1', FlinkVersion.V2_1],
    ['2.2', FlinkVersion.V2_2],
  ])('Flink %s application: the pod IP as `-D jobmanager.rpc.address=…`, never --host, which 2.0 removed (FLINK-36355, §3.2)', (_n, version) => {
    const { manifests } = application(version, {
      highAvailability: K8S_HA,
      plugins: [FlinkPlugin.S3_PRESTO],
      jobManager: { replicas: 2 },
      job: { ...JOB, args: ['--input', 'in'], upgradeMode: UpgradeMode.LAST_STATE },
      flinkConfiguration: checkpointDirectory(version),
    });
    const args = jmContainer(manifests).args;
    expect(args).not.toContain('--host');
    expect(args).toStrictEqual(['standalone-job', '--job-classname', 'com.example.Job', '-D', 'jobmanager.rpc.address=$(_POD_IP_ADDRESS)', '--', '--input', 'in']);
  });

  test('ZooKeeper HA: no Kubernetes rights, no token; the HA JobManager port pinned to the RPC port (ClusterEntrypoint.getRPCPortRange)', () => {
    const { manifests, cluster } = session(FlinkVersion.V1_20, {
      highAvailability: HighAvailability.zookeeper({ storageDir: 's3://bucket/ha', quorum: 'zk:2181' }),
      plugins: [FlinkPlugin.S3_PRESTO],
      jobManager: { replicas: 2 },
    });
    expect(manifests.filter(m => m.kind === 'Role')).toStrictEqual([]);
    expect(cluster.rbac).toBeUndefined();
    expect(jobManager(manifests).spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(shippedConfig(manifests, ID)['high-availability.jobmanager.port']).toBe('6123');
    expect(jmContainer(manifests).args).toStrictEqual(['jobmanager', '-D', 'jobmanager.rpc.address=$(_POD_IP_ADDRESS)']);
  });
});

describe('standalone application cluster (§3)', () => {
  test('a Deployment runs `standalone-job`, kept after the job finishes (execution.shutdown-on-application-finish: false, §3.4)', () => {
    const { manifests } = application(FlinkVersion.V2_2, { job: { ...JOB, parallelism: 4 } });
    expect(jobManager(manifests).kind).toBe('Deployment');
    const config = shippedConfig(manifests, ID);
    expect(config['execution.shutdown-on-application-finish']).toBe('false');
    expect(config['parallelism.default']).toBe('4');
    // the standalone entrypoint reads the job from its command line only (ApplicationClusterEntryPoint.configureExecution)
    for (const key of ['pipeline.jars', '$internal.application.main', '$internal.application.program-args', 'execution.target', 'execution.attached']) {
      expect(config[key]).toBeUndefined();
    }
  });

  test('§3.2: options first, in standalone-job\'s tokens, then `--`, then the job\'s arguments', () => {
    const { manifests } = application(FlinkVersion.V1_20, {
      job: { ...JOB, args: ['--window', '10s'], savepoint: { path: 's3://bucket/sp/savepoint-1', allowNonRestoredState: true, restoreOnEveryStart: true } },
    });
    expect(jmContainer(manifests).args).toStrictEqual([
      'standalone-job', '--job-classname', 'com.example.Job',
      '--fromSavepoint', 's3://bucket/sp/savepoint-1', '--allowNonRestoredState',
      '--', '--window', '10s',
    ]);
    // the savepoint travels on the command line only: standalone-job overwrites the restore options (§3.2)
    expect(shippedConfig(manifests, ID)['execution.state-recovery.path']).toBeUndefined();
  });

  test('`--` keeps arguments Flink would take for its own options (commons-cli stopAtNonOption, long-option prefixes)', () => {
    // standalone-job's options (StandaloneApplicationClusterConfigurationParserFactory, CliFrontendParser), short and long
    const short = ['c', 'j', 'jid', 'D', 's', 'n', 'h', 'r', 'jars'];
    const long = ['configDir', 'job-classname', 'job-id', 'fromSavepoint', 'allowNonRestoredState', 'host', 'webui-port', 'jars'];
    // DefaultParser.handleToken with stopAtNonOption: a token is Flink's if it is a short option or a unique long-option prefix
    const flinkWouldTake = (arg: string) => (arg.startsWith('--')
      ? long.filter(o => o.startsWith(arg.substring(2).split('=')[0])).length === 1
      : arg.startsWith('-') && short.includes(arg.substring(1)));
    const args = ['--from', 's3://other', '-n', '-s', 'x', '--job'];
    // proof that the list would be misparsed without `--`: its first token is Flink's --fromSavepoint
    expect(args.filter(flinkWouldTake)).toStrictEqual(['--from', '-n', '-s']);
    const { manifests } = application(FlinkVersion.V2_2, { job: { ...JOB, args } });
    const container = jmContainer(manifests).args as string[];
    expect(container.slice(container.indexOf('--') + 1)).toStrictEqual(args);
    expect(container.slice(0, container.indexOf('--'))).toStrictEqual(['standalone-job', '--job-classname', 'com.example.Job']);
  });

  test('no `--` without job arguments', () => {
    expect(jmContainer(application(FlinkVersion.V2_2).manifests).args).toStrictEqual(['standalone-job', '--job-classname', 'com.example.Job']);
  });

  test('arguments are passed verbatim: Kubernetes would expand $(VAR), so every $ is doubled', () => {
    const { manifests } = application(FlinkVersion.V2_2, { job: { artifact: JOB.artifact, entryClass: 'com.example.Outer$Job', args: ['$(HOME)', 'a$$b'] } });
    expect(jmContainer(manifests).args).toStrictEqual(['standalone-job', '--job-classname', 'com.example.Outer$$Job', '--', '$$(HOME)', 'a$$$$b']);
  });

  test('1.19+: a remote jar is fetched by the JobManager with --jars, one jar, shipped to the TaskManagers by the blob server (FLINK-28915)', () => {
    const { manifests } = application(FlinkVersion.V1_19, { job: { artifact: JobArtifact.fromUrl('https://repo.example.com/job.jar'), args: ['x'] } });
    expect(jmContainer(manifests).args).toStrictEqual(['standalone-job', '--jars', 'https://repo.example.com/job.jar', '--', 'x']);
  });

  test('1.19+: a jar elsewhere in the image is the one --jars entry, used in place and shipped by the blob server (LocalArtifactFetcher)', () => {
    const { manifests } = application(FlinkVersion.V1_19, { job: { artifact: JobArtifact.fromImage('/opt/flink/examples/streaming/WordCount.jar') } });
    expect(jmContainer(manifests).args).toStrictEqual(['standalone-job', '--jars', 'local:///opt/flink/examples/streaming/WordCount.jar']);
  });

  test('Kerberos options are the user\'s to mount in standalone mode: no KerberosMountDecorator objects are expected', () => {
    expect(() => session(FlinkVersion.V1_16, {
      flinkConfiguration: { 'security.kerberos.login.keytab': '/opt/secrets/krb/flink.keytab', 'security.kerberos.login.principal': 'flink@EXAMPLE.COM' },
    })).not.toThrow();
  });

  test('a job on the system classpath (/opt/flink/lib) runs without usrlib in every version (§3.3)', () => {
    const { manifests } = application(FlinkVersion.V1_16, { job: { artifact: JobArtifact.systemClasspath(), entryClass: 'com.example.Job' } });
    expect(jmContainer(manifests).args).toStrictEqual(['standalone-job', '--job-classname', 'com.example.Job']);
    expect(jmContainer(manifests).volumeMounts.map((m: any) => m.mountPath)).not.toContain('/opt/flink/usrlib');
  });
});

describe('reactive mode and autoscaling (§5.1)', () => {
  test('job.reactiveMode is scheduler-mode: reactive; the autoscaler scales the TaskManager Deployment, which leaves its replicas to it', () => {
    const { manifests, cluster } = application(FlinkVersion.V1_20, {
      flinkConfiguration: CHECKPOINTING,
      job: { ...JOB, reactiveMode: true },
      taskManager: { autoscaling: { minReplicas: 2, maxReplicas: 10, targetCpuUtilization: 35 } },
    });
    expect(shippedConfig(manifests, ID)['scheduler-mode']).toBe('reactive');
    expect(taskManagers(manifests).spec.replicas).toBeUndefined();
    expect(find(manifests, 'HorizontalPodAutoscaler', `${ID}-taskmanager`).spec).toStrictEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `${ID}-taskmanager` },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 35 } } }],
    });
    expect(cluster.taskManagerAutoscaler?.name).toBe(`${ID}-taskmanager`);
  });

  test('defaults: at least 1 TaskManager, 80 % CPU (Kubernetes\' default target)', () => {
    const { manifests } = application(FlinkVersion.V2_2, {
      flinkConfiguration: CHECKPOINTING,
      job: { ...JOB, reactiveMode: true },
      taskManager: { autoscaling: { maxReplicas: 4 } },
    });
    const spec = find(manifests, 'HorizontalPodAutoscaler', `${ID}-taskmanager`).spec;
    expect([spec.minReplicas, spec.maxReplicas, spec.metrics[0].resource.target.averageUtilization]).toStrictEqual([1, 4, 80]);
  });

  test('scheduler-mode from flinkConfiguration is the same as job.reactiveMode, in any case (ConfigurationUtils.convertToEnum)', () => {
    const typed = application(FlinkVersion.V2_2, {
      flinkConfiguration: CHECKPOINTING,
      job: { ...JOB, reactiveMode: true },
      taskManager: { autoscaling: { maxReplicas: 4 } },
    }).manifests;
    const raw = application(FlinkVersion.V2_2, { flinkConfiguration: { ...CHECKPOINTING, 'scheduler-mode': 'reactive' }, taskManager: { autoscaling: { maxReplicas: 4 } } }).manifests;
    expect(raw).toStrictEqual(typed);
    expect(() => application(FlinkVersion.V2_2, {
      flinkConfiguration: { ...CHECKPOINTING, 'scheduler-mode': 'REACTIVE' },
      taskManager: { autoscaling: { maxReplicas: 4 } },
    })).not.toThrow();
  });
});

describe('local recovery (§5.3)', () => {
  test.each([
    ['1.16', FlinkVersion.V1_16, 'state.backend.local-recovery'],
    ['1.18', FlinkVersion.V1_18, 'state.backend.local-recovery'],
    ['1.20', FlinkVersion.V1_20, 'execution.state-recovery.from-local'],
    ['2.1', FlinkVersion.V2_1, 'execution.state-recovery.from-local'],
    ['2.2', FlinkVersion.V2_2, 'execution.state-recovery.from-local'],
  ])('Flink %s: a StatefulSet with a volume per TaskManager as its working directory, a stable resource id, %s', (_n, version, key) => {
    const { manifests, cluster } = session(version, { taskManager: { replicas: 2, localRecovery: { storage: Size.gibibytes(50), storageClassName: 'fast' } } });
    const sts = taskManagers(manifests, 'StatefulSet');
    expect(sts.spec.replicas).toBe(2);
    expect(sts.spec.serviceName).toBe(`${ID}-taskmanager`);
    expect(sts.spec.volumeClaimTemplates).toStrictEqual([{
      metadata: { name: 'working-dir' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '50Gi' } } },
    }]);
    const c = tmContainer(manifests, 'StatefulSet');
    // the documentation's example, with two tokens; the pod name is stable in a StatefulSet
    expect(c.args).toStrictEqual(['taskmanager', '-D', 'taskmanager.resource-id=$(POD_NAME)']);
    expect(c.env).toContainEqual({ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } });
    expect(c.volumeMounts).toContainEqual({ name: 'working-dir', mountPath: '/opt/flink/working-dir' });
    const config = shippedConfig(manifests, ID);
    expect(config[key]).toBe('true');
    expect(config['process.taskmanager.working-dir']).toBe('/opt/flink/working-dir');
    // §10.7: the documentation's ConfigMap for this example lacks the memory sizes and the log file
    expect(config['taskmanager.memory.process.size']).toBe('1728m');
    expect(Object.keys(find(manifests, 'ConfigMap', `flink-config-${ID}`).data)).toContain('log4j-console.properties');
    // the volume is writable by the flink user through fsGroup, re-owned only when its root is not yet
    expect(sts.spec.template.spec.securityContext.fsGroup).toBe(9999);
    expect(sts.spec.template.spec.securityContext.fsGroupChangePolicy).toBe('OnRootMismatch');
    expect(find(manifests, 'Service', `${ID}-taskmanager`).spec).toStrictEqual({
      clusterIP: 'None',
      selector: { type: 'flink-standalone-kubernetes', app: ID, component: 'taskmanager' },
      ports: [{ name: 'taskmanager-rpc', port: 6122 }],
    });
    expect(cluster.taskManagerService?.name).toBe(`${ID}-taskmanager`);
  });

  test('a size that is not whole GiB is written in Mi; the autoscaler targets the StatefulSet', () => {
    const { manifests } = application(FlinkVersion.V2_2, {
      flinkConfiguration: CHECKPOINTING,
      job: { ...JOB, reactiveMode: true },
      taskManager: { autoscaling: { maxReplicas: 3 }, localRecovery: { storage: Size.mebibytes(1536) } },
    });
    expect(taskManagers(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('1536Mi');
    expect(find(manifests, 'HorizontalPodAutoscaler', `${ID}-taskmanager`).spec.scaleTargetRef.kind).toBe('StatefulSet');
  });
});

describe('pod templates in standalone mode: Flink\'s rules, applied by us at synth', () => {
  test('the TaskManager template becomes the workload\'s pod: sidecars first, fields Flink does not own kept, Flink\'s entries after the user\'s', () => {
    const c = chart(NS);
    const template = new PodTemplate(c, 'tpl', {
      labels: { team: 'data' },
      priorityClassName: 'high',
      volumes: [{ name: 'cache', emptyDir: {} }],
      sidecars: [{ name: 'log-shipper', image: 'fluent-bit:3' }],
      mainContainer: { volumeMounts: [{ name: 'cache', mountPath: '/cache' }], livenessProbe: { tcpSocket: { port: kplus.k8s.IntOrString.fromNumber(6122) }, periodSeconds: 10 } },
    });
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode: STANDALONE, taskManager: { podTemplate: template } });
    const manifests = synth(c);
    const pod = taskManagers(manifests).spec.template;
    expect(pod.spec.containers.map((x: any) => x.name)).toStrictEqual(['log-shipper', 'flink-main-container']);
    expect(pod.spec.priorityClassName).toBe('high');
    expect(pod.metadata.labels).toStrictEqual({ team: 'data', type: 'flink-standalone-kubernetes', app: ID, component: 'taskmanager' });
    expect(pod.spec.volumes.map((v: any) => v.name)).toStrictEqual(['cache', 'flink-config-volume']);
    const main = mainContainer(taskManagers(manifests));
    expect(main.volumeMounts.map((m: any) => m.mountPath)).toStrictEqual(['/cache', '/opt/flink/conf']);
    // the template's probe replaces the documentation's
    expect(main.livenessProbe).toStrictEqual({ tcpSocket: { port: 6122 }, periodSeconds: 10 });
    // the JobManager is untouched by a TaskManager template
    expect(jobManager(manifests).spec.template.spec.priorityClassName).toBeUndefined();
    expect(manifests.filter(m => m.metadata.name === `pod-template-${ID}`)).toStrictEqual([]);
  });

  test('an image in the TaskManagers\' template wins unless the cluster\'s image is set (resolveUserDefinedValue)', () => {
    const c = chart(NS);
    const template = new PodTemplate(c, 'tpl', { mainContainer: { image: 'registry.example.com/flink-tm:1.20.4' } });
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode: STANDALONE, taskManager: { podTemplate: template } });
    const manifests = synth(c);
    expect(tmContainer(manifests).image).toBe('registry.example.com/flink-tm:1.20.4');
    expect(jmContainer(manifests).image).toBe(FlinkVersion.V1_20.defaultImage);
  });

  test('fails on a template volume named like one the decorators add, with the same rule as native mode', () => {
    const c = chart(NS);
    const template = new PodTemplate(c, 'tpl', { volumes: [{ name: 'flink-config-volume', emptyDir: {} }] });
    expect(() => new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode: STANDALONE, taskManager: { podTemplate: template } }))
      .toThrow("PodTemplate 'test/tpl': 'spec.volumes' has an entry with name 'flink-config-volume', which Flink adds for taskManager too. Merged with Flink (pod-template rules)");
  });

  test('fails on a template env var that local recovery sets (POD_NAME)', () => {
    const c = chart(NS);
    const template = new PodTemplate(c, 'tpl', { mainContainer: { env: [{ name: 'POD_NAME', value: 'x' }] } });
    expect(() => new FlinkSessionCluster(c, 'session', {
      version: FlinkVersion.V1_20,
      clusterId: ID,
      mode: STANDALONE,
      taskManager: { podTemplate: template, localRecovery: { storage: Size.gibibytes(1) } },
    })).toThrow("'spec.containers[flink-main-container].env' has an entry with name 'POD_NAME', which Flink adds for taskManager too");
  });
});

describe('standalone errors: each names the prop, the value and the fix', () => {
  const fails = (f: () => unknown, message: string) => expect(f).toThrow(message);

  test('fails on reactive mode in a session cluster (ClusterEntrypoint: "Reactive mode is configured for an unsupported cluster type")', () => {
    fails(() => session(FlinkVersion.V1_20, { flinkConfiguration: { 'scheduler-mode': 'reactive' } }),
      'flinkConfiguration[\'scheduler-mode\'] is \'reactive\': Flink runs reactive mode in standalone application clusters only');
  });

  test('fails on reactive mode in native mode', () => {
    fails(() => application(FlinkVersion.V1_20, {
      mode: DeploymentMode.NATIVE,
      flinkConfiguration: CHECKPOINTING,
      job: { ...JOB, reactiveMode: true },
    }),
    'job.reactiveMode is \'reactive\': Flink runs reactive mode in standalone application clusters only ("Reactive mode is configured for an unsupported cluster type.');
  });

  test('fails on autoscaling without reactive mode', () => {
    fails(() => application(FlinkVersion.V1_20, { taskManager: { autoscaling: { maxReplicas: 4 } } }),
      '\'taskManager.autoscaling\' needs reactive mode');
  });

  test('fails on autoscaling in a session cluster', () => {
    fails(() => session(FlinkVersion.V1_20, { taskManager: { autoscaling: { maxReplicas: 4 } } }),
      '\'taskManager.autoscaling\' needs a job in reactive mode, which Flink runs in standalone application clusters only');
  });

  test('fails on autoscaling bounds that contradict each other, and on replicas next to autoscaling', () => {
    const reactive = {
      flinkConfiguration: CHECKPOINTING,
      job: { ...JOB, reactiveMode: true },
    };
    fails(() => application(FlinkVersion.V1_20, { ...reactive, taskManager: { autoscaling: { minReplicas: 5, maxReplicas: 2 } } }),
      '\'taskManager.autoscaling.maxReplicas\' (2) is below \'taskManager.autoscaling.minReplicas\' (5)');
    fails(() => application(FlinkVersion.V1_20, { ...reactive, taskManager: { autoscaling: { minReplicas: 0, maxReplicas: 2 } } }),
      '\'taskManager.autoscaling.minReplicas\' is 0: expected a whole number of at least 1');
    fails(() => application(FlinkVersion.V1_20, { ...reactive, taskManager: { autoscaling: { maxReplicas: 2, targetCpuUtilization: 0.5 } } }),
      '\'taskManager.autoscaling.targetCpuUtilization\' is 0.5');
    fails(() => application(FlinkVersion.V1_20, { ...reactive, taskManager: { replicas: 2, autoscaling: { maxReplicas: 4 } } }),
      '\'taskManager.replicas\' (2) and \'taskManager.autoscaling\' both set the number of TaskManagers');
  });

  test('fails on job.parallelism in reactive mode, which ignores it (elastic scaling documentation)', () => {
    fails(() => application(FlinkVersion.V1_20, { flinkConfiguration: CHECKPOINTING, job: { ...JOB, reactiveMode: true, parallelism: 4 } }),
      '\'job.parallelism\' is 4, but reactive mode ignores the configured parallelism');
  });

  test('fails on reactive mode without checkpointing or a restart strategy, which would fail the job at the first rescale', () => {
    fails(() => application(FlinkVersion.V1_20, { job: { ...JOB, reactiveMode: true } }),
      'job.reactiveMode is \'reactive\': reactive mode rescales by restarting the job, and "if no restarting strategy is configured, reactive mode will fail your job, instead of scaling it"');
    // a restart strategy of the version's key is enough: restart-strategy in 1.16
    expect(() => application(FlinkVersion.V1_16, { flinkConfiguration: { 'restart-strategy': 'fixed-delay' }, job: { ...JOB, reactiveMode: true } })).not.toThrow();
    expect(() => application(FlinkVersion.V2_2, { flinkConfiguration: { 'restart-strategy.type': 'exponential-delay' }, job: { ...JOB, reactiveMode: true } })).not.toThrow();
  });

  test('fails on an autoscaler over TaskManager pods with a sidecar without CPU request (HPA: utilization undefined)', () => {
    const c = chart(NS);
    const template = new PodTemplate(c, 'tpl', { sidecars: [{ name: 'log-shipper', image: 'fluent-bit:3' }] });
    expect(() => new FlinkApplicationCluster(c, 'app', {
      version: FlinkVersion.V1_20,
      clusterId: ID,
      mode: STANDALONE,
      flinkConfiguration: CHECKPOINTING,
      job: { ...JOB, reactiveMode: true },
      taskManager: { podTemplate: template, autoscaling: { maxReplicas: 3 } },
    })).toThrow('\'taskManager.autoscaling\' measures the TaskManager pods\' CPU against their requests, but the sidecar \'log-shipper\' of the TaskManager pod template has no CPU request');
  });

  test('fails on a ZooKeeper HA JobManager port other than jobmanager.rpc.port (ClusterEntrypoint.getRPCPortRange binds RPC to it)', () => {
    fails(() => session(FlinkVersion.V1_20, {
      highAvailability: HighAvailability.zookeeper({ storageDir: 's3://b/ha', quorum: 'zk:2181' }),
      plugins: S3,
      flinkConfiguration: { 'high-availability.jobmanager.port': '6200' },
    }), 'flinkConfiguration[\'high-availability.jobmanager.port\'] is \'6200\': with ZooKeeper high availability the JobManager listens for RPC on this port');
  });

  test('fails on local recovery with a cluster id whose StatefulSet pods Kubernetes cannot create (kubernetes/kubernetes#64023)', () => {
    const c = chart(NS);
    expect(() => new FlinkSessionCluster(c, 'session', {
      version: FlinkVersion.V1_20, clusterId: 'a'.repeat(41), mode: STANDALONE, taskManager: { localRecovery: { storage: Size.gibibytes(1) } },
    })).toThrow(`'taskManager.localRecovery' makes the TaskManagers a StatefulSet '${'a'.repeat(41)}-taskmanager' (53 characters)`);
  });

  test.each([
    ['1.18', FlinkVersion.V1_18, 'taskmanager.state.local.root-dirs', '/tmp/local'],
    ['1.20', FlinkVersion.V1_20, 'execution.checkpointing.local-backup.dirs', '/tmp/local'],
    ['1.20', FlinkVersion.V1_20, 'execution.state-recovery.from-local', 'false'],
    ['2.2', FlinkVersion.V2_2, 'execution.checkpointing.local-backup.enabled', 'false'],
  ])('fails on local recovery with Flink %s and %s, which would move local state off the volume or turn it off', (_n, version, key, value) => {
    fails(() => session(version, { taskManager: { localRecovery: { storage: Size.gibibytes(1) } }, flinkConfiguration: { [key]: value } }),
      `flinkConfiguration['${key}'] is '${value}': with 'taskManager.localRecovery' the TaskManagers keep their local state in their working directory`);
  });

  test('fails on a pod template that turns the token off under Kubernetes HA', () => {
    const c = chart(NS);
    const template = templateFile(c, { automountServiceAccountToken: false });
    expect(() => new FlinkSessionCluster(c, 'session', {
      version: FlinkVersion.V1_20, clusterId: ID, mode: STANDALONE, highAvailability: K8S_HA, plugins: S3, taskManager: { podTemplate: template },
    })).toThrow('sets spec.automountServiceAccountToken: false, but with Kubernetes high availability the TaskManagers call');
  });

  test('fails on a job argument starting with -D, which standalone-job.sh reads as a Flink option even after --', () => {
    fails(() => application(FlinkVersion.V1_20, { job: { ...JOB, args: ['--input', 'x', '-D'] } }),
      '\'job.args[2]\' is "-D": standalone-job.sh reads every -D argument as a Flink option');
  });

  test('fails on a job on the system classpath without an entry class', () => {
    fails(() => application(FlinkVersion.V1_20, { job: { artifact: JobArtifact.systemClasspath() } }),
      '\'job.artifact\' is JobArtifact.systemClasspath() without \'job.entryClass\'');
  });

  test('pod-template errors give standalone advice in standalone mode', () => {
    const c = chart(NS);
    const template = templateFile(c, { restartPolicy: 'Never' });
    expect(() => new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode: STANDALONE, taskManager: { podTemplate: template } }))
      .toThrow('in standalone mode the library renders the TaskManagers as a Deployment or StatefulSet, whose pods accept only `Always`; remove it');
  });

  test('fails on standby JobManagers without high availability', () => {
    fails(() => session(FlinkVersion.V1_20, { jobManager: { replicas: 2 } }),
      'jobManager.replicas is \'2\': standby JobManagers need high availability');
  });

  test('fails on taskManager.replicas in native mode, naming standalone mode', () => {
    fails(() => session(FlinkVersion.V1_20, { mode: DeploymentMode.NATIVE, taskManager: { replicas: 2 } }),
      '\'taskManager.replicas\' cannot take effect in native mode: in native mode the JobManager decides how many TaskManagers run (it requests them for the slots its jobs need); use mode: DeploymentMode.STANDALONE');
  });

  test('fails on local recovery and autoscaling in native mode', () => {
    fails(() => session(FlinkVersion.V1_20, { mode: DeploymentMode.NATIVE, taskManager: { localRecovery: { storage: Size.gibibytes(1) } } }),
      '\'taskManager.localRecovery\' cannot take effect in native mode');
    fails(() => application(FlinkVersion.V1_20, { mode: DeploymentMode.NATIVE, taskManager: { autoscaling: { maxReplicas: 2 } } }),
      '\'taskManager.autoscaling\' cannot take effect in native mode');
  });

  test.each([0, -1, 1.5])('fails on taskManager.replicas %s', replicas => {
    fails(() => session(FlinkVersion.V1_20, { taskManager: { replicas } }), `'taskManager.replicas' is ${replicas}: expected a whole number of at least 1`);
  });

  test.each([
    ['blob.server.port', '0'],
    ['taskmanager.rpc.port', '0'],
    ['taskmanager.data.port', '0'],
    ['rest.port', '8081-8090'],
    ['jobmanager.rpc.port', '6123,6124'],
    ['blob.server.port', '50100-50200'],
  ])('fails on %s %s: 0 or a range is a random port no Service can forward (§8.4)', (key, value) => {
    fails(() => session(FlinkVersion.V1_20, { flinkConfiguration: { [key]: value } }),
      `flinkConfiguration['${key}'] is '${value}': a standalone cluster needs one fixed port from 1 to 65535`);
  });

  test('fails on a remote jar before 1.19, which has no --jars (it would become a job argument)', () => {
    fails(() => application(FlinkVersion.V1_18, { job: { artifact: JobArtifact.fromUrl('s3://bucket/job.jar') } }),
      '\'job.artifact\' is \'s3://bucket/job.jar\': the standalone entrypoint of Flink 1.18 has no \'--jars\'');
  });

  test('fails on a jar in the image outside usrlib before 1.19, which has no --jars', () => {
    fails(() => application(FlinkVersion.V1_18, { job: { artifact: JobArtifact.fromImage('/opt/flink/examples/streaming/WordCount.jar') } }),
      '\'job.artifact\' is \'local:///opt/flink/examples/streaming/WordCount.jar\': the standalone entrypoint of Flink 1.18 has no \'--jars\' (StandaloneApplicationClusterConfigurationParserFactory, FLINK-28915 in 1.19) and looks for the job\'s jar in /opt/flink/usrlib');
  });

  test('fails on additional artifacts, which standalone-job would not ship to TaskManagers', () => {
    fails(() => application(FlinkVersion.V1_20, { job: { artifact: JobArtifact.fromUrl('https://r/job.jar'), additionalArtifacts: [JobArtifact.fromUrl('https://r/lib.jar')] } }),
      '\'job.additionalArtifacts\' cannot take effect in standalone mode');
  });

  test('fails on a claim mode other than NO_CLAIM, which standalone-job cannot choose', () => {
    fails(() => application(FlinkVersion.V1_20, { job: { ...JOB, savepoint: { path: 's3://b/sp', claimMode: RecoveryClaimMode.CLAIM } } }),
      '\'job.savepoint.claimMode\' is CLAIM, but the standalone entrypoint always restores in NO_CLAIM mode');
  });

  test('fails on job.shutdownOnFinish: a Deployment would restart the JobManager and run the job again', () => {
    fails(() => application(FlinkVersion.V1_20, { job: { ...JOB, shutdownOnFinish: true } }),
      '\'job.shutdownOnFinish\' is true, but a standalone JobManager is a Deployment');
  });

  test('fails on a savepoint in flinkConfiguration next to job.savepoint, which --fromSavepoint overwrites', () => {
    fails(() => application(FlinkVersion.V1_20, { job: { ...JOB, savepoint: { path: 's3://b/sp' } }, flinkConfiguration: { 'execution.state-recovery.path': 's3://b/other' } }),
      'flinkConfiguration[\'execution.state-recovery.path\'] is \'s3://b/other\': standalone-job\'s --fromSavepoint');
  });

  test.each([
    ['hostNetwork', { hostNetwork: true }, '\'hostNetwork\' cannot take effect in standalone mode'],
    ['ownerReferencesPermissionEnforcement', { ownerReferencesPermissionEnforcement: true }, '\'ownerReferencesPermissionEnforcement\' cannot take effect in standalone mode'],
    ['jobManager.entrypointArgs', { jobManager: { entrypointArgs: '-Dx=y' } }, 'jobManager.entrypointArgs is \'-Dx=y\': cannot take effect in standalone mode'],
    ['taskManager.entrypointArgs', { taskManager: { entrypointArgs: '-Dx=y' } }, 'taskManager.entrypointArgs is \'-Dx=y\': cannot take effect in standalone mode'],
    ['taskManager.idleTimeout', { taskManager: { idleTimeout: Duration.minutes(5) } }, 'taskManager.idleTimeout is \'300000\': cannot take effect in standalone mode: only an active resource manager releases idle TaskManagers'],
    ['kubernetesClient', { kubernetesClient: { maxConcurrentRequests: 10 } }, '\'kubernetesClient.maxConcurrentRequests\' is 10, but a standalone JobManager calls the Kubernetes API only for Kubernetes high availability'],
  ])('fails on %s, which cannot take effect in standalone mode', (_n, props, message) => {
    fails(() => session(FlinkVersion.V1_20, props as Partial<FlinkSessionClusterProps>), message);
  });

  test.each([
    ['execution.target', 'remote'],
    ['taskmanager.host', '10.0.0.1'],
    ['taskmanager.resource-id', 'tm-1'],
    ['kubernetes.node-name-label', 'zone'],
    ['external-resource.gpu.kubernetes.config-key', 'nvidia.com/gpu'],
    ['kubernetes.hostnetwork.enabled', 'true'],
  ])('fails on the option %s, which cannot take effect in a standalone session cluster', (key, value) => {
    fails(() => session(FlinkVersion.V1_20, { flinkConfiguration: { [key]: value } }), `flinkConfiguration['${key}'] is '${value}': cannot take effect`);
  });

  test.each([
    ['pipeline.jars', 'local:///opt/flink/usrlib/job.jar', 'job.artifact'],
    ['$internal.application.main', 'com.example.Job', 'job.entryClass'],
    ['$internal.application.program-args', 'a;b', 'job.args'],
    ['execution.state-recovery.ignore-unclaimed-state', 'true', 'job.savepoint.allowNonRestoredState'],
    ['user.artifacts.artifact-list', 'https://r/lib.jar', 'job.additionalArtifacts'],
  ])('fails on %s in a standalone application cluster, which standalone-job ignores or overwrites, naming %s', (key, value, instead) => {
    fails(() => application(FlinkVersion.V1_20, { flinkConfiguration: { [key]: value } }), instead);
  });

  test('fails on taskmanager.resource-id in native mode too: Flink sets it per pod', () => {
    fails(() => session(FlinkVersion.V1_20, { mode: DeploymentMode.NATIVE, flinkConfiguration: { 'taskmanager.resource-id': 'x' } }),
      'flinkConfiguration[\'taskmanager.resource-id\'] is \'x\': cannot take effect: each TaskManager needs its own');
  });

  test('fails on local recovery without a writable volume (runAsNonRoot: false and no fsGroup)', () => {
    fails(() => session(FlinkVersion.V1_20, { runAsNonRoot: false, taskManager: { localRecovery: { storage: Size.gibibytes(1) } } }),
      '\'taskManager.localRecovery\' mounts a new volume owned by root');
    // with the Prometheus reporter too, whose port is layered under the templates like the non-root defaults
    fails(() => session(FlinkVersion.V1_20, { runAsNonRoot: false, prometheus: {}, taskManager: { localRecovery: { storage: Size.gibibytes(1) } } }),
      '\'taskManager.localRecovery\' mounts a new volume owned by root');
  });

  test('fails on a local-recovery size that is not a whole number of MiB', () => {
    fails(() => session(FlinkVersion.V1_20, { taskManager: { localRecovery: { storage: Size.kibibytes(1) } } }),
      '\'taskManager.localRecovery.storage\' is 0.0009765625 MiB: expected a positive whole number of mebibytes');
  });

  test('fails on a local-recovery option also set by hand', () => {
    fails(() => session(FlinkVersion.V1_20, { taskManager: { localRecovery: { storage: Size.gibibytes(1) } }, flinkConfiguration: { 'process.taskmanager.working-dir': '/tmp' } }),
      'taskManager.localRecovery sets the Flink option \'process.taskmanager.working-dir\', which flinkConfiguration[\'process.taskmanager.working-dir\'] already sets');
  });

  test('fails on a mode that is not a DeploymentMode (plain JavaScript)', () => {
    fails(() => session(FlinkVersion.V1_20, { mode: 'standalon' as DeploymentMode }), '\'mode\' is "standalon": expected DeploymentMode.NATIVE or DeploymentMode.STANDALONE');
  });
});

describe('snapshots', () => {
  test('standalone session cluster, Flink 1.20, defaults', () => {
    expect(session(FlinkVersion.V1_20).manifests).toMatchSnapshot();
  });

  test('standalone HA reactive application with local recovery and autoscaling, Flink 2.2', () => {
    expect(application(FlinkVersion.V2_2, {
      highAvailability: K8S_HA,
      plugins: S3,
      jobManager: { replicas: 2 },
      job: { ...JOB, args: ['--input', 's3://bucket/in'], reactiveMode: true, upgradeMode: UpgradeMode.LAST_STATE },
      flinkConfiguration: { ...CHECKPOINTING, ...checkpointDirectory(FlinkVersion.V2_2) },
      taskManager: { autoscaling: { maxReplicas: 6 }, localRecovery: { storage: Size.gibibytes(20) } },
    }).manifests).toMatchSnapshot();
  });
});
