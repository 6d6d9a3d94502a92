import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import {
  DeploymentMode, FlinkPlugin, FlinkVersion, ImagePullPolicy, LogLevel, PodSecurityStandard, RecoveryClaimMode, RestServiceExposedType,
  UpgradeMode,
} from '../../src';

/**
 * Random but type-correct inputs for the fuzzer: every value has the type its prop declares, and is drawn from
 * ranges that mix valid and invalid values (sizes too small for Flink's memory model, ports of 0, reserved
 * names, strings YAML or Flink would misread), so that a run exercises both the errors and the manifests.
 *
 * A case is drawn in two steps: first its shape (session or application, native or standalone, which high
 * availability, whether suspended, reactive), then every prop, mostly as that shape needs it (an explicit
 * cluster id and an upgrade mode with high availability, the storage's plugin, replicas only where they apply)
 * and sometimes not. So a good share of the cases synthesize — only they reach the checks of the manifests —
 * and the others probe one rule at a time.
 *
 * A case is plain data: what needs a construct scope (secrets, service accounts, pod templates) or a factory
 * that may throw (`HighAvailability`, `WorkloadIdentity`, `JobArtifact`) is described here and made by the
 * property, inside the case, so that a factory's error counts as the case's.
 */

/** Markers the property checks for: fields of a user's pod template that Flink does not own must survive. */
export const MARKER_LABEL = 'fuzz.example.com/marker';
export const MARKER_ANNOTATION = 'fuzz.example.com/note';
export const MARKER_VOLUME = 'fuzz-volume';
export const MARKER_SIDECAR = 'fuzz-sidecar';
export const MARKER_INIT = 'fuzz-init';

const VERSIONS = [
  FlinkVersion.V1_16, FlinkVersion.V1_17, FlinkVersion.V1_18, FlinkVersion.V1_19,
  FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_1, FlinkVersion.V2_2,
];

/** `arb` in about `p` of the cases, else undefined: most props are left out, as users leave them out. */
function maybe<T>(arb: fc.Arbitrary<T>, p = 0.3): fc.Arbitrary<T | undefined> {
  const weight = Math.max(1, Math.round(p * 100));
  return fc.oneof({ weight: 100 - weight, arbitrary: fc.constant(undefined) }, { weight, arbitrary: arb });
}

/**
 * How much rarer every invalid branch is than its `odds` say: a case draws some 40 props, and each invalid branch
 * taken is an error, so this knob sets the share of cases that synthesize (about half at 2).
 */
const INVALID_SCALE = 2;

/** Mostly `valid`, sometimes `invalid` (about 1 in `1 + odds × INVALID_SCALE`): a run should see both the manifests and the errors. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>, odds = 30): fc.Arbitrary<T> {
  return fc.oneof({ weight: Math.round(odds * INVALID_SCALE), arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

/** Strings that YAML, Flink's legacy line parser or Kubernetes' $(VAR) expansion could misread. */
const tricky = fc.oneof(
  fc.constantFrom('', ' ', 'yes', 'no', 'on', 'off', 'true', 'null', '~', '0x1F', '1e3', '1:30', '#x', 'a: b', '- a', '$(HOME)', 'a$$b', "'", '"', 'a;b', 'k:v,k2:v2', 'ä€😀', '\n', '--from', '-D', '0o17', '.inf', '=', '<<'),
  fc.string({ maxLength: 12 }),
);
/** Values that read the same in YAML 1.1 and 1.2 and mean nothing to Flink's parsers, but still look odd. */
const plainValue = fc.oneof(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('yes', 'off', '1.5', '007', 'a.b_c-d'));
const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/);
const labelKey = mostly(
  fc.oneof(fc.stringMatching(/^[a-z]([a-z0-9-]{0,7}[a-z0-9])?$/), fc.constantFrom('team', 'example.com/team', 'app.kubernetes.io/part-of')),
  fc.constantFrom('app', 'type', 'component', 'Bad Key', 'a/b/c', '-x'),
  30,
);
const labelValue = mostly(fc.oneof(fc.stringMatching(/^[a-z0-9]{0,8}$/), fc.constantFrom('yes', '1.5', 'a_b')), tricky, 30);
/** Annotation values are free text: some that Flink's map encoding must quote to carry them unchanged. */
const annotationValue = mostly(
  fc.oneof({ weight: 4, arbitrary: plainValue }, { weight: 1, arbitrary: fc.constantFrom(' lead', 'trail ', '', 'a, b: c', "it's", 'x"y') }),
  tricky,
  12,
);
const stringMap = <T extends string>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>, maxKeys = 3): fc.Arbitrary<Record<string, T>> =>
  fc.dictionary(key, value, { maxKeys });
const size = mostly(fc.integer({ min: 1024, max: 8192 }), fc.integer({ min: 1, max: 1023 }), 20).map(m => Size.mebibytes(m));
const cpu = mostly(fc.constantFrom(0.1, 0.5, 1, 2, 4), fc.double({ min: -1, max: 8, noNaN: true }), 20);
const factor = mostly(fc.constantFrom(1, 1.5, 2), fc.double({ min: 0, max: 4, noNaN: true }), 20);
/** Ports Flink's processes do not already use (6121–6126, 8081). */
const freePort = fc.integer({ min: 9000, max: 9999 });
const port = mostly(freePort.map(String), fc.constantFrom('0', '50100-50200', '65536', 'x', '6123', '8081'), 8);
const envName = mostly(fc.constantFrom('A', 'B_C', 'REGION', 'my.var'), fc.constantFrom('ENABLE_BUILT_IN_PLUGINS', '_POD_IP_ADDRESS', '1BAD', 'HADOOP_CONF_DIR', 'FLINK_TM_JVM_MEM_OPTS', 'AWS_SECRET_ACCESS_KEY'), 12);
const secretName = mostly(fc.constantFrom('aws', 'tls-cert', 'gcs-key'), fc.constantFrom('Bad_Name', 'flink-config', 'a'.repeat(60)), 12);

/** Tolerations mostly as the API server takes them (ValidateTolerations), sometimes not. */
const toleration: fc.Arbitrary<kplus.k8s.Toleration> = mostly<kplus.k8s.Toleration>(
  fc.oneof(
    fc.record({ key: labelKey, operator: maybe(fc.constant('Equal')), value: fc.stringMatching(/^[a-z0-9]{0,6}$/), effect: maybe(fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute')) }, { requiredKeys: ['key', 'value'] }),
    fc.record({ key: maybe(labelKey, 0.7), operator: fc.constant('Exists'), effect: maybe(fc.constantFrom('NoSchedule', 'NoExecute')) }, { requiredKeys: ['operator'] }),
    fc.record({ key: labelKey, operator: fc.constant('Exists'), effect: fc.constant('NoExecute'), tolerationSeconds: fc.integer({ min: 0, max: 600 }) }),
  ),
  fc.constantFrom<kplus.k8s.Toleration>({}, { operator: 'Exists', value: 'x' }, { key: 'a', effect: 'NoSchedule', tolerationSeconds: 30 }, { key: 'Bad Key' }, { key: 'a', operator: 'In' }, { key: 'a', value: 'a b' }),
  20,
);

// --- the shape ---------------------------------------------------------------------------------------------------

export type HaKind = 'none' | 'kubernetes' | 'zookeeper';
/** The schemes of durable storage, with the plugins that serve them in the official image. */
export type Storage = 's3' | 'gs';

export interface Shape {
  readonly version: FlinkVersion;
  readonly application: boolean;
  readonly standalone: boolean;
  readonly ha: HaKind;
  readonly storage: Storage;
  readonly hostNetwork: boolean;
  readonly suspended: boolean;
  /** a standalone application job in reactive mode */
  readonly reactive: boolean;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  version: fc.constantFrom(...VERSIONS),
  application: fc.boolean(),
  standalone: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 2, arbitrary: fc.constant(true) }),
  ha: fc.oneof(
    { weight: 11, arbitrary: fc.constant<HaKind>('none') },
    { weight: 6, arbitrary: fc.constant<HaKind>('kubernetes') },
    { weight: 3, arbitrary: fc.constant<HaKind>('zookeeper') },
  ),
  storage: fc.constantFrom<Storage>('s3', 'gs'),
  hostNetwork: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  suspended: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  reactive: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
}).map(s => ({ ...s, reactive: s.reactive && s.standalone && s.application, hostNetwork: s.hostNetwork && !s.standalone }));

// --- descriptions of what the property makes -----------------------------------------------------------------------

/** `HighAvailability.kubernetes()` or `.zookeeper()`, with these options. */
export interface HaSpec {
  readonly type: 'kubernetes' | 'zookeeper';
  readonly storageDir: string;
  readonly quorum?: string;
  readonly rootPath?: string;
}

/** `WorkloadIdentity.fromAwsIamRole(arn)`, `.fromGcpServiceAccount(email)` or `.fromAzureClientId(id, tenant)`. */
export type IdentitySpec = readonly ['aws', string] | readonly ['gcp', string] | readonly ['azure', string, string | undefined];

/** `JobArtifact.fromImage(path)`, `.fromUrl(url)` or `.systemClasspath()`. */
export type ArtifactSpec = readonly ['image', string] | readonly ['url', string] | readonly ['system'];

/** A pod template: its typed props, with construct-valued ones as names; or a file with this manifest. */
export interface TemplateSpec {
  readonly props: Record<string, unknown>;
  /** `spec.serviceAccountName` through `serviceAccount` */
  readonly serviceAccount?: string;
  readonly imagePullSecrets?: string[];
  /** write the template's manifest to a file and load it with `PodTemplate.fromFile` */
  readonly fromFile: boolean;
  /** extra YAML text for a file template: a label whose value YAML 1.1 and 1.2 may read differently */
  readonly fileLabel?: string;
}

/** Where templates go: one for both components, one per component, or one component's only. */
export type TemplatePlacement = 'podTemplate' | 'jobManager' | 'taskManager' | 'both';

export interface IngressSpec {
  readonly host?: string;
  readonly path?: string;
  readonly controller?: 'NGINX' | 'TRAEFIK' | 'OTHER';
  readonly className?: string;
  readonly tlsSecret?: string;
  readonly annotations?: Record<string, string>;
  readonly name?: string;
}

/** A second cluster in the same app: its cluster id may repeat the first's, or one the first derives names from. */
export interface SecondClusterSpec {
  /** 'same' | 'rest' | 'taskmanager' suffix the first cluster's id; else this id */
  readonly clusterId: 'same' | 'rest' | 'taskmanager' | 'jobmanager' | string;
  readonly standalone: boolean;
  /** in its own chart, with another namespace */
  readonly otherNamespace: boolean;
}

// --- pod templates -------------------------------------------------------------------------------------------------

const container = (name: string) => fc.record({
  name: fc.constant(name),
  image: fc.constantFrom('busybox:1.36', 'registry.example.com/agent:2'),
  resources: maybe(fc.constant({ requests: { cpu: kplus.k8s.Quantity.fromString('100m'), memory: kplus.k8s.Quantity.fromString('64Mi') } }), 0.5),
  securityContext: maybe(mostly(
    fc.constant<kplus.k8s.SecurityContext>({ readOnlyRootFilesystem: true }),
    fc.constantFrom<kplus.k8s.SecurityContext>({ privileged: true }, { runAsUser: 0 }, { capabilities: { add: ['NET_ADMIN'] } }),
    4,
  ), 0.2),
}, { requiredKeys: ['name', 'image'] });

const volumes: fc.Arbitrary<kplus.k8s.Volume[]> = fc.tuple(
  fc.constant<kplus.k8s.Volume>({ name: MARKER_VOLUME, emptyDir: {} }),
  maybe(mostly(
    fc.constantFrom<kplus.k8s.Volume>({ name: 'data', persistentVolumeClaim: { claimName: 'flink-data' } }, { name: 'cfg', configMap: { name: 'extra-config' } }),
    fc.constantFrom<kplus.k8s.Volume>({ name: 'flink-config-volume', emptyDir: {} }, { name: 'host', hostPath: { path: '/var/log' } }, { name: MARKER_VOLUME, emptyDir: {} }),
    12,
  ), 0.3),
).map(([marker, extra]) => (extra ? [marker, extra] : [marker]));

const mainContainer = fc.record({
  image: maybe(fc.constantFrom('registry.example.com/flink-job:1.4.0', 'flink:1.20.4'), 0.1),
  imagePullPolicy: maybe(fc.constantFrom(ImagePullPolicy.ALWAYS, ImagePullPolicy.IF_NOT_PRESENT)),
  env: maybe(mostly(
    fc.constant<kplus.k8s.EnvVar[]>([{ name: 'USER_VAR', value: 'yes' }]),
    fc.constantFrom<kplus.k8s.EnvVar[]>([{ name: '_POD_IP_ADDRESS', value: 'x' }], [{ name: 'DB_PASSWORD', value: 'hunter2' }], [{ name: 'HADOOP_CONF_DIR', value: '/etc/hadoop' }]),
    15,
  )),
  envFrom: maybe(fc.constant<kplus.k8s.EnvFromSource[]>([{ configMapRef: { name: 'extra-env' } }]), 0.1),
  ports: maybe(mostly(
    fc.constant<kplus.k8s.ContainerPort[]>([{ name: 'debug', containerPort: 5005 }]),
    fc.constantFrom<kplus.k8s.ContainerPort[]>([{ name: 'rest', containerPort: 8081 }], [{ name: 'metrics', containerPort: 9249 }], [{ name: 'x', containerPort: 8081, hostPort: 8081 }]),
    15,
  ), 0.15),
  volumeMounts: maybe(mostly(
    fc.constant<kplus.k8s.VolumeMount[]>([{ name: MARKER_VOLUME, mountPath: '/fuzz' }]),
    fc.constantFrom<kplus.k8s.VolumeMount[]>([{ name: MARKER_VOLUME, mountPath: '/opt/flink/conf' }], [{ name: 'missing', mountPath: '/x' }], [{ name: MARKER_VOLUME, mountPath: '/a' }, { name: MARKER_VOLUME, mountPath: '/a' }]),
    15,
  )),
  resources: maybe(mostly(
    fc.constant<Record<string, Record<string, string>>>({ requests: { 'ephemeral-storage': '1Gi' } }),
    fc.constantFrom<Record<string, Record<string, string>>>({ requests: { cpu: '2' } }, { limits: { memory: '1Gi' } }),
    6,
  ), 0.1),
  securityContext: maybe(mostly(
    fc.constant<kplus.k8s.SecurityContext>({ readOnlyRootFilesystem: false }),
    fc.constantFrom<kplus.k8s.SecurityContext>({ runAsUser: 0 }, { privileged: true }),
    12,
  ), 0.1),
  livenessProbe: maybe(fc.constant<kplus.k8s.Probe>({ tcpSocket: { port: kplus.k8s.IntOrString.fromNumber(8081) }, periodSeconds: 20 }), 0.1),
  readinessProbe: maybe(fc.constant<kplus.k8s.Probe>({ httpGet: { path: '/overview', port: kplus.k8s.IntOrString.fromString('rest') } }), 0.05),
  startupProbe: maybe(fc.constant<kplus.k8s.Probe>({ exec: { command: ['true'] }, failureThreshold: 30 }), 0.05),
  lifecycle: maybe(fc.constant<kplus.k8s.Lifecycle>({ preStop: { exec: { command: ['sleep', '5'] } } }), 0.05),
  workingDir: maybe(fc.constantFrom('/opt/flink', '/tmp'), 0.05),
}, { requiredKeys: [] });

const templateProps: fc.Arbitrary<Record<string, unknown>> = fc.record({
  labels: stringMap(fc.constantFrom('tpl.example.com/a', 'tier'), fc.constantFrom('x', 'y'), 1).map(l => ({ ...l, [MARKER_LABEL]: 'kept' })),
  annotations: stringMap(fc.constantFrom('tpl.example.com/b', 'owner'), annotationValue, 1).map(a => ({ ...a, [MARKER_ANNOTATION]: 'kept' })),
  priorityClassName: maybe(fc.constantFrom('high', 'low')),
  schedulerName: maybe(fc.constant('custom-scheduler'), 0.05),
  runtimeClassName: maybe(fc.constant('gvisor'), 0.05),
  nodeSelector: maybe(stringMap(fc.constantFrom('tpl.example.com/pool', 'disk'), fc.constantFrom('ssd', 'fast')), 0.15),
  tolerations: maybe(fc.array(toleration, { maxLength: 1 }), 0.15),
  dnsPolicy: maybe(mostly(fc.constant('ClusterFirst'), fc.constant('Default'), 3), 0.05),
  dnsConfig: maybe(fc.constant<kplus.k8s.PodDnsConfig>({ options: [{ name: 'ndots', value: '2' }] }), 0.05),
  hostAliases: maybe(fc.constant<kplus.k8s.HostAlias[]>([{ ip: '10.0.0.10', hostnames: ['metadata.internal'] }]), 0.05),
  affinity: maybe(fc.constant<kplus.k8s.Affinity>({
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }] } },
  }), 0.1),
  topologySpreadConstraints: maybe(fc.constant<kplus.k8s.TopologySpreadConstraint[]>([
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { [MARKER_LABEL]: 'kept' } } },
  ]), 0.05),
  securityContext: maybe(mostly(
    fc.constantFrom<kplus.k8s.PodSecurityContext>({ fsGroup: 9999 }, { seccompProfile: { type: 'RuntimeDefault' } }),
    fc.constantFrom<kplus.k8s.PodSecurityContext>({ runAsUser: 0 }, { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] }),
    12,
  ), 0.15),
  terminationGracePeriod: maybe(mostly(fc.constantFrom(Duration.seconds(30), Duration.minutes(2)), fc.constant(Duration.millis(1500)), 12), 0.1),
  volumes,
  initContainers: maybe(container(MARKER_INIT).map(c => [c]), 0.2),
  sidecars: fc.oneof(
    { weight: 48, arbitrary: container(MARKER_SIDECAR).map(c => [c]) },
    { weight: 24, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant([{ name: 'flink-main-container', image: 'x' }]) },
  ),
  mainContainer: maybe(mainContainer, 0.6),
}, { requiredKeys: ['labels', 'annotations', 'volumes', 'sidecars'] });

const templateSpec: fc.Arbitrary<TemplateSpec> = fc.record({
  props: templateProps,
  serviceAccount: maybe(fc.constant('template-account'), 0.02),
  imagePullSecrets: maybe(fc.constant(['regcred']), 0.05),
  fromFile: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  fileLabel: maybe(fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('plain', '"yes"', "'010'", 'a-1') },
    { weight: 1, arbitrary: fc.constantFrom('yes', 'on', '0o17', '1_000', '2001-12-14', '0x1F', '010') },
  ), 0.3),
}, { requiredKeys: ['props', 'fromFile'] });

// --- the cluster ---------------------------------------------------------------------------------------------------

const PLUGINS: Record<Storage, FlinkPlugin[]> = { s3: [FlinkPlugin.S3_PRESTO, FlinkPlugin.S3_HADOOP], gs: [FlinkPlugin.GCS] };

/** Options a user would plausibly set through `flinkConfiguration`, with plausible and implausible values. */
function flinkConfiguration(s: Shape) {
  const dir = `${s.storage}://bucket/flink`;
  const checkpoints = s.version.isAtLeast(FlinkVersion.V1_20) ? 'execution.checkpointing.dir' : 'state.checkpoints.dir';
  const entry = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom('parallelism.default', 'pipeline.max-parallelism'), mostly(fc.constantFrom('1', '2', '4', '128'), fc.oneof(tricky, fc.constant('0')), 12)) },
    { weight: 4, arbitrary: fc.tuple(fc.constant(checkpoints), mostly(fc.constant(`${dir}/checkpoints`), fc.constantFrom('/tmp/cp', 'hdfs:///cp', '30 s'), 12)) },
    { weight: 4, arbitrary: fc.tuple(fc.constant('execution.checkpointing.interval'), mostly(fc.constantFrom('30 s', '1 min', '10000'), fc.constantFrom('', 's3://x'), 12)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('blob.server.port', 'taskmanager.rpc.port', 'rest.port', 'jobmanager.rpc.port', 'taskmanager.data.port', 'metrics.internal.query-service.port'), port) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('kubernetes.jobmanager.labels', 'kubernetes.taskmanager.node-selector', 'kubernetes.jobmanager.annotations', 'kubernetes.taskmanager.tolerations'), mostly(fc.constantFrom('team:data', 'a:b,c:d', 'key:a,operator:Exists'), fc.constantFrom('a', 'app:x', ':', 'Bad Key:x', 'operator:Exists,value:x'), 8)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('taskmanager.memory.managed.fraction', 'env.java.opts.all', 'kubernetes.rest-service.exposed.type', 'restart-strategy.type'), mostly(fc.constantFrom('0.4', '-XX:+UseG1GC', 'ClusterIP', 'fixed-delay'), tricky, 8)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('taskmanager.numberOfTaskSlots', 'high-availability.type', 'execution.target', 'scheduler-mode', 's3.secret-key', 'metrics.reporters', 'metrics.reporter.prom.port', 'kubernetes.hostnetwork.enabled', 'kubernetes.namespace'), fc.constantFrom('kubernetes', 'none', 'reactive', 'fixed-delay', 'hunter2', 'prom', '9250', 'true', 'a:b', '2', 'Other_NS')) },
  );
  return fc.array(entry, { maxLength: 2 }).map(entries => Object.fromEntries(entries));
}

/** `replicas`: JobManagers (more than 1 needs HA) or standalone TaskManagers (an error in native mode). */
function component(name: 'jobManager' | 'taskManager') {
  return fc.record({
    memory: maybe(size),
    cpu: maybe(cpu),
    cpuLimitFactor: maybe(factor, 0.15),
    memoryLimitFactor: maybe(factor, 0.15),
    labels: maybe(stringMap(labelKey, labelValue), 0.25),
    annotations: maybe(stringMap(labelKey, annotationValue), 0.15),
    nodeSelector: maybe(stringMap(labelKey, labelValue), 0.15),
    tolerations: maybe(fc.array(toleration, { maxLength: 2 }), 0.15),
    env: maybe(stringMap(envName, annotationValue), 0.15),
    entrypointArgs: maybe(mostly(fc.constantFrom('-Dfoo=bar', '--verbose'), fc.constantFrom('-Ds3.secret-key=x', ''), 6), 0.05),
    serviceAccountAnnotations: maybe(stringMap(fc.constantFrom(`${name}.example.com/owner`, 'eks.amazonaws.com/role-arn'), plainValue, 2), 0.1),
    serviceAccountLabels: maybe(stringMap(mostly(fc.constantFrom('team', 'example.com/cost'), fc.constantFrom('app', 'type'), 8), plainValue, 2), 0.1),
  }, { requiredKeys: [] });
}

function budget(pods: number | undefined, applies: boolean) {
  const valid = pods !== undefined && pods >= 2
    ? fc.record({ maxUnavailable: maybe(fc.integer({ min: 1, max: pods - 1 }), 0.5) }, { requiredKeys: [] })
    : fc.constant({});
  const invalid = fc.constantFrom({ maxUnavailable: 0 }, { maxUnavailable: 1.5 }, { maxUnavailable: 9 });
  return applies ? maybe(mostly(valid, invalid, 8), 0.4) : maybe(fc.constant({}), 0.02);
}

function jobManager(s: Shape) {
  const replicas = s.ha !== 'none'
    ? maybe(mostly(fc.integer({ min: 1, max: 3 }), fc.constant(0), 40), 0.6)
    : maybe(mostly(fc.constant(1), fc.integer({ min: 0, max: 3 }), 10), 0.1);
  return replicas.chain(r => fc.record({
    base: component('jobManager'),
    replicas: fc.constant(r),
    disruptionBudget: budget(r, s.ha !== 'none' && (r ?? 1) >= 2),
    ownerReferences: maybe(fc.constant<kplus.k8s.OwnerReference[]>([{ apiVersion: 'example.com/v1', kind: 'FlinkApp', name: 'owner', uid: '6e1c2a59-1c2f-4a8e-9d61-0f6c1f6b2f10' }]), 0.04),
  }).map(({ base, ...rest }) => ({ ...base, ...rest, entrypointArgs: s.standalone ? undefined : base.entrypointArgs })));
}

function taskManager(s: Shape) {
  const autoscaling = s.reactive
    ? maybe(fc.tuple(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), maybe(mostly(fc.integer({ min: 20, max: 90 }), fc.constant(0), 8)),
    ).map(([min, more, target]) => ({
      minReplicas: min === 1 ? undefined : min,
      maxReplicas: min + more,
      targetCpuUtilization: target,
    })), 0.5)
    : maybe(fc.constant({ maxReplicas: 3 }), 0.01);
  return autoscaling.chain(scaling => {
    const replicas = scaling !== undefined ? maybe(fc.constant(2), 0.05)
      : s.standalone ? maybe(mostly(fc.integer({ min: 1, max: 4 }), fc.constant(0), 40), 0.6)
        : maybe(fc.integer({ min: 1, max: 3 }), 0.01);
    return replicas.chain(r => fc.record({
      base: component('taskManager'),
      replicas: fc.constant(r),
      autoscaling: fc.constant(scaling),
      taskSlots: maybe(mostly(fc.integer({ min: 1, max: 8 }), fc.constant(0), 40)),
      idleTimeout: s.standalone
        ? maybe(fc.constant(Duration.minutes(1)), 0.02)
        : maybe(fc.constantFrom(Duration.minutes(5), Duration.seconds(0)), 0.1),
      localRecovery: s.standalone
        ? maybe(fc.record({
          storage: mostly(fc.constantFrom(Size.gibibytes(10), Size.mebibytes(512)), fc.constant(Size.kibibytes(100)), 30),
          storageClassName: maybe(fc.constant('fast-ssd')),
        }, { requiredKeys: ['storage'] }), 0.2)
        : maybe(fc.constant({ storage: Size.gibibytes(1) }), 0.01),
      disruptionBudget: budget(r ?? scaling?.maxReplicas ?? 1, s.standalone && (r ?? scaling?.maxReplicas ?? 1) >= 2),
      serviceAccount: maybe(fc.constant('tm-account'), 0.015),
    }).map(({ base, ...rest }) => ({ ...base, ...rest, entrypointArgs: s.standalone ? undefined : base.entrypointArgs })));
  });
}

const restPeer: fc.Arbitrary<kplus.k8s.NetworkPolicyPeer> = mostly(
  fc.oneof(
    fc.constant<kplus.k8s.NetworkPolicyPeer>({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }),
    fc.constant<kplus.k8s.NetworkPolicyPeer>({ podSelector: { matchLabels: { app: 'ci' } }, namespaceSelector: {} }),
    fc.constant<kplus.k8s.NetworkPolicyPeer>({ podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['gateway', 'ui'] }] } }),
    fc.constant<kplus.k8s.NetworkPolicyPeer>({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }),
    fc.record({ podSelector: fc.record({ matchLabels: stringMap(labelKey, labelValue, 2) }) }),
  ),
  fc.constantFrom<kplus.k8s.NetworkPolicyPeer>(
    {},
    { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} },
    { ipBlock: { cidr: '10.0.0.0/33' } },
    { ipBlock: { cidr: '10.0.0.0/16', except: ['192.168.0.0/24'] } },
    { podSelector: { matchExpressions: [{ key: 'role', operator: 'Exists', values: ['x'] }] } },
  ),
  6,
);

function networkPolicy(s: Shape) {
  if (s.hostNetwork) return maybe(mostly(fc.constant<{ enabled: boolean }>({ enabled: false }), fc.constant({ enabled: true }), 3), 0.3);
  return maybe(fc.record({
    enabled: maybe(mostly(fc.constant(true), fc.constant(false), 3), 0.4),
    restPeers: maybe(fc.array(restPeer, { maxLength: 2 }), 0.6),
    metricsPeers: maybe(fc.array(restPeer, { maxLength: 2 }), 0.1),
  }, { requiredKeys: [] }).map(p => (
    // mostly not both: peers do nothing without the policies
    p.enabled === false && p.restPeers !== undefined && p.restPeers.length % 2 === 0 ? { enabled: false } : p
  )), 0.3);
}

const identity: fc.Arbitrary<IdentitySpec> = fc.oneof(
  mostly(fc.constant<IdentitySpec>(['aws', 'arn:aws:iam::111122223333:role/flink']), fc.constant<IdentitySpec>(['aws', 'arn:aws:iam::1:role/x']), 20),
  mostly(fc.constant<IdentitySpec>(['gcp', 'flink@my-project.iam.gserviceaccount.com']), fc.constant<IdentitySpec>(['gcp', 'flink@example.com']), 20),
  mostly(
    fc.constantFrom<IdentitySpec>(['azure', '00000000-0000-0000-0000-000000000001', undefined], ['azure', '00000000-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111']),
    fc.constant<IdentitySpec>(['azure', 'not-a-uuid', undefined]),
    20,
  ),
);

function highAvailability(s: Shape): fc.Arbitrary<HaSpec | undefined> {
  if (s.ha === 'none') return maybe(fc.constant<HaSpec>({ type: 'kubernetes', storageDir: 's3://bucket/ha' }), 0.01);
  return fc.record({
    type: fc.constant(s.ha),
    storageDir: mostly(fc.constant(`${s.storage}://bucket/ha`), fc.constantFrom('', '/tmp/ha', 'hdfs:///ha', 'oss://bucket/ha'), 25),
    quorum: s.ha === 'zookeeper' ? mostly(fc.constant('zk-0.zk:2181,zk-1.zk:2181'), fc.constant(''), 30) : fc.constant(undefined),
    rootPath: s.ha === 'zookeeper' ? maybe(fc.constant('/flink'), 0.3) : fc.constant(undefined),
  });
}

function image(s: Shape) {
  return maybe(mostly(
    fc.constantFrom('registry.example.com/team/flink-job:1.4.0', `flink:${s.version.version}`, `docker.io/apache/flink:${s.version.version}-java17`),
    fc.constantFrom(`flink:${s.version.minorVersion}`, 'flink:1.17.0', ' '),
    25,
  ), 0.25);
}

function restService(s: Shape) {
  return maybe(fc.record({
    exposedType: maybe(fc.constantFrom(...Object.values(RestServiceExposedType))),
    annotations: maybe(stringMap(labelKey, annotationValue)),
    labels: s.version.isAtLeast(FlinkVersion.V2_2) ? maybe(stringMap(labelKey, labelValue, 2), 0.3) : maybe(fc.constant<Record<string, string>>({ team: 'x' }), 0.02),
    allowExternalAccess: maybe(fc.boolean()),
    loadBalancerSourceRanges: maybe(fc.constant<string[]>(['10.0.0.0/8']), 0.15),
    coherent: fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }, { requiredKeys: ['coherent'] }).map(({ coherent, ...r }) => {
    if (!coherent) return r;
    // as the REST Service's type needs: source ranges for a load balancer only, external types acknowledged
    const external = r.exposedType === RestServiceExposedType.NODE_PORT || r.exposedType === RestServiceExposedType.LOAD_BALANCER;
    const ranges = r.exposedType === RestServiceExposedType.LOAD_BALANCER ? r.loadBalancerSourceRanges : undefined;
    return { ...r, loadBalancerSourceRanges: ranges, allowExternalAccess: external && ranges === undefined ? true : r.allowExternalAccess };
  }), 0.2);
}

/** The cluster's props, as plain data (see the file's comment for the descriptions). */
function clusterFor(s: Shape) {
  const plugins: fc.Arbitrary<FlinkPlugin[] | undefined> = s.ha !== 'none'
    ? mostly(fc.subarray(PLUGINS[s.storage], { minLength: 1 }), fc.constantFrom<FlinkPlugin[] | undefined>(undefined, [FlinkPlugin.OSS]), 50)
    : maybe(fc.subarray([...PLUGINS[s.storage], FlinkPlugin.AZURE], { minLength: 1 }), 0.4);
  const prometheus = s.hostNetwork
    ? maybe(fc.constant({}), 0.05)
    : maybe(fc.record({ port: maybe(mostly(freePort, fc.constantFrom(0, 6123, 70000, 9249.5), 8)) }, { requiredKeys: [] }), 0.3);
  return prometheus.chain(prom => fc.record({
    version: fc.constant(s.version),
    mode: s.standalone ? fc.constant(DeploymentMode.STANDALONE) : maybe(fc.constant(DeploymentMode.NATIVE), 0.4),
    clusterId: s.ha !== 'none'
      ? mostly(dnsLabel, fc.constantFrom<string | undefined>(undefined, 'Bad_Id', 'a'.repeat(46)), 40)
      : maybe(mostly(dnsLabel, tricky, 12), 0.7),
    namespace: maybe(mostly(fc.constantFrom('analytics', 'team-a'), fc.constantFrom(' ', 'Bad_NS'), 12), 0.1),
    image: image(s),
    imagePullPolicy: maybe(fc.constantFrom(ImagePullPolicy.ALWAYS, ImagePullPolicy.NEVER), 0.1),
    imagePullSecrets: maybe(fc.constantFrom(['regcred'], ['regcred', 'mirror']), 0.1),
    serviceAccount: maybe(fc.constant('jm-account'), 0.015),
    jobManager: maybe(jobManager(s), s.ha !== 'none' ? 0.8 : 0.5),
    taskManager: maybe(taskManager(s), s.standalone ? 0.8 : 0.5),
    restService: restService(s),
    flinkConfiguration: s.reactive
      ? flinkConfiguration(s).map(c => ({ 'execution.checkpointing.interval': '10 s', ...c }))
      : maybe(flinkConfiguration(s), 0.4),
    highAvailability: highAvailability(s),
    plugins,
    logging: maybe(fc.record({
      rootLevel: maybe(fc.constantFrom(LogLevel.DEBUG, LogLevel.WARN)),
      loggers: maybe(stringMap(mostly(fc.constantFrom('org.apache.flink', 'com.example', 'akka'), fc.constantFrom('bad logger', 'a=b', ''), 6), fc.constantFrom(LogLevel.INFO, LogLevel.ERROR))),
      reloadInterval: maybe(mostly(fc.constantFrom(Duration.seconds(30), Duration.minutes(1)), fc.constant(Duration.millis(1)), 6)),
    }, { requiredKeys: [] }), 0.15),
    logConfigFiles: maybe(mostly(
      fc.constant<Record<string, string>>({ [s.version.logConfigFileNames[0]]: 'rootLogger.level = INFO\nrootLogger.appenderRef.console.ref = ConsoleAppender\n' }),
      fc.constant<Record<string, string>>({ 'log4j2.xml': '<Configuration/>' }),
      6,
    ), 0.05),
    runAsNonRoot: maybe(mostly(fc.constant(true), fc.constant(false), 4), 0.1),
    hostNetwork: s.hostNetwork ? fc.constant(true) : maybe(fc.constant(false), 0.05),
    podSecurity: s.hostNetwork
      ? mostly(fc.constant(PodSecurityStandard.PRIVILEGED), fc.constant(PodSecurityStandard.BASELINE), 8)
      : maybe(fc.constantFrom(...Object.values(PodSecurityStandard)), 0.15),
    ownerReferencesPermissionEnforcement: s.standalone ? maybe(fc.constant(true), 0.01) : maybe(fc.boolean(), 0.05),
    hadoopConfigMap: maybe(fc.constant('hadoop-conf'), 0.04),
    decorators: maybe(
      fc.record({ hadoopConfMount: maybe(fc.boolean()), kerberosMount: maybe(fc.boolean()) }, { requiredKeys: [] }),
      s.version.isAtLeast(FlinkVersion.V1_17) ? 0.05 : 0.01,
    ),
    kubernetesClient: maybe(fc.record({ maxConcurrentRequests: mostly(fc.integer({ min: 1, max: 256 }), fc.constant(0), 8) }), s.standalone && s.ha !== 'kubernetes' ? 0.01 : 0.05),
    secrets: maybe(fc.uniqueArray(fc.record({ secret: secretName, mountPath: mostly(fc.constantFrom('/opt/secrets/a', '/opt/secrets/b'), fc.constantFrom('relative', '/opt/flink/conf'), 20) }), { minLength: 1, maxLength: 2, selector: m => m.secret }), 0.1),
    secretEnv: maybe(fc.uniqueArray(fc.record({ name: mostly(fc.constantFrom('AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'), fc.constantFrom('1BAD', '_POD_IP_ADDRESS'), 8), secret: fc.constant('aws'), key: fc.constantFrom('id', 'secret') }), { minLength: 1, maxLength: 2, selector: e => e.name }), 0.1),
    networkPolicy: networkPolicy(s),
    prometheus: fc.constant(prom),
    podMonitor: prom !== undefined
      ? maybe(fc.record({
        labels: maybe(stringMap(mostly(fc.constantFrom('release', 'example.com/team'), fc.constantFrom('app', 'type'), 8), plainValue, 2)),
        interval: maybe(mostly(fc.constantFrom(Duration.seconds(15), Duration.minutes(1)), fc.constant(Duration.millis(1500)), 8)),
      }, { requiredKeys: [] }), 0.5)
      : maybe(fc.constant({}), 0.01),
    workloadIdentity: maybe(identity, 0.15),
    allowCredentialsInConfigMap: maybe(fc.boolean(), 0.05),
    suspended: s.suspended ? fc.constant(true) : maybe(fc.constant(false), 0.05),
    coherent: fc.oneof({ weight: 19, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }).map(({ coherent, ...cluster }) => {
    // mostly as a user would: checkpoints on the storage's scheme come with its plugin
    const dirs = Object.entries(cluster.flinkConfiguration ?? {}).filter(([k, v]) => k.endsWith('checkpoints.dir') || (k.endsWith('checkpointing.dir') && v.startsWith(`${s.storage}://`)));
    const served = (cluster.plugins ?? []).some(p => PLUGINS[s.storage].includes(p));
    return coherent && dirs.length > 0 && !served ? { ...cluster, plugins: [...(cluster.plugins ?? []), PLUGINS[s.storage][0]] } : cluster;
  }));
}

export type ClusterSpec = typeof clusterFor extends (s: Shape) => fc.Arbitrary<infer T> ? T : never;

// --- the job -------------------------------------------------------------------------------------------------------

function artifact(s: Shape): fc.Arbitrary<ArtifactSpec> {
  const valid: Array<fc.Arbitrary<ArtifactSpec>> = [fc.constant<ArtifactSpec>(['image', '/opt/flink/usrlib/job.jar'])];
  if (s.version.isAtLeast(FlinkVersion.V1_19)) valid.push(fc.constantFrom<ArtifactSpec>(['url', 'https://repo.example.com/job.jar'], ['url', 's3://bucket/job.jar']));
  if (s.version.isAtLeast(FlinkVersion.V2_0)) valid.push(fc.constant<ArtifactSpec>(['system']));
  return mostly(fc.oneof(...valid), fc.constantFrom<ArtifactSpec>(
    ['image', 'job.jar'], ['image', '/opt/flink/usrlib/my job.jar'], ['url', 'http://repo.example.com/job.jar'], ['url', 'file:///job.jar'], ['system'], ['url', 'https://repo.example.com/job.jar'],
  ), 20);
}

function jobFor(s: Shape) {
  const upgradeMode: fc.Arbitrary<UpgradeMode | undefined> = s.ha === 'kubernetes'
    ? mostly(fc.constantFrom(UpgradeMode.SAVEPOINT, UpgradeMode.LAST_STATE, UpgradeMode.STATELESS), fc.constant(undefined), 40)
    : s.ha === 'zookeeper'
      ? mostly(fc.constantFrom(UpgradeMode.SAVEPOINT, UpgradeMode.STATELESS), fc.constantFrom(undefined, UpgradeMode.LAST_STATE), 40)
      : s.suspended
        ? mostly(fc.constant(UpgradeMode.STATELESS), fc.constant(undefined), 3)
        : maybe(mostly(fc.constant(UpgradeMode.STATELESS), fc.constant(UpgradeMode.SAVEPOINT), 12), 0.3);
  return upgradeMode.chain(mode => {
    const restores = mode !== UpgradeMode.STATELESS && (s.ha !== 'none' || mode === undefined);
    const savepoint = fc.record({
      path: mostly(fc.constant(`${s.storage}://bucket/savepoints/savepoint-1`), fc.constantFrom('relative/path', '', '/local/sp'), 12),
      allowNonRestoredState: maybe(fc.boolean()),
      claimMode: s.standalone
        ? maybe(fc.constant(RecoveryClaimMode.NO_CLAIM), 0.03)
        : maybe(s.ha === 'none' ? mostly(fc.constant(RecoveryClaimMode.NO_CLAIM), fc.constant(RecoveryClaimMode.CLAIM), 6) : fc.constantFrom(RecoveryClaimMode.CLAIM, RecoveryClaimMode.NO_CLAIM, RecoveryClaimMode.LEGACY), 0.3),
      restoreOnEveryStart: s.ha === 'none' ? mostly(fc.constant(true), fc.constantFrom(undefined, false), 8) : maybe(fc.constant(true), 0.03),
    });
    // every key present (fc.record drops the keys requiredKeys leaves out): maybe() decides what is unset
    return fc.record({
      artifact: artifact(s),
      entryClass: maybe(mostly(fc.constantFrom('com.example.Job', 'a.Outer$Inner'), fc.constant('not a class'), 30), 0.6),
      args: maybe(fc.array(mostly(fc.constantFrom('--input', 's3://bucket/in', '--window=5 min', 'a;b', "it's", '$(HOME)', '0o17'), tricky, 10), { maxLength: 4 }), 0.4),
      parallelism: s.reactive ? maybe(fc.constant(2), 0.03) : maybe(mostly(fc.integer({ min: 1, max: 8 }), fc.constant(0), 20)),
      savepoint: restores ? maybe(savepoint, s.suspended && s.ha === 'none' ? 0.9 : 0.25) : maybe(savepoint, 0.03),
      upgradeMode: fc.constant(mode),
      additionalArtifacts: s.standalone
        ? maybe(fc.constant<ArtifactSpec[]>([['url', 'https://repo.example.com/udf.jar']]), 0.02)
        : maybe(mostly(fc.constant<ArtifactSpec[]>([['url', 'https://repo.example.com/udf.jar']]), fc.constant<ArtifactSpec[]>([['system']]), 6), s.version.isAtLeast(FlinkVersion.V1_19) ? 0.1 : 0.01),
      artifactHttpHeaders: maybe(mostly(fc.constant<Record<string, string>>({ 'X-Trace': 'fuzz' }), fc.constant<Record<string, string>>({ Authorization: 'Bearer abc' }), 4), s.version.isAtLeast(FlinkVersion.V1_19) ? 0.05 : 0.01),
      allowRawHttp: maybe(fc.boolean(), s.version.isAtLeast(FlinkVersion.V1_19) ? 0.05 : 0.01),
      shutdownOnFinish: s.standalone ? maybe(mostly(fc.constant(false), fc.constant(true), 8), 0.05) : maybe(fc.boolean(), 0.1),
      reactiveMode: s.reactive ? fc.constant(true) : maybe(fc.boolean(), 0.03),
    }).map(job => (
      // the standalone entrypoint needs the entry class of a job on the system classpath: mostly given
      s.standalone && job.artifact[0] === 'system' && job.entryClass === undefined && job.args === undefined ? { ...job, entryClass: 'com.example.Job' } : job
    ));
  });
}

export type JobSpec = typeof jobFor extends (s: Shape) => fc.Arbitrary<infer T> ? T : never;

// --- the ingress and the rest of the app ---------------------------------------------------------------------------

const ingress: fc.Arbitrary<IngressSpec> = fc.record({
  routing: fc.oneof(
    { weight: 8, arbitrary: fc.record({ path: maybe(fc.constant('/'), 0.3), controller: maybe(fc.constantFrom<'NGINX' | 'TRAEFIK' | 'OTHER'>('NGINX', 'TRAEFIK', 'OTHER'), 0.3) }, { requiredKeys: [] }) },
    { weight: 8, arbitrary: fc.record({ path: fc.constantFrom('/flink/ui', '/flink/ui/', '/a.b_c-d'), controller: mostly(fc.constantFrom<'NGINX' | 'TRAEFIK'>('NGINX', 'TRAEFIK'), fc.constantFrom<'OTHER' | undefined>('OTHER', undefined), 25) }) },
    { weight: 1, arbitrary: fc.record({ path: fc.constantFrom('flink', '/a//b', '/a b', '/..'), controller: fc.constant<'NGINX'>('NGINX') }) },
  ),
  host: maybe(mostly(fc.constantFrom('flink.example.com', '*.example.com', 'ui.team-a.example.com'), fc.constantFrom('10.0.0.1', 'Bad_Host', 'a..b', '*'), 16), 0.7),
  className: maybe(fc.constantFrom('nginx', 'traefik'), 0.4),
  tlsSecret: maybe(fc.constant('flink-tls'), 0.2),
  annotations: maybe(stringMap(fc.constantFrom('cert-manager.io/cluster-issuer', 'nginx.ingress.kubernetes.io/rewrite-target', 'example.com/auth'), plainValue, 2), 0.2),
  name: maybe(mostly(fc.constantFrom('flink-ui', 'ui'), fc.constantFrom('Bad_Name', 'ui-'), 8), 0.3),
}, { requiredKeys: ['routing'] }).map(({ routing, ...rest }) => ({ ...rest, ...routing }));

const secondCluster: fc.Arbitrary<SecondClusterSpec> = fc.record({
  clusterId: fc.constantFrom('same', 'rest', 'taskmanager', 'jobmanager', 'other-cluster'),
  standalone: fc.boolean(),
  otherNamespace: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

export interface FuzzCase {
  readonly shape: Shape;
  readonly cluster: ClusterSpec;
  /** an application cluster's job; undefined for a session cluster */
  readonly job?: JobSpec;
  readonly templates?: { readonly placement: TemplatePlacement; readonly first: TemplateSpec; readonly second: TemplateSpec };
  readonly ingresses: IngressSpec[];
  readonly second?: SecondClusterSpec;
  /** an RbacBinding for the cluster: for service accounts it brings, or (an error) for those it creates */
  readonly rbac?: { readonly bindJobManager?: boolean; readonly bindTaskManager?: boolean; readonly accounts: boolean };
}

export const anyCase: fc.Arbitrary<FuzzCase> = shape.chain(s => fc.record({
  shape: fc.constant(s),
  cluster: clusterFor(s),
  job: s.application ? jobFor(s) : fc.constant(undefined),
  templates: maybe(fc.record({
    placement: fc.constantFrom<TemplatePlacement>('podTemplate', 'jobManager', 'taskManager', 'both'),
    first: templateSpec,
    second: templateSpec,
  }), 0.5),
  ingresses: fc.oneof(
    { weight: 6, arbitrary: fc.constant<IngressSpec[]>([]) },
    { weight: 3, arbitrary: ingress.map(i => [i]) },
    { weight: 1, arbitrary: fc.array(ingress, { minLength: 2, maxLength: 2 }) },
  ),
  second: maybe(secondCluster, 0.08),
  rbac: maybe(fc.record({ bindJobManager: maybe(fc.boolean()), bindTaskManager: maybe(fc.boolean()), accounts: fc.boolean() }, { requiredKeys: ['accounts'] }), 0.05),
  coherent: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
}).map(({ coherent, ...c }) => (coherent ? asUsersWrite(s, c) : c)));

/**
 * Mostly as a user would write it, following the errors' advice: a checkpoint directory on the cluster's storage
 * for the upgrade modes that restore checkpoints, metrics peers only with a reporter, and the NetworkPolicy letting an
 * Ingress's controller in.
 */
function asUsersWrite(s: Shape, c: FuzzCase): FuzzCase {
  let cluster = c.cluster;
  const restores = c.job?.upgradeMode === UpgradeMode.SAVEPOINT || c.job?.upgradeMode === UpgradeMode.LAST_STATE;
  const config = cluster.flinkConfiguration ?? {};
  if (restores && !Object.keys(config).some(k => k === 'execution.checkpointing.dir' || k === 'state.checkpoints.dir')) {
    const key = s.version.isAtLeast(FlinkVersion.V1_20) ? 'execution.checkpointing.dir' : 'state.checkpoints.dir';
    const served = (cluster.plugins ?? []).some(p => PLUGINS[s.storage].includes(p));
    const plugins = served ? cluster.plugins : [...(cluster.plugins ?? []), PLUGINS[s.storage][0]];
    cluster = { ...cluster, plugins, flinkConfiguration: { ...config, [key]: `${s.storage}://bucket/flink/checkpoints` } };
  }
  // peers for the metrics port only where there is a reporter
  if (cluster.prometheus === undefined && cluster.networkPolicy !== undefined && 'metricsPeers' in cluster.networkPolicy) {
    const { metricsPeers: _, ...rest } = cluster.networkPolicy;
    cluster = { ...cluster, networkPolicy: rest };
  }
  const policy = cluster.networkPolicy;
  const peers = policy !== undefined && 'restPeers' in policy ? policy.restPeers : undefined;
  if (c.ingresses.length > 0 && policy?.enabled !== false && peers === undefined && !s.hostNetwork) {
    cluster = { ...cluster, networkPolicy: { ...policy, restPeers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] } };
  }
  return { ...c, cluster };
}
