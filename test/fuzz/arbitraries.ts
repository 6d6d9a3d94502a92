import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import {
  DeploymentMode, FlinkPlugin, FlinkVersion, HighAvailability, ImagePullPolicy, JobArtifact, LogLevel, PodTemplateProps,
  RecoveryClaimMode, RestServiceExposedType,
} from '../../src';

/**
 * Random but type-correct inputs for the fuzzer: every value has the type its prop declares, and is drawn from
 * ranges that mix valid and invalid values (sizes too small for Flink's memory model, ports of 0, reserved
 * names, strings YAML or Flink would misread), so that a run exercises both the errors and the manifests.
 */

/** Markers the property checks for: fields of a user's pod template that Flink does not own must survive. */
export const MARKER_LABEL = 'fuzz.example.com/marker';
export const MARKER_VOLUME = 'fuzz-volume';
export const MARKER_SIDECAR = 'fuzz-sidecar';

const VERSIONS = [
  FlinkVersion.V1_16, FlinkVersion.V1_17, FlinkVersion.V1_18, FlinkVersion.V1_19,
  FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_1, FlinkVersion.V2_2,
];

/** `arb` in about `p` of the cases, else undefined: most props are left out, as users leave them out. */
function maybe<T>(arb: fc.Arbitrary<T>, p = 0.3): fc.Arbitrary<T | undefined> {
  const weight = Math.round(p * 10);
  return fc.oneof({ weight: 10 - weight, arbitrary: fc.constant(undefined) }, { weight, arbitrary: arb });
}

/** Mostly `valid`, sometimes `invalid`: a run should see both the manifests and the errors. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

/** Strings that YAML, Flink's legacy line parser or Kubernetes' $(VAR) expansion could misread. */
const tricky = fc.oneof(
  fc.constantFrom('', ' ', 'yes', 'no', 'on', 'off', 'true', 'null', '~', '0x1F', '1e3', '1:30', '#x', 'a: b', '- a', '$(HOME)', 'a$$b', "'", '"', 'a;b', 'k:v,k2:v2', 'ä€😀', '\n', '--from', '-D'),
  fc.string({ maxLength: 12 }),
);
const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/);
const clusterId = mostly(dnsLabel, tricky);
const labelKey = mostly(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.constantFrom('app', 'type', 'component', 'example.com/team', 'Bad Key'));
const labelValue = mostly(fc.stringMatching(/^[a-z0-9]{0,8}$/), tricky);
const stringMap = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string>) => fc.dictionary(key, value, { maxKeys: 3 });
const size = mostly(fc.integer({ min: 1024, max: 8192 }), fc.integer({ min: 1, max: 1023 })).map(m => Size.mebibytes(m));
const cpu = mostly(fc.constantFrom(0.1, 0.5, 1, 2, 4), fc.double({ min: -1, max: 8, noNaN: true }));
const factor = mostly(fc.constantFrom(1, 1.5, 2), fc.double({ min: 0, max: 4, noNaN: true }));
const port = mostly(fc.integer({ min: 1024, max: 65535 }).map(String), fc.constantFrom('0', '50100-50200', '65536', 'x'));
const envName = mostly(fc.constantFrom('A', 'B_C', 'REGION'), fc.constantFrom('ENABLE_BUILT_IN_PLUGINS', '_POD_IP_ADDRESS', '1BAD', 'HADOOP_CONF_DIR'));

const toleration = fc.record({
  key: maybe(labelKey, 0.8),
  operator: maybe(fc.constantFrom('Exists', 'Equal')),
  value: maybe(labelValue),
  effect: maybe(fc.constantFrom('NoSchedule', 'NoExecute')),
});

/** `replicas`: JobManagers (more than 1 needs HA) or standalone TaskManagers (an error in native mode). */
function component(replicas: fc.Arbitrary<number>) {
  return fc.record({
    memory: maybe(size),
    cpu: maybe(cpu),
    cpuLimitFactor: maybe(factor, 0.2),
    memoryLimitFactor: maybe(factor, 0.2),
    labels: maybe(stringMap(labelKey, labelValue)),
    annotations: maybe(stringMap(labelKey, tricky), 0.2),
    nodeSelector: maybe(stringMap(labelKey, labelValue), 0.2),
    tolerations: maybe(fc.array(toleration, { maxLength: 2 }), 0.2),
    env: maybe(stringMap(envName, tricky), 0.2),
    replicas: maybe(replicas, 0.1),
  }, { requiredKeys: [] });
}

/** A pod template's typed props, carrying the markers. */
export const podTemplateProps: fc.Arbitrary<PodTemplateProps> = fc.record({
  labels: fc.constant({ [MARKER_LABEL]: 'kept' }),
  annotations: maybe(stringMap(labelKey, tricky)),
  priorityClassName: maybe(fc.constantFrom('high', 'low')),
  volumes: mostly(
    fc.constant<kplus.k8s.Volume[]>([{ name: MARKER_VOLUME, emptyDir: {} }]),
    fc.constant<kplus.k8s.Volume[]>([{ name: MARKER_VOLUME, emptyDir: {} }, { name: 'flink-config-volume', emptyDir: {} }]),
  ),
  sidecars: fc.constantFrom<kplus.k8s.Container[]>([{ name: MARKER_SIDECAR, image: 'busybox:1.36' }], []),
  mainContainer: maybe(fc.record({
    env: maybe(mostly(
      fc.constant<kplus.k8s.EnvVar[]>([{ name: 'USER_VAR', value: 'yes' }]),
      fc.constant<kplus.k8s.EnvVar[]>([{ name: '_POD_IP_ADDRESS', value: 'x' }]),
    )),
    volumeMounts: maybe(mostly(
      fc.constant<kplus.k8s.VolumeMount[]>([{ name: MARKER_VOLUME, mountPath: '/fuzz' }]),
      fc.constant<kplus.k8s.VolumeMount[]>([{ name: MARKER_VOLUME, mountPath: '/opt/flink/conf' }]),
    )),
    imagePullPolicy: maybe(fc.constantFrom(ImagePullPolicy.ALWAYS, ImagePullPolicy.IF_NOT_PRESENT)),
  }, { requiredKeys: [] })),
}, { requiredKeys: ['labels', 'volumes', 'sidecars'] });

/** Options a user would plausibly set through `flinkConfiguration`, with plausible and implausible values. */
const flinkConfiguration = fc.dictionary(
  fc.constantFrom(
    'taskmanager.numberOfTaskSlots', 'parallelism.default', 'blob.server.port', 'taskmanager.rpc.port', 'rest.port', 'jobmanager.rpc.port',
    'state.checkpoints.dir', 'execution.checkpointing.interval', 'kubernetes.jobmanager.labels', 'kubernetes.taskmanager.node-selector',
    'taskmanager.memory.managed.fraction', 'scheduler-mode', 'kubernetes.rest-service.exposed.type', 'pipeline.max-parallelism',
    'high-availability.type', 'execution.target', 'taskmanager.data.port', 'env.java.opts.all',
  ),
  mostly(fc.oneof(port, fc.constantFrom('4', 's3://b/c', '1 min', 'ClusterIP', 'kubernetes')), fc.oneof(tricky, fc.constantFrom('reactive', 'a:b'))),
  { maxKeys: 2 },
);

const highAvailability = maybe(fc.oneof(
  fc.constant(HighAvailability.kubernetes({ storageDir: 's3://bucket/ha' })),
  fc.constant(HighAvailability.zookeeper({ storageDir: 's3://bucket/ha', quorum: 'zk:2181' })),
));

/** Props both cluster constructs take; `podTemplate` is a factory so each case gets its own construct. */
export const clusterProps = fc.record({
  version: fc.constantFrom(...VERSIONS),
  mode: maybe(fc.constantFrom(DeploymentMode.NATIVE, DeploymentMode.STANDALONE), 0.5),
  clusterId: clusterId,
  image: maybe(fc.constantFrom('registry.example.com/flink:1.20.4', 'flink:2.2', 'custom:latest')),
  imagePullPolicy: maybe(fc.constantFrom(ImagePullPolicy.ALWAYS, ImagePullPolicy.NEVER), 0.1),
  jobManager: maybe(component(mostly(fc.constant(1), fc.integer({ min: 0, max: 3 })))),
  taskManager: maybe(fc.record({
    base: component(fc.integer({ min: 1, max: 3 })),
    taskSlots: maybe(mostly(fc.integer({ min: 1, max: 8 }), fc.constant(0))),
    idleTimeout: maybe(fc.constantFrom(Duration.minutes(5), Duration.seconds(0)), 0.1),
  }, { requiredKeys: ['base'] }), 0.5),
  restService: maybe(fc.record({
    exposedType: maybe(fc.constantFrom(...Object.values(RestServiceExposedType))),
    annotations: maybe(stringMap(labelKey, tricky)),
    allowExternalAccess: maybe(fc.boolean()),
  }, { requiredKeys: [] }), 0.2),
  flinkConfiguration: maybe(flinkConfiguration),
  highAvailability,
  plugins: maybe(fc.subarray([FlinkPlugin.S3_PRESTO, FlinkPlugin.GCS]), 0.2),
  logging: maybe(fc.record({
    rootLevel: maybe(fc.constantFrom(LogLevel.DEBUG, LogLevel.WARN)),
    loggers: maybe(stringMap(mostly(fc.constantFrom('org.apache.flink', 'com.example'), fc.constant('bad logger')), fc.constant(LogLevel.INFO))),
  }, { requiredKeys: [] }), 0.2),
  runAsNonRoot: maybe(fc.boolean(), 0.1),
  /** where a template goes: none, both components, or one */
  template: maybe(fc.tuple(fc.constantFrom('podTemplate', 'jobManager', 'taskManager'), podTemplateProps), 0.5),
});

export type ClusterCase = typeof clusterProps extends fc.Arbitrary<infer T> ? T : never;

/** The job of an application cluster. */
export const jobProps = fc.record({
  artifact: mostly(
    fc.constantFrom(JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), JobArtifact.fromUrl('https://repo.example.com/job.jar')),
    fc.constantFrom(JobArtifact.fromImage('/opt/flink/examples/streaming/WordCount.jar'), JobArtifact.fromUrl('s3://bucket/job.jar'), JobArtifact.systemClasspath()),
  ),
  entryClass: maybe(mostly(fc.constantFrom('com.example.Job', 'a.Outer$Inner'), fc.constant('not a class')), 0.5),
  args: maybe(fc.array(tricky, { maxLength: 4 }), 0.5),
  parallelism: maybe(mostly(fc.integer({ min: 1, max: 8 }), fc.constant(0))),
  savepoint: maybe(fc.record({
    path: mostly(fc.constant('s3://bucket/sp/savepoint-1'), fc.constantFrom('relative/path', '')),
    allowNonRestoredState: maybe(fc.boolean()),
    claimMode: maybe(fc.constantFrom(RecoveryClaimMode.CLAIM, RecoveryClaimMode.NO_CLAIM)),
  }, { requiredKeys: ['path'] }), 0.2),
  reactiveMode: maybe(fc.boolean(), 0.1),
}, { requiredKeys: ['artifact'] });

export const anyCase = fc.record({
  application: fc.boolean(),
  cluster: clusterProps,
  job: jobProps,
});
export type AnyCase = typeof anyCase extends fc.Arbitrary<infer T> ? T : never;
