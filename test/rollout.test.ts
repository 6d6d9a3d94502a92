import { Size, Testing } from 'cdk8s';
import { chart, find, synth } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion, FlinkPlugin, HighAvailability, JobArtifact,
  LogLevel, PodTemplate,
} from '../src';

// Configuration changes roll the pods (a hash of what they read at start on their pod templates), and a
// JobManager without high availability is replaced, never doubled (job lifecycle reference §10.2).

const ID = 'analytics';
const KEY = 'cdk8s-flink.dev/config-hash';
const K8S_HA = HighAvailability.kubernetes({ storageDir: 's3://bucket/ha' });
// HA storage on S3 needs the official image's S3 plugin (state directories are checked against the plugins)
const S3 = [FlinkPlugin.S3_PRESTO];

function session(props: Partial<FlinkSessionClusterProps> = {}, version = FlinkVersion.V1_20) {
  const c = chart();
  new FlinkSessionCluster(c, 'session', { version, clusterId: ID, ...props });
  return synth(c);
}

const jobManagerHash = (manifests: any[]) => find(manifests, 'Deployment', ID).spec.template.metadata.annotations[KEY];
const taskManagerHash = (manifests: any[], kind = 'Deployment') => find(manifests, kind, `${ID}-taskmanager`).spec.template.metadata.annotations[KEY];

describe.each([
  ['native', DeploymentMode.NATIVE],
  ['standalone', DeploymentMode.STANDALONE],
])('%s: the configuration hash on the pod templates', (_n, mode) => {
  const base = session({ mode });

  test('a SHA-256 on the JobManager pod template (and the standalone TaskManagers\', which read the same ConfigMap)', () => {
    expect(jobManagerHash(base)).toMatch(/^[0-9a-f]{64}$/);
    if (mode === DeploymentMode.STANDALONE) expect(taskManagerHash(base)).toBe(jobManagerHash(base));
    // on the pods, not on the Deployment: only a pod-template change rolls a workload
    expect(find(base, 'Deployment', ID).metadata.annotations).toBeUndefined();
  });

  test('a configuration-only change (taskmanager.numberOfTaskSlots) changes it, which rolls the JobManager under kubectl apply or any GitOps tool', () => {
    const changed = session({ mode, taskManager: { taskSlots: 4 } });
    expect(jobManagerHash(changed)).not.toBe(jobManagerHash(base));
    if (mode === DeploymentMode.STANDALONE) expect(taskManagerHash(changed)).not.toBe(taskManagerHash(base));
  });

  test('a log file of the user\'s (logConfigFiles) changes it: the pods read it at start', () => {
    const file = (level: string) => session({ mode, logConfigFiles: { 'log4j-console.properties': `rootLogger.level = ${level}\n` } });
    expect(jobManagerHash(file('DEBUG'))).not.toBe(jobManagerHash(file('INFO')));
  });

  test('a log level set with \'logging\' does not: this library\'s files re-read the mounted ConfigMap, so the level changes without a restart (Flink\'s "Changing the Log Level Dynamically")', () => {
    const debug = session({ mode, logging: { rootLevel: LogLevel.DEBUG, loggers: { 'org.apache.flink.runtime.checkpoint': LogLevel.TRACE } } });
    expect(jobManagerHash(debug)).toBe(jobManagerHash(base));
    expect(find(debug, 'ConfigMap', `flink-config-${ID}`).data['log4j-console.properties']).toContain('monitorInterval = 30\nrootLogger.level = DEBUG');
    expect(find(debug, 'ConfigMap', `flink-config-${ID}`).data['log4j-console.properties']).not.toBe(find(base, 'ConfigMap', `flink-config-${ID}`).data['log4j-console.properties']);
  });

  test('an unrelated change does not: a REST Service annotation, read only by Flink\'s client to build the Service', () => {
    const annotated = session({ mode, restService: { annotations: { 'example.com/team': 'data' } } });
    expect(find(annotated, 'Service', `${ID}-rest`).metadata.annotations).toStrictEqual({ 'example.com/team': 'data' });
    expect(jobManagerHash(annotated)).toBe(jobManagerHash(base));
    const internal = session({ mode, flinkConfiguration: { 'kubernetes.internal-service.annotations': 'a:b' } });
    expect(jobManagerHash(internal)).toBe(jobManagerHash(base));
  });

  test('byte-identical on re-synth', () => {
    const yaml = () => {
      const c = chart();
      new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode });
      return JSON.stringify(Testing.synth(c));
    };
    expect(yaml()).toBe(yaml());
  });
});

describe('native: what the hash covers', () => {
  test('the TaskManager pod template in pod-template-<clusterId>, which the JobManager reads at start', () => {
    const base = session();
    const c = chart();
    const template = new PodTemplate(c, 'tm', { priorityClassName: 'streaming' });
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, taskManager: { podTemplate: template } });
    expect(jobManagerHash(synth(c))).not.toBe(jobManagerHash(base));
  });

  test('an application cluster\'s job change (its arguments live in the configuration) changes it', () => {
    const app = (args: string[]) => {
      const c = chart();
      new FlinkApplicationCluster(c, 'app', { version: FlinkVersion.V1_20, clusterId: ID, job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), args } });
      return synth(c);
    };
    expect(jobManagerHash(app(['--a']))).not.toBe(jobManagerHash(app(['--b'])));
  });

  test('the hash follows the annotations Flink puts on the pod; the Deployment\'s own annotations stay Flink\'s', () => {
    const manifests = session({ jobManager: { annotations: { 'example.com/a': 'b' } } });
    expect(find(manifests, 'Deployment', ID).spec.template.metadata.annotations).toStrictEqual({ 'example.com/a': 'b', [KEY]: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(find(manifests, 'Deployment', ID).metadata.annotations).toStrictEqual({ 'example.com/a': 'b' });
  });
});

describe('errors: the hash annotation is this library\'s', () => {
  test('fails on jobManager.annotations or taskManager.annotations with the key', () => {
    expect(() => session({ jobManager: { annotations: { [KEY]: 'x' } } }))
      .toThrow(`jobManager.annotations is '${KEY}:x': '${KEY}' is the annotation this library sets to the hash of the configuration the pods read at start, which rolls them when it changes; use another key`);
    expect(() => session({ mode: DeploymentMode.STANDALONE, flinkConfiguration: { 'kubernetes.taskmanager.annotations': `${KEY}:x` } }))
      .toThrow(`flinkConfiguration['kubernetes.taskmanager.annotations'] is '${KEY}:x': '${KEY}' is the annotation this library sets`);
  });

  test.each([
    ['native cluster\'s jobManager', DeploymentMode.NATIVE, 'jobManager'],
    ['native cluster\'s taskManager', DeploymentMode.NATIVE, 'taskManager'],
    ['standalone cluster\'s taskManager', DeploymentMode.STANDALONE, 'taskManager'],
  ])('fails on a %s pod template annotation with the key (a merged map: ours would win)', (_n, mode, component) => {
    const c = chart();
    const template = new PodTemplate(c, 'tpl', { annotations: { [KEY]: 'x' } });
    expect(() => new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode, [component]: { podTemplate: template } }))
      .toThrow(`'metadata.annotations' has '${KEY}: x', which this library (the hash of the configuration the pods read at start, which rolls them when it changes) sets. Merged with Flink (pod-template rules)`);
  });
});

describe('the JobManager\'s update strategy', () => {
  test.each([
    ['native', DeploymentMode.NATIVE],
    ['standalone', DeploymentMode.STANDALONE],
  ])('%s without HA: Recreate — the default RollingUpdate would run a second JobManager of the cluster before the first stops', (_n, mode) => {
    expect(find(session({ mode }), 'Deployment', ID).spec.strategy).toStrictEqual({ type: 'Recreate' });
  });

  test.each([
    ['native', DeploymentMode.NATIVE],
    ['standalone', DeploymentMode.STANDALONE],
  ])('%s with HA: Kubernetes\' default, the new JobManager waiting as a standby', (_n, mode) => {
    expect(find(session({ mode, highAvailability: K8S_HA, plugins: S3 }), 'Deployment', ID).spec.strategy).toBeUndefined();
  });

  test('standalone TaskManagers keep their workload\'s default (they are many, and interchangeable)', () => {
    expect(find(session({ mode: DeploymentMode.STANDALONE }), 'Deployment', `${ID}-taskmanager`).spec.strategy).toBeUndefined();
    const recovery = session({ mode: DeploymentMode.STANDALONE, taskManager: { localRecovery: { storage: Size.gibibytes(1) } } });
    expect(find(recovery, 'StatefulSet', `${ID}-taskmanager`).spec.updateStrategy).toBeUndefined();
    expect(taskManagerHash(recovery, 'StatefulSet')).toBe(jobManagerHash(recovery));
  });
});
