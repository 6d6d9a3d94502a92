import { Size } from 'cdk8s';
import { chart, checkpointDirectory, find, mainContainer, shippedConfig, synth } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkApplicationClusterProps, FlinkJobOptions, FlinkPlugin, FlinkSessionCluster, FlinkVersion,
  HighAvailability, JobArtifact, PodTemplate, RecoveryClaimMode, UpgradeMode,
} from '../src';
import { flinkDerivedJobId, isJobLevelOption } from '../src/private/lifecycle';

// Job upgrades and suspend under GitOps, checked against ../shared/reference/job-lifecycle.md ("§" below).

const ID = 'my-app';
const NS = 'flink';
const JAR = JobArtifact.fromImage('/opt/flink/usrlib/my-flink-job.jar');
const K8S_HA = HighAvailability.kubernetes({ storageDir: 's3://flink/ha' });
/** The S3 file system the storage and savepoint URIs below need (checkStatePaths). */
const S3 = [FlinkPlugin.S3_PRESTO];
const ZK_HA = HighAvailability.zookeeper({ storageDir: 's3://flink/ha', quorum: 'zk:2181' });
const JOB: FlinkJobOptions = { artifact: JAR, entryClass: 'com.example.Job', args: ['--window', '5m'], parallelism: 2, upgradeMode: UpgradeMode.LAST_STATE };

function application(props: Partial<FlinkApplicationClusterProps> = {}, job: Partial<FlinkJobOptions> = {}) {
  const c = chart(NS);
  // the checkpoint directory SAVEPOINT and LAST_STATE need, in the key of the version
  const flinkConfiguration = { ...checkpointDirectory(props.version ?? FlinkVersion.V1_20), ...props.flinkConfiguration };
  const cluster = new FlinkApplicationCluster(c, 'app', {
    version: FlinkVersion.V1_20, clusterId: ID, highAvailability: K8S_HA, plugins: S3, ...props, flinkConfiguration, job: { ...JOB, ...job },
  });
  return { cluster, manifests: synth(c) };
}

const jobManager = (manifests: any[]) => find(manifests, 'Deployment', ID);
const initContainers = (manifests: any[]) => jobManager(manifests).spec.template.spec.initContainers ?? [];
const upgradeContainer = (manifests: any[]) => initContainers(manifests).find((c: any) => c.name === 'flink-job-upgrade');

describe('what each kind of Git change does to the synthesized objects (§10.1)', () => {
  /** The job hash, the JobManager's pod template and the shipped files of a cluster. */
  function fingerprint(props: Partial<FlinkApplicationClusterProps>, job: Partial<FlinkJobOptions>) {
    const { cluster, manifests } = application(props, job);
    return {
      jobHash: cluster.jobHash,
      jobManagerTemplate: JSON.stringify(jobManager(manifests).spec.template),
      configMap: JSON.stringify(find(manifests, 'ConfigMap', `flink-config-${ID}`).data),
      restService: JSON.stringify(find(manifests, 'Service', `${ID}-rest`)),
    };
  }

  // [change, props, job, job hash changes, JobManager pod template changes (the configuration hash rolls it on any
  // option the processes read; only the job hash tells the upgrade init container that the job changed)]
  const CHANGES: Array<[string, Partial<FlinkApplicationClusterProps>, Partial<FlinkJobOptions>, boolean, boolean]> = [
    ['a new image', { image: 'registry.example.com/job:2' }, {}, true, true],
    ['another Flink version', { version: FlinkVersion.V1_19 }, {}, true, true],
    ['job arguments', {}, { args: ['--window', '10m'] }, true, true],
    ['the entry class', {}, { entryClass: 'com.example.Job2' }, true, true],
    ['the parallelism', {}, { parallelism: 4 }, true, true],
    ['the jar', {}, { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job-2.jar') }, true, true],
    ['a job option (checkpoint interval)', { flinkConfiguration: { 'execution.checkpointing.interval': '30 s' } }, {}, true, true],
    ['an option no table knows (a main() may read it)', { flinkConfiguration: { 'my.job.threshold': '7' } }, {}, true, true],
    ['a savepoint path', {}, { savepoint: { path: 's3://flink/savepoints/sp-1' } }, true, true],
    ['the upgrade mode', {}, { upgradeMode: UpgradeMode.STATELESS }, true, true],
    ['task slots (cluster-level)', { taskManager: { taskSlots: 4 } }, {}, false, true],
    ['TaskManager memory', { taskManager: { memory: Size.gibibytes(4) } }, {}, false, true],
    ['a metric reporter', { flinkConfiguration: { 'metrics.reporter.prom.factory.class': 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory' } }, {}, false, true],
    ['a REST Service annotation (only the client reads it)', { restService: { annotations: { team: 'data' } } }, {}, false, false],
    ['shutdownOnFinish', {}, { shutdownOnFinish: true }, false, true],
    ['JobManager memory (rolls it, with normal HA recovery)', { jobManager: { memory: Size.mebibytes(2048) } }, {}, false, true],
    ['suspended (replicas only)', { suspended: true }, {}, false, false],
  ];
  const base = fingerprint({}, {});

  test.each(CHANGES)('%s', (_name, props, job, jobChanges, templateChanges) => {
    const changed = fingerprint(props, job);
    expect([changed.jobHash !== base.jobHash, changed.jobManagerTemplate !== base.jobManagerTemplate]).toStrictEqual([jobChanges, templateChanges]);
  });

  test('a REST Service annotation changes the Service and the ConfigMap, nothing that restarts Flink', () => {
    const changed = fingerprint({ restService: { annotations: { team: 'data' } } }, {});
    expect([changed.restService !== base.restService, changed.configMap !== base.configMap]).toStrictEqual([true, true]);
  });

  test('native mode: job arguments live in the ConfigMap only, so the configuration hash on the pod template is what rolls the JobManager', () => {
    const changed = application({ highAvailability: undefined }, { args: ['--window', '10m'], upgradeMode: undefined });
    const unchanged = application({ highAvailability: undefined }, { upgradeMode: undefined });
    const annotations = (m: any[]) => jobManager(m).spec.template.metadata.annotations;
    const strip = (m: any[]) => {
      const t = JSON.parse(JSON.stringify(jobManager(m).spec.template));
      delete t.metadata.annotations['cdk8s-flink.dev/job-hash'];
      delete t.metadata.annotations['cdk8s-flink.dev/config-hash'];
      return t;
    };
    expect(strip(changed.manifests)).toStrictEqual(strip(unchanged.manifests));
    expect(annotations(changed.manifests)['cdk8s-flink.dev/config-hash']).not.toBe(annotations(unchanged.manifests)['cdk8s-flink.dev/config-hash']);
    expect(annotations(changed.manifests)['cdk8s-flink.dev/job-hash']).toBe(changed.cluster.jobHash);
    expect(changed.cluster.jobHash).not.toBe(unchanged.cluster.jobHash);
  });

  test('the same props give the same hash, job id and script (deterministic)', () => {
    const [a, b] = [application({}, { upgradeMode: UpgradeMode.SAVEPOINT }), application({}, { upgradeMode: UpgradeMode.SAVEPOINT })];
    expect([a.cluster.jobHash, a.cluster.jobId]).toStrictEqual([b.cluster.jobHash, b.cluster.jobId]);
    expect(a.manifests).toStrictEqual(b.manifests);
  });

  test.each([
    ['pipeline.jars', true], ['$internal.application.program-args', true], ['parallelism.default', true], ['state.backend.type', true],
    ['execution.checkpointing.interval', true], ['restart-strategy.type', true], ['table.exec.state.ttl', true], ['my.own.key', true],
    ['taskmanager.numberOfTaskSlots', false], ['kubernetes.rest-service.annotations', false], ['high-availability.type', false],
    ['metrics.reporters', false], ['execution.shutdown-on-application-finish', false], ['$internal.pipeline.job-id', false],
  ])('option %s is job-level: %s', (key, jobLevel) => {
    expect(isJobLevelOption(key)).toBe(jobLevel);
  });
});

describe('JobManager Deployments roll out with Recreate (§10.2): never two JobManagers side by side, except standbys of an HA session', () => {
  test.each([DeploymentMode.NATIVE, DeploymentMode.STANDALONE])('%s session and application clusters without HA', mode => {
    const c = chart(NS);
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: 'session', mode });
    new FlinkApplicationCluster(c, 'app', { version: FlinkVersion.V1_20, clusterId: ID, mode, job: { artifact: JAR } });
    const manifests = synth(c);
    expect([find(manifests, 'Deployment', 'session').spec.strategy, find(manifests, 'Deployment', ID).spec.strategy])
      .toStrictEqual([{ type: 'Recreate' }, { type: 'Recreate' }]);
  });

  test.each([
    ['Kubernetes HA (the upgrade init container must not edit HA data under a running leader)', K8S_HA, UpgradeMode.LAST_STATE],
    ['ZooKeeper HA (a changed job gets its own namespace, where a surged JobManager would lead next to the old job)', ZK_HA, UpgradeMode.SAVEPOINT],
  ])('highly available application clusters too: %s', (_name, highAvailability, upgradeMode) => {
    for (const mode of [DeploymentMode.NATIVE, DeploymentMode.STANDALONE]) {
      const { manifests } = application({ mode, highAvailability, jobManager: { replicas: 2 } }, { upgradeMode, savepoint: { path: 's3://flink/sp/sp-1' } });
      expect(jobManager(manifests).spec.strategy).toStrictEqual({ type: 'Recreate' });
    }
  });

  test('a highly available session cluster keeps Kubernetes\' default: the new JobManager waits as a standby', () => {
    const c = chart(NS);
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, highAvailability: ZK_HA, plugins: S3, jobManager: { replicas: 2 } });
    expect(jobManager(synth(c)).spec.strategy).toBeUndefined();
  });
});

describe('suspended: JobManagers (and standalone TaskManagers) at zero, everything else kept (§7, §8)', () => {
  /** The manifests with every workload's replica count and the autoscaler taken out. */
  const withoutReplicas = (manifests: any[]) => manifests.filter(m => m.kind !== 'HorizontalPodAutoscaler').map(m => {
    if (m.spec?.replicas === undefined) return m;
    const { replicas, ...spec } = m.spec;
    return { ...m, spec };
  });

  test('native session cluster with HA: only the JobManager Deployment\'s replicas change', () => {
    const build = (suspended: boolean) => {
      const c = chart(NS);
      const cluster = new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V2_1, clusterId: ID, highAvailability: K8S_HA, plugins: S3, jobManager: { replicas: 2 }, suspended });
      return { cluster, manifests: synth(c) };
    };
    const [running, suspended] = [build(false), build(true)];
    expect([jobManager(running.manifests).spec.replicas, jobManager(suspended.manifests).spec.replicas]).toStrictEqual([2, 0]);
    expect(withoutReplicas(suspended.manifests)).toStrictEqual(withoutReplicas(running.manifests));
    expect([running.cluster.suspended, suspended.cluster.suspended]).toStrictEqual([false, true]);
    // kubernetes.jobmanager.replicas keeps its value: resuming is `suspended: false` alone
    expect(shippedConfig(suspended.manifests, ID)['kubernetes.jobmanager.replicas']).toBe('2');
  });

  test('standalone application with an autoscaler: the TaskManagers at zero and no HorizontalPodAutoscaler, pod templates unchanged', () => {
    const build = (suspended: boolean) => application({
      mode: DeploymentMode.STANDALONE,
      suspended,
      taskManager: { autoscaling: { maxReplicas: 4 } },
      flinkConfiguration: { 'execution.checkpointing.interval': '30 s' },
    }, { reactiveMode: true, parallelism: undefined });
    const [running, suspended] = [build(false), build(true)];
    expect(running.manifests.filter(m => m.kind === 'HorizontalPodAutoscaler')).toHaveLength(1);
    expect(suspended.manifests.filter(m => m.kind === 'HorizontalPodAutoscaler')).toStrictEqual([]);
    expect(find(running.manifests, 'Deployment', `${ID}-taskmanager`).spec.replicas).toBeUndefined();
    expect(find(suspended.manifests, 'Deployment', `${ID}-taskmanager`).spec.replicas).toBe(0);
    expect(jobManager(suspended.manifests).spec.replicas).toBe(0);
    expect(withoutReplicas(suspended.manifests)).toStrictEqual(withoutReplicas(running.manifests));
    expect(suspended.cluster.taskManagerAutoscaler).toBeUndefined();
  });

  test('standalone session cluster: the TaskManager Deployment at zero', () => {
    const c = chart(NS);
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode: DeploymentMode.STANDALONE, taskManager: { replicas: 3 }, suspended: true });
    const manifests = synth(c);
    expect([jobManager(manifests).spec.replicas, find(manifests, 'Deployment', `${ID}-taskmanager`).spec.replicas]).toStrictEqual([0, 0]);
  });

  test('without HA an application cluster suspends when it declares what resuming means: stateless, or a savepoint', () => {
    expect(() => application({ highAvailability: undefined, suspended: true }, { upgradeMode: UpgradeMode.STATELESS })).not.toThrow();
    expect(() => application({ highAvailability: undefined, suspended: true }, {
      upgradeMode: undefined, savepoint: { path: 's3://flink/savepoints/sp-1', restoreOnEveryStart: true },
    })).not.toThrow();
  });
});

describe('Kubernetes HA: the flink-job-upgrade init container (§10.3 S3)', () => {
  test('LAST_STATE, native: the JobManager\'s image, security context and account; small resources; a scratch volume; last', () => {
    const template = new PodTemplate(chart(), 'tpl', { initContainers: [{ name: 'fetch', image: 'busybox:1.36' }] });
    const { manifests, cluster } = application({ jobManager: { podTemplate: template } });
    const main = mainContainer(jobManager(manifests));
    const init = upgradeContainer(manifests);
    expect(initContainers(manifests).map((c: any) => c.name)).toStrictEqual(['fetch', 'flink-job-upgrade']);
    expect(init).toStrictEqual({
      name: 'flink-job-upgrade',
      image: main.image,
      imagePullPolicy: main.imagePullPolicy,
      command: ['/bin/sh', '-c', expect.stringMatching(/^set -eu\n/)],
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
      securityContext: main.securityContext,
      volumeMounts: [{ name: 'flink-job-upgrade', mountPath: '/tmp/flink-job-upgrade' }],
    });
    expect(init.securityContext).toStrictEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(jobManager(manifests).spec.template.spec.volumes).toContainEqual({ name: 'flink-job-upgrade', emptyDir: {} });
    expect(jobManager(manifests).spec.template.metadata.annotations['cdk8s-flink.dev/job-hash']).toBe(cluster.jobHash);
    // LAST_STATE keeps Flink's own id: JobID(hash(high-availability.cluster-id), 0) (§2.2)
    expect(cluster.jobId).toBe(flinkDerivedJobId(ID));
    expect(shippedConfig(manifests, ID)['$internal.pipeline.job-id']).toBeUndefined();
    expect(cluster.upgradeConfigMapName).toBe(`${ID}-job-upgrade`);
    expect(cluster.upgradeMode).toBe(UpgradeMode.LAST_STATE);
    const script = init.command[2];
    for (const line of [`JOB_ID='${cluster.jobId}'`, `JOB_HASH='${cluster.jobHash}'`, 'UPGRADE_MODE=\'LAST_STATE\'', 'FLINK_VERSION=\'1.20\'', `NS='${NS}'`, `RECORD='${ID}-job-upgrade'`]) {
      expect(script.split('\n')).toContain(line);
    }
  });

  test('native: TaskManagers carry the job hash as a label (kubernetes.taskmanager.labels), next to the user\'s', () => {
    const { manifests, cluster } = application({ taskManager: { labels: { team: 'data' } } });
    expect(shippedConfig(manifests, ID)['kubernetes.taskmanager.labels']).toBe(`team:data,cdk8s-flink.dev/job-hash:${cluster.jobHash}`);
    // prefixed keys are folded into the one key (config.yaml cannot hold a key and its prefix)
    const prefixed = application({ version: FlinkVersion.V2_1, flinkConfiguration: { 'kubernetes.taskmanager.labels.team': 'data' } });
    const conf = shippedConfig(prefixed.manifests, ID);
    expect([conf['kubernetes.taskmanager.labels'], conf['kubernetes.taskmanager.labels.team']])
      .toStrictEqual([`team:data,cdk8s-flink.dev/job-hash:${prefixed.cluster.jobHash}`, undefined]);
    const script = upgradeContainer(manifests).command[2];
    expect(script).toContain(`TM_SELECTOR='type%3Dflink-native-kubernetes%2Capp%3D${ID}%2Ccomponent%3Dtaskmanager%2Ccdk8s-flink.dev%2Fjob-hash%21%3D${cluster.jobHash}'`);
  });

  test('STATELESS and SAVEPOINT: a job id per job generation in $internal.pipeline.job-id (§2.3, FLINK-19358)', () => {
    const a = application({}, { upgradeMode: UpgradeMode.STATELESS });
    const b = application({}, { upgradeMode: UpgradeMode.STATELESS, args: ['--window', '1h'] });
    expect(a.cluster.jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(shippedConfig(a.manifests, ID)['$internal.pipeline.job-id']).toBe(a.cluster.jobId);
    expect(b.cluster.jobId).not.toBe(a.cluster.jobId);
    expect(a.cluster.jobId).not.toBe(flinkDerivedJobId(ID));
  });

  test('standalone SAVEPOINT: the job id as --job-id (StandaloneApplicationClusterEntryPoint.setStaticJobId), no TaskManager purge', () => {
    const { manifests, cluster } = application({ mode: DeploymentMode.STANDALONE }, { upgradeMode: UpgradeMode.SAVEPOINT, savepoint: { path: 's3://flink/sp/sp-1' } });
    expect(mainContainer(jobManager(manifests)).args.slice(0, 3)).toStrictEqual(['standalone-job', '--job-id', cluster.jobId]);
    expect(shippedConfig(manifests, ID)['$internal.pipeline.job-id']).toBeUndefined();
    expect(shippedConfig(manifests, ID)['kubernetes.taskmanager.labels']).toBeUndefined();
    const script = upgradeContainer(manifests).command[2].split('\n');
    expect(script).toContain('TM_SELECTOR=\'\'');
    expect(script.find((l: string) => l.startsWith('SAVEPOINT='))).toMatch(/^SAVEPOINT='[0-9a-f]{16}'$/);
  });

  test('runAsNonRoot: false: the init container runs as the main container does, with no security context of its own', () => {
    expect(upgradeContainer(application({ runAsNonRoot: false }).manifests).securityContext).toBeUndefined();
  });

  test('HA with SAVEPOINT writes the claim mode of the version (execution.savepoint-restore-mode before 1.20)', () => {
    for (const [version, key] of [[FlinkVersion.V1_18, 'execution.savepoint-restore-mode'], [FlinkVersion.V2_1, 'execution.state-recovery.claim-mode']] as const) {
      const { manifests } = application({ version }, { upgradeMode: UpgradeMode.SAVEPOINT, savepoint: { path: 's3://flink/sp/sp-1', claimMode: RecoveryClaimMode.CLAIM } });
      expect(shippedConfig(manifests, ID)[key]).toBe('CLAIM');
    }
  });

  test('no init container without Kubernetes HA, nor in session clusters; no job id without HA', () => {
    const noHa = application({ highAvailability: undefined }, { upgradeMode: undefined });
    expect(initContainers(noHa.manifests)).toStrictEqual([]);
    expect([noHa.cluster.jobId, noHa.cluster.upgradeConfigMapName]).toStrictEqual([undefined, undefined]);
    const c = chart(NS);
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, highAvailability: K8S_HA, plugins: S3 });
    const session = jobManager(synth(c)).spec.template;
    expect([session.spec.initContainers, Object.keys(session.metadata.annotations)]).toStrictEqual([undefined, ['cdk8s-flink.dev/config-hash']]);
  });
});

describe('ZooKeeper HA: a fresh high-availability.cluster-id per job generation (§1.2)', () => {
  test('native STATELESS: <clusterId>-<job hash>, the job id Flink derives from it, no init container and no Kubernetes rights', () => {
    const { manifests, cluster } = application({ highAvailability: ZK_HA }, { upgradeMode: UpgradeMode.STATELESS });
    const haId = `${ID}-${cluster.jobHash.substring(0, 12)}`;
    expect(shippedConfig(manifests, ID)['high-availability.cluster-id']).toBe(haId);
    expect(cluster.jobId).toBe(flinkDerivedJobId(haId));
    expect(initContainers(manifests)).toStrictEqual([]);
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules.filter((r: any) => r.resources.includes('configmaps'))).toStrictEqual([]);
    const changed = application({ highAvailability: ZK_HA }, { upgradeMode: UpgradeMode.STATELESS, parallelism: 3 });
    expect(shippedConfig(changed.manifests, ID)['high-availability.cluster-id']).not.toBe(haId);
  });

  test('standalone SAVEPOINT: the TaskManagers restart with the job, to find the leader in the new namespace', () => {
    const { manifests, cluster } = application({ highAvailability: ZK_HA, mode: DeploymentMode.STANDALONE }, { upgradeMode: UpgradeMode.SAVEPOINT });
    // each job generation has its own high-availability.cluster-id, which the TaskManagers read: the configuration hash rolls them
    const configHash = (m: any[]) => find(m, 'Deployment', `${ID}-taskmanager`).spec.template.metadata.annotations['cdk8s-flink.dev/config-hash'];
    const changed = application({ highAvailability: ZK_HA, mode: DeploymentMode.STANDALONE }, { upgradeMode: UpgradeMode.SAVEPOINT, parallelism: 3 });
    expect(configHash(changed.manifests)).not.toBe(configHash(manifests));
    expect(shippedConfig(changed.manifests, ID)['high-availability.cluster-id']).not.toBe(shippedConfig(manifests, ID)['high-availability.cluster-id']);
    expect(changed.cluster.jobHash).not.toBe(cluster.jobHash);
  });
});

test('the job id Flink derives with HA: JobID(hash(high-availability.cluster-id), 0), examples of §2.2', () => {
  expect(flinkDerivedJobId('/default')).toBe('000000006e6b13320000000000000000');
  expect(flinkDerivedJobId('my-flink-app')).toBe('fffffffff20515530000000000000000');
  expect(flinkDerivedJobId('orders-enricher')).toBe('00000000594b6a5a0000000000000000');
});

describe('unsafe paths are errors that name the options (§3.2–3.4, §5.1)', () => {
  const fails = (props: Partial<FlinkApplicationClusterProps>, job: Partial<FlinkJobOptions>, message: string) =>
    expect(() => application(props, job)).toThrow(message);

  test('fails on a highly available application cluster without an upgrade mode, naming the three', () => {
    for (const ha of [K8S_HA, ZK_HA]) {
      fails({ highAvailability: ha }, { upgradeMode: undefined }, '\'job.upgradeMode\' is not set, but this application cluster is highly available: a JobManager start recovers the job graph Flink stored at the first submission, so a changed job (image, jar, entry class, arguments, parallelism, job options) would silently not take effect');
    }
    fails({}, { upgradeMode: undefined }, 'Choose UpgradeMode.SAVEPOINT (a changed job starts from the savepoint you took and committed as job.savepoint), UpgradeMode.LAST_STATE (a changed job gets a fresh job graph that restores the latest checkpoint; Kubernetes high availability only) or UpgradeMode.STATELESS (a changed job starts without state)');
  });

  test('fails on LAST_STATE with ZooKeeper HA, whose job graph nothing here can remove', () => {
    fails({ highAvailability: ZK_HA }, {}, '\'job.upgradeMode\' is UpgradeMode.LAST_STATE, which removes the stored job graph from the Kubernetes high-availability ConfigMaps before the JobManager starts; with ZooKeeper high availability the graph lives in ZooKeeper');
  });

  test('fails on SAVEPOINT or LAST_STATE without HA', () => {
    for (const mode of [UpgradeMode.SAVEPOINT, UpgradeMode.LAST_STATE]) {
      fails({ highAvailability: undefined }, { upgradeMode: mode }, `'job.upgradeMode' is UpgradeMode.${mode}, which needs high availability: without it every JobManager start submits the job afresh`);
    }
  });

  test('fails on STATELESS with a savepoint, typed or as an option', () => {
    fails({}, { upgradeMode: UpgradeMode.STATELESS, savepoint: { path: 's3://b/sp' } }, '\'job.upgradeMode\' is UpgradeMode.STATELESS, which starts a changed job without state, but \'job.savepoint\' sets a savepoint to restore');
    fails({ flinkConfiguration: { 'execution.state-recovery.path': 's3://b/sp' } }, { upgradeMode: UpgradeMode.STATELESS }, 'but flinkConfiguration[\'execution.state-recovery.path\'] sets a savepoint to restore');
  });

  test('fails on a savepoint without HA that does not acknowledge it is restored at every start (§5.1)', () => {
    fails({ highAvailability: undefined }, { upgradeMode: undefined, savepoint: { path: 's3://b/sp' } }, '\'job.savepoint\' is set without high availability, so every JobManager start restores it again: each rollout, eviction or out-of-memory kill rewinds the job to that savepoint, however old');
    fails({ highAvailability: undefined, flinkConfiguration: { 'execution.state-recovery.path': 's3://b/sp' } }, { upgradeMode: undefined },
      'flinkConfiguration[\'execution.state-recovery.path\'] is set without high availability, so every JobManager start restores it again');
    expect(() => application({ highAvailability: undefined }, { upgradeMode: undefined, savepoint: { path: 's3://b/sp', restoreOnEveryStart: true } })).not.toThrow();
  });

  test('fails on restoreOnEveryStart with HA, where a restart resumes from the latest checkpoint', () => {
    fails({}, { savepoint: { path: 's3://b/sp', restoreOnEveryStart: true } }, '\'job.savepoint.restoreOnEveryStart\' is true, but with high availability the savepoint is restored only while the job has no checkpoint of its own');
  });

  test('fails on restoreOnEveryStart with CLAIM: the claimed savepoint is deleted after the first subsumed checkpoint (§4.2)', () => {
    fails({ highAvailability: undefined }, { upgradeMode: undefined, savepoint: { path: 's3://b/sp', restoreOnEveryStart: true, claimMode: RecoveryClaimMode.CLAIM } },
      '\'job.savepoint.restoreOnEveryStart\' is true with claim mode CLAIM: Flink deletes a claimed savepoint once a newer checkpoint subsumes it');
  });

  test('fails on suspending an application cluster without HA that does not say what resuming means (§8.4)', () => {
    fails({ highAvailability: undefined, suspended: true }, { upgradeMode: undefined }, '\'suspended\' is true, but this application cluster has no high availability: nothing keeps the job\'s state while it is suspended, and resuming runs it from the beginning');
  });

  test('fails on jobManager.replicas 0, pointing to suspended', () => {
    fails({ jobManager: { replicas: 0 } }, {}, '\'jobManager.replicas\' is 0: it must be a whole number of at least 1 (KubernetesJobManagerParameters.getReplicas); to stop the cluster, set \'suspended: true\'');
    fails({ flinkConfiguration: { 'kubernetes.jobmanager.replicas': '0' } }, {}, 'should not be configured less than one; set 1, or \'suspended: true\' to stop the cluster');
  });

  test('fails on a high-availability.cluster-id of ZooKeeper application clusters, which the upgrade mode sets per generation', () => {
    fails({ highAvailability: ZK_HA, flinkConfiguration: { 'high-availability.cluster-id': ID } }, { upgradeMode: UpgradeMode.STATELESS },
      'flinkConfiguration[\'high-availability.cluster-id\'] sets high-availability.cluster-id, but with ZooKeeper high availability UpgradeMode.STATELESS gives each job generation its own');
  });

  test('fails on a job id of our own with HA', () => {
    fails({ flinkConfiguration: { '$internal.pipeline.job-id': 'a'.repeat(32) } }, {}, 'with high availability the job id belongs to the upgrade mode');
  });

  test('fails on the keys and names this library owns', () => {
    fails({ jobManager: { annotations: { 'cdk8s-flink.dev/job-hash': 'x' } } }, {}, 'jobManager.annotations is \'cdk8s-flink.dev/job-hash:x\': \'cdk8s-flink.dev/job-hash\' is this library\'s key for the job\'s hash');
    fails({ taskManager: { labels: { 'cdk8s-flink.dev/job-hash': 'x' } } }, {}, 'taskManager.labels is \'cdk8s-flink.dev/job-hash:x\': \'cdk8s-flink.dev/job-hash\' is this library\'s key');
    fails({ jobManager: { podTemplate: new PodTemplate(chart(), 'a', { annotations: { 'cdk8s-flink.dev/job-hash': 'x' } }) } }, {}, 'the annotation \'cdk8s-flink.dev/job-hash\' is this library\'s key');
    fails({ jobManager: { podTemplate: new PodTemplate(chart(), 'b', { initContainers: [{ name: 'flink-job-upgrade', image: 'x' }] }) } }, {}, 'the init container name \'flink-job-upgrade\' is this library\'s (it makes a changed job take effect); rename yours');
  });

  test('fails on an upgrade mode that is not an UpgradeMode (plain JavaScript)', () => {
    fails({}, { upgradeMode: 'savepoint' as UpgradeMode }, '\'job.upgradeMode\' is "savepoint": expected one of UpgradeMode.SAVEPOINT, UpgradeMode.LAST_STATE, UpgradeMode.STATELESS');
  });
});
