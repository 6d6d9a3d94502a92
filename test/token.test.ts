import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as kplus from 'cdk8s-plus-28';
import * as YAML from 'yaml';
import { chart, find, synth } from './util';
import { DeploymentMode, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion, FlinkPlugin, HighAvailability, PodTemplate } from '../src';

// Service-account tokens: mounted exactly where the pods call the Kubernetes API, whatever the account says
// (a pod's automountServiceAccountToken wins over its account's).

const ID = 'analytics';
const K8S_HA = HighAvailability.kubernetes({ storageDir: 's3://bucket/ha' });
// HA storage on S3 needs the official image's S3 plugin (state directories are checked against the plugins)
const S3 = [FlinkPlugin.S3_PRESTO];
const ZK_HA = HighAvailability.zookeeper({ storageDir: 's3://bucket/ha', quorum: 'zk:2181' });

function build(props: (c: ReturnType<typeof chart>) => Partial<FlinkSessionClusterProps> = () => ({})) {
  const c = chart();
  new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, ...props(c) });
  return synth(c);
}

const jobManagerToken = (manifests: any[]) => find(manifests, 'Deployment', ID).spec.template.spec.automountServiceAccountToken;
const nativeTaskManagerTemplate = (manifests: any[]) => YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']);

describe('native mode', () => {
  test('the JobManager pod mounts its token: it always calls the API to create and watch TaskManager pods (reference §6.3)', () => {
    expect(jobManagerToken(build())).toBe(true);
  });

  test('also with a brought cdk8s-plus ServiceAccount, which cdk8s-plus creates with automountServiceAccountToken: false', () => {
    const manifests = build(c => ({ serviceAccount: new kplus.ServiceAccount(c, 'account', { metadata: { name: 'flink' } }) }));
    expect(find(manifests, 'ServiceAccount', 'flink').automountServiceAccountToken).toBe(false);
    expect(find(manifests, 'Deployment', ID).spec.template.spec.serviceAccountName).toBe('flink');
    expect(jobManagerToken(manifests)).toBe(true);
  });

  test.each([
    ['without HA', false, {}],
    ['with ZooKeeper HA', false, { highAvailability: ZK_HA, plugins: S3 }],
    ['with Kubernetes HA (leader retrieval through ConfigMaps)', true, { highAvailability: K8S_HA, plugins: S3 }],
  ])('TaskManagers %s: the shipped template says automountServiceAccountToken: %s (InitTaskManagerDecorator keeps the field)', (_n, token, props) => {
    expect(nativeTaskManagerTemplate(build(() => props)).spec.automountServiceAccountToken).toBe(token);
  });

  test('a TaskManager template gets the field under its own', () => {
    const manifests = build(c => ({ taskManager: { podTemplate: new PodTemplate(c, 'tm', { priorityClassName: 'p' }) } }));
    expect(nativeTaskManagerTemplate(manifests).spec).toMatchObject({ priorityClassName: 'p', automountServiceAccountToken: false });
  });

  test('a TaskManager template\'s explicit true is kept where the token is not needed', () => {
    const c = chart();
    const template = PodTemplate.fromFile(c, 'tm', writeTemplate('spec:\n  automountServiceAccountToken: true\n'));
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, taskManager: { podTemplate: template } });
    expect(nativeTaskManagerTemplate(synth(c)).spec.automountServiceAccountToken).toBe(true);
  });
});

describe('standalone mode (the decorator it already had)', () => {
  test.each([
    ['without HA', false, {}],
    ['with Kubernetes HA', true, { highAvailability: K8S_HA, plugins: S3 }],
  ])('%s: both workloads\' pods say automountServiceAccountToken: %s', (_n, token, props) => {
    const manifests = build(() => ({ mode: DeploymentMode.STANDALONE, ...props }));
    expect(jobManagerToken(manifests)).toBe(token);
    expect(find(manifests, 'Deployment', `${ID}-taskmanager`).spec.template.spec.automountServiceAccountToken).toBe(token);
  });
});

function writeTemplate(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'token-')), 'template.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('errors: a template may not take the token from pods that call the API', () => {
  const off = 'spec:\n  automountServiceAccountToken: false\n';
  test.each([
    ['a native JobManager template', {}, 'jobManager', 'the native JobManager calls the Kubernetes API to create and watch its TaskManager pods'],
    ['a native TaskManager template with Kubernetes HA', { highAvailability: K8S_HA, plugins: S3 }, 'taskManager', 'with Kubernetes high availability the TaskManagers call the Kubernetes API for leader election and retrieval'],
    ['a standalone JobManager template with Kubernetes HA', { mode: DeploymentMode.STANDALONE, highAvailability: K8S_HA, plugins: S3 }, 'jobManager', 'with Kubernetes high availability the JobManager calls the Kubernetes API for leader election and retrieval'],
    ['a standalone TaskManager template with Kubernetes HA', { mode: DeploymentMode.STANDALONE, highAvailability: K8S_HA, plugins: S3 }, 'taskManager', 'with Kubernetes high availability the TaskManagers call'],
  ])('fails on automountServiceAccountToken: false in %s', (_n, props, component, why) => {
    const file = writeTemplate(off);
    expect(() => build(c => ({ ...props, [component]: { podTemplate: PodTemplate.fromFile(c, 'tpl', file) } })))
      .toThrow(`PodTemplate.fromFile('${file}'): sets spec.automountServiceAccountToken: false, but ${why}`);
  });

  test('no error where the API is not called: a native TaskManager template, a standalone one without Kubernetes HA', () => {
    const file = writeTemplate(off);
    expect(() => build(c => ({ taskManager: { podTemplate: PodTemplate.fromFile(c, 'tpl', file) } }))).not.toThrow();
    expect(() => build(c => ({ mode: DeploymentMode.STANDALONE, podTemplate: PodTemplate.fromFile(c, 'tpl', file) }))).not.toThrow();
  });
});
