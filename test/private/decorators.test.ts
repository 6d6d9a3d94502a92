import { DeploymentMode, FlinkVersion } from '../../src';
import { cmdJobManager } from '../../src/private/decorators/cmd-job-manager-decorator';
import { envSecrets } from '../../src/private/decorators/env-secrets-decorator';
import { externalService } from '../../src/private/decorators/external-service-decorator';
import { flinkConfMount } from '../../src/private/decorators/flink-conf-mount-decorator';
import { hadoopConfMount } from '../../src/private/decorators/hadoop-conf-mount-decorator';
import { initJobManager } from '../../src/private/decorators/init-job-manager-decorator';
import { internalService } from '../../src/private/decorators/internal-service-decorator';
import { mountSecrets } from '../../src/private/decorators/mount-secrets-decorator';
import { podTemplateConfigMap, podTemplateMount } from '../../src/private/decorators/pod-template-mount-decorator';
import { emptyPod, FlinkPod, javaDouble } from '../../src/private/pod';
import { DeploymentTarget, resolveCluster } from '../../src/private/resolve';

function resolve(flinkConfiguration: Record<string, string> = {}, version = FlinkVersion.V1_20) {
  return resolveCluster({ version, clusterId: 'c', namespace: 'ns', flinkConfiguration }, { target: DeploymentTarget.SESSION, defaultClusterId: () => 'unused' });
}

// A pod as a user's JobManager template would give it: decorators append after these entries.
const templated: FlinkPod = {
  metadata: { labels: { app: 'user', team: 'x' }, annotations: { a: '1' } },
  spec: { containers: [], volumes: [{ name: 'cache', emptyDir: {} }], dnsPolicy: 'Default', nodeSelector: { pool: 'user' } },
  mainContainer: { name: 'flink-main-container', env: [{ name: 'USER_ENV', value: '1' }], volumeMounts: [{ name: 'cache', mountPath: '/cache' }] },
};

describe('InitJobManagerDecorator', () => {
  test('template entries first, Flink\'s after; Flink\'s labels win on the same key (reference §4.5, §4.6)', () => {
    const pod = initJobManager(resolve({ 'kubernetes.jobmanager.node-selector': 'pool:flink' }), templated);
    expect(pod.metadata.labels).toStrictEqual({ app: 'c', team: 'x', type: 'flink-native-kubernetes', component: 'jobmanager' });
    expect(pod.spec.dnsPolicy).toBe('Default');
    expect(pod.spec.nodeSelector).toStrictEqual({ pool: 'flink' });
    expect(pod.spec.volumes!.map((v: { name: string }) => v.name)).toStrictEqual(['cache', 'user-artifacts-volume']);
    expect(pod.mainContainer.env!.map((e: { name: string }) => e.name)).toStrictEqual(['USER_ENV', '_POD_IP_ADDRESS']);
  });

  test('no user-artifacts-volume before 1.19 (FLINK-28915)', () => {
    expect(initJobManager(resolve({}, FlinkVersion.V1_18), emptyPod()).spec.volumes).toBeUndefined();
  });
});

test('EnvSecretsDecorator appends one secretKeyRef env per entry', () => {
  const pod = envSecrets(resolve({ 'kubernetes.env.secretKeyRef': 'env:A,secret:s,key:k;env:B,secret:t,key:l' }), templated);
  expect(pod.mainContainer.env).toStrictEqual([
    { name: 'USER_ENV', value: '1' },
    { name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    { name: 'B', valueFrom: { secretKeyRef: { name: 't', key: 'l' } } },
  ]);
});

test('MountSecretsDecorator: <secret>-volume without items, mounted at the given path', () => {
  const pod = mountSecrets(resolve({ 'kubernetes.secrets': 'db:/opt/db' }), emptyPod());
  expect(pod.spec.volumes).toStrictEqual([{ name: 'db-volume', secret: { secretName: 'db' } }]);
  expect(pod.mainContainer.volumeMounts).toStrictEqual([{ name: 'db-volume', mountPath: '/opt/db' }]);
});

test('CmdJobManagerDecorator: entry path as command, bash -c with the joined start command', () => {
  const pod = cmdJobManager(resolve(), emptyPod());
  expect(pod.mainContainer.command).toStrictEqual(['/docker-entrypoint.sh']);
  expect(pod.mainContainer.args).toStrictEqual(['bash', '-c', 'kubernetes-jobmanager.sh kubernetes-session ']);
});

test('HadoopConfMountDecorator: only with kubernetes.hadoop.conf.config-map.name, and not when disabled (1.17+)', () => {
  expect(hadoopConfMount(resolve(), emptyPod())).toStrictEqual(emptyPod());
  expect(() => resolve({ 'kubernetes.hadoop.conf.config-map.name': 'h', 'kubernetes.decorator.hadoop-conf-mount.enabled': 'false' }))
    .toThrow("flinkConfiguration['kubernetes.hadoop.conf.config-map.name'] is 'h': the Hadoop decorator is off"); // Flink would not mount it
  expect(hadoopConfMount(resolve({ 'kubernetes.hadoop.conf.config-map.name': 'h' }), emptyPod()).spec.volumes)
    .toStrictEqual([{ name: 'hadoop-config-volume', configMap: { name: 'h' } }]);
});

test('FlinkConfMountDecorator: items are the log files, then the conf file', () => {
  const pod = flinkConfMount(resolve(), emptyPod());
  expect(pod.spec.volumes![0].configMap!.items!.map((i: { key: string }) => i.key)).toStrictEqual(['logback-console.xml', 'log4j-console.properties', 'flink-conf.yaml']);
});

test('PodTemplateMountDecorator: only with a TaskManager pod template, which native mode always ships (it keeps the token unmounted)', () => {
  expect(podTemplateMount(resolve(), emptyPod()).mainContainer.volumeMounts).toStrictEqual([{ name: 'pod-template-volume', mountPath: '/opt/flink/pod-template' }]);
  const native = resolveCluster({ version: FlinkVersion.V1_20, clusterId: 'c', runAsNonRoot: false }, { target: DeploymentTarget.SESSION, defaultClusterId: () => 'x' });
  expect(podTemplateMount(native, emptyPod()).mainContainer.volumeMounts).toStrictEqual([{ name: 'pod-template-volume', mountPath: '/opt/flink/pod-template' }]);
  const standalone = resolveCluster({ version: FlinkVersion.V1_20, clusterId: 'c', mode: DeploymentMode.STANDALONE }, { target: DeploymentTarget.SESSION, defaultClusterId: () => 'x' });
  expect(podTemplateMount(standalone, emptyPod())).toStrictEqual(emptyPod());
  expect(podTemplateConfigMap(standalone)).toBeUndefined();
});

test('InternalServiceDecorator: none with high availability', () => {
  expect(internalService(resolve({ 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha', 'kubernetes.container.image.ref': 'registry.example.com/team/flink:1.20.4' }))).toBeUndefined();
  expect(internalService(resolve())!.metadata!.name).toBe('c');
});

test('ExternalServiceDecorator: <clusterId>-rest', () => {
  expect(externalService(resolve()).metadata!.name).toBe('c-rest');
});

test('javaDouble prints as Java\'s String.valueOf(double)', () => {
  expect([javaDouble(1), javaDouble(0.5), javaDouble(2.25), javaDouble(0.1 * 3)]).toStrictEqual(['1.0', '0.5', '2.25', '0.30000000000000004']);
  expect([javaDouble(0.0005), javaDouble(0.00025), javaDouble(1e7), javaDouble(12345678.5)]).toStrictEqual(['5.0E-4', '2.5E-4', '1.0E7', '1.23456785E7']);
});
