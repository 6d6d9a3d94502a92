import { applicationDefaults, setJobProps } from './application';
import { explicit, FlinkConfig, where } from './config';
import { Reader } from './config-reader';
import { distributionDefaults } from './distribution';
import { defaultLogConfigFiles } from './log-config';
import { jobManagerProcessMemoryMiB, taskManagerProcessMemoryMiB } from './memory';
import { checkUserKey, keyOf, MASTER_ENV_PREFIX, Options, OptionSpec, TASKMANAGER_ENV_PREFIX } from './options';
import { emptyPod, FlinkPod, nonRootPod } from './pod';
import { PodTemplateSource, taskManagerTemplateText, toFlinkPod, withDefaults } from './pod-template';
import { checkPodTemplates } from './pod-template-facts';
import { setTypedProps } from './typed-props';
import type { FlinkApplicationClusterProps } from '../application-cluster';
import { FlinkClusterProps, ImagePullPolicy, RestServiceExposedType, RestServiceOptions } from '../cluster-options';
import { FlinkVersion } from '../flink-version';
import type { FlinkLoggingOptions } from '../logging';
import type { PodTemplate } from '../pod-template';

/** Session or application mode: `execution.target` and the JobManager entrypoint follow it. */
export enum DeploymentTarget {
  SESSION = 'kubernetes-session',
  APPLICATION = 'kubernetes-application',
}

const ENTRYPOINT_CLASS: Record<DeploymentTarget, string> = {
  [DeploymentTarget.SESSION]: 'org.apache.flink.kubernetes.entrypoint.KubernetesSessionClusterEntrypoint',
  [DeploymentTarget.APPLICATION]: 'org.apache.flink.kubernetes.entrypoint.KubernetesApplicationClusterEntrypoint',
};

/** What the construct knows that props do not. */
export interface ResolveContext {
  readonly target: DeploymentTarget;
  /** the cluster id derived from the construct path, used when none is given */
  readonly defaultClusterId: () => string;
  /** the chart's namespace, if any */
  readonly chartNamespace?: string;
}

export interface ResolvedToleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
  readonly tolerationSeconds?: number;
}

export interface ResolvedOwnerReference {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

export interface ResolvedSecretKeyRef {
  readonly env: string;
  readonly secret: string;
  readonly key: string;
}

/** The JobManager as Flink's `KubernetesJobManagerParameters` sees it. */
export interface ResolvedJobManager {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly nodeSelector: Record<string, string>;
  readonly tolerations: ResolvedToleration[];
  readonly ownerReferences: ResolvedOwnerReference[];
  readonly replicas: number;
  readonly cpu: number;
  readonly cpuLimitFactor: number;
  readonly memoryMiB: number;
  readonly memoryLimitFactor: number;
  /** `containerized.master.env.*`, sorted by name */
  readonly env: Array<[string, string]>;
  readonly entrypointArgs: string;
  /** the service account name; `createdServiceAccount` says whether we create it */
  readonly serviceAccount: string;
}

/** The immutable result of resolving a cluster's props: everything the renderers need. */
export interface ResolvedCluster {
  readonly version: FlinkVersion;
  readonly target: DeploymentTarget;
  readonly clusterId: string;
  readonly namespace: string;
  readonly config: FlinkConfig;
  /** log configuration files shipped before the configuration file, in Flink's order */
  readonly logFiles: Array<[string, string]>;
  readonly highAvailability: boolean;
  /**
   * whether the JobManager deletes its own Deployment when it shuts down: a session cluster on an explicit
   * stop, an application cluster when the application finishes, if `execution.shutdown-on-application-finish`
   */
  readonly deletesOwnDeployment: boolean;
  /** `high-availability.type: kubernetes` (or its factory class): HA state lives in ConfigMaps */
  readonly kubernetesHighAvailability: boolean;
  readonly hostNetwork: boolean;
  /** the JobManager needs `update` on its Deployment's finalizers to own TaskManager pods (OpenShift) */
  readonly ownerReferencesPermissionEnforcement: boolean;
  readonly image: string;
  readonly imagePullPolicy: string;
  readonly imagePullSecrets: string[];
  readonly entryPath: string;
  readonly confDir: string;
  readonly logDir?: string;
  readonly restPort: number;
  readonly restBindPort: number;
  readonly rpcPort: number;
  readonly blobPort: number;
  readonly restServiceType: RestServiceExposedType;
  readonly restServiceAnnotations: Record<string, string>;
  /** `spec.loadBalancerSourceRanges` of a LoadBalancer REST Service (ours, not Flink's) */
  readonly restServiceSourceRanges?: string[];
  readonly restServiceLabels: Record<string, string>;
  readonly internalServiceAnnotations: Record<string, string>;
  readonly internalServiceLabels: Record<string, string>;
  readonly secrets: Array<[string, string]>;
  readonly envSecretKeyRefs: ResolvedSecretKeyRef[];
  readonly hadoopConfigMap?: string;
  readonly userArtifactsDir?: string;
  readonly jobManager: ResolvedJobManager;
  /** the pod the JobManager decorators start from, as Flink starts from `kubernetes.pod-template-file.jobmanager` */
  readonly jobManagerPodTemplate: FlinkPod;
  /** the TaskManager pod template file shipped in `pod-template-<clusterId>`, if any */
  readonly taskManagerPodTemplate?: string;
  readonly taskManagerServiceAccount: string;
  /** whether the JobManager's service account is ours to create and bind */
  readonly createJobManagerServiceAccount: boolean;
  /** whether the TaskManagers' service account is ours to create */
  readonly createTaskManagerServiceAccount: boolean;
}

const CLUSTER_ID_PATTERN = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** `Constants.MAXIMUM_CHARACTERS_OF_CLUSTER_ID` */
const MAX_CLUSTER_ID_LENGTH = 45;

/**
 * Keys `FlinkConfMountDecorator.getClusterSidePropertiesMap` removes before shipping (reference §2.2), with
 * the fallback and deprecated keys `Configuration.removeConfig` removes in their place (`rest.bind-address`
 * falls back to `web.address` and `jobmanager.web.address`, `RestOptions.BIND_ADDRESS`).
 */
const REMOVED_BY_CLIENT = [
  'kubernetes.config.file',
  '$internal.deployment.config-dir',
  'rest.bind-address',
  'web.address',
  'jobmanager.web.address',
  'jobmanager.bind-host',
  'taskmanager.bind-host',
  'taskmanager.host',
];

/**
 * Where the JobManager reads the TaskManager pod template, whatever the option says
 * (`KubernetesUtils.getTaskManagerPodTemplateFileInPod`, reference §1.7).
 */
export const TASK_MANAGER_POD_TEMPLATE_PATH = '/opt/flink/pod-template/taskmanager-pod-template.yaml';

/**
 * Environment variables Flink's decorators set on the main containers (`InitJobManagerDecorator`,
 * `InitTaskManagerDecorator`, `EnvSecretsDecorator`, `HadoopConfMountDecorator`; reference §1.1, §1.9):
 * a `containerized.*.env.*` of the same name would be replaced or duplicated.
 */
function checkReservedEnv(config: FlinkConfig, flink: { logDir: boolean; hadoop: boolean; secretEnv: string[] }): void {
  const common = [...(flink.logDir ? ['FLINK_LOG_DIR'] : []), ...(flink.hadoop ? ['HADOOP_CONF_DIR'] : []), ...flink.secretEnv];
  const reserved: Array<[string, string, string[]]> = [
    [MASTER_ENV_PREFIX, 'JobManager\'s', ['_POD_IP_ADDRESS', ...common]],
    [TASKMANAGER_ENV_PREFIX, 'TaskManagers\'', ['_POD_NODE_ID', 'FLINK_TM_JVM_MEM_OPTS', ...(config.has('env.java.home') ? ['JAVA_HOME'] : []), ...common]],
  ];
  for (const [prefix, component, names] of reserved) {
    for (const e of config.withPrefix(prefix)) {
      const name = e.key.substring(prefix.length);
      if (names.includes(name)) {
        throw new Error(`${where(e, e.key)}: Flink sets the ${component} environment variable ${name} itself; remove it`);
      }
    }
  }
}

/**
 * The REST API accepts and runs any job, so a Service reachable from outside the Kubernetes cluster must be
 * chosen knowingly: source ranges for a load balancer, or an explicit acknowledgement.
 */
function checkExposure(reader: Reader, type: RestServiceExposedType, rest: RestServiceOptions): string[] | undefined {
  const ranges = rest.loadBalancerSourceRanges;
  if (ranges !== undefined && type !== RestServiceExposedType.LOAD_BALANCER) {
    throw new Error(`'restService.loadBalancerSourceRanges' applies to a LoadBalancer Service only; the REST Service is ${type}`);
  }
  const external = type === RestServiceExposedType.NODE_PORT || type === RestServiceExposedType.LOAD_BALANCER;
  if (external && rest.allowExternalAccess !== true && !(ranges && ranges.length > 0)) {
    const fix = type === RestServiceExposedType.LOAD_BALANCER
      ? 'set \'restService.loadBalancerSourceRanges\' to the networks that may reach it, or \'restService.allowExternalAccess: true\''
      : 'set \'restService.allowExternalAccess: true\' if that is intended, or keep ClusterIP and use kubectl port-forward or an authenticating ingress';
    reader.fail(Options.REST_SERVICE_EXPOSED_TYPE, `a ${type} Service exposes Flink's REST API, which runs any job submitted to it, beyond the Kubernetes cluster; ${fix}`);
  }
  return ranges && ranges.length > 0 ? [...ranges] : undefined;
}

function parseTolerations(reader: Reader, option: OptionSpec): ResolvedToleration[] {
  // KubernetesToleration.fromMap: keys are case-insensitive, tolerationSeconds is a Long
  return reader.listOfMaps(option).map(raw => {
    const m: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) m[k.toLowerCase()] = v;
    const seconds = m.tolerationseconds;
    if (seconds !== undefined && !/^-?\d+$/.test(seconds.trim())) {
      reader.fail(option, `tolerationSeconds '${seconds}' is not a whole number`);
    }
    return {
      key: m.key,
      operator: m.operator,
      value: m.value,
      effect: m.effect,
      tolerationSeconds: seconds === undefined ? undefined : Number(seconds.trim()),
    };
  });
}

function parseOwnerReferences(reader: Reader): ResolvedOwnerReference[] {
  // KubernetesOwnerReference.fromMap: keys are case-insensitive, booleans via Boolean.valueOf
  return reader.listOfMaps(Options.JM_OWNER_REFERENCE).map(raw => {
    const m: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) m[k.toLowerCase()] = v;
    const bool = (v: string | undefined) => (v === undefined ? undefined : v.toLowerCase() === 'true');
    return {
      apiVersion: m.apiversion,
      kind: m.kind,
      name: m.name,
      uid: m.uid,
      controller: bool(m.controller),
      blockOwnerDeletion: bool(m.blockownerdeletion),
    };
  });
}

/** `HighAvailabilityMode.fromConfig`: NONE/standalone mean off; ZOOKEEPER, KUBERNETES or a factory class mean on. */
function isHighAvailability(reader: Reader): boolean {
  const mode = reader.string(Options.HA_TYPE)?.trim();
  return mode !== undefined && mode !== '' && !['none', 'standalone'].includes(mode.toLowerCase());
}

function isKubernetesHighAvailability(reader: Reader): boolean {
  const mode = reader.string(Options.HA_TYPE)?.trim() ?? '';
  return mode.toLowerCase() === 'kubernetes' || mode === 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory';
}

/**
 * Resolves props into the effective configuration and every value the renderers need, applying what
 * Flink's client does in `KubernetesClusterDescriptor.deployClusterInternal` and the decorators' parameter
 * classes (reference §1, §2.2, §5). Every error is thrown here, at construction.
 */
export function resolveCluster(props: FlinkClusterProps, context: ResolveContext): ResolvedCluster {
  const version = props.version;
  const ordinal = version.ordinal;
  const config = new FlinkConfig();
  const key = (o: OptionSpec) => keyOf(o, ordinal);

  // 1. the distribution's conf/ file, which the ConfigMap replaces in the pod
  for (const [k, v] of distributionDefaults(version)) config.set(k, v);

  if (context.target === DeploymentTarget.APPLICATION) {
    for (const [k, v] of applicationDefaults(version)) config.set(k, v);
  }

  // 2. typed props, then -D options
  setTypedProps(config, props, version);
  if (context.target === DeploymentTarget.APPLICATION) setJobProps(config, (props as FlinkApplicationClusterProps).job, version);
  for (const [k, v] of Object.entries(props.flinkConfiguration ?? {})) {
    const prop = `flinkConfiguration['${k}']`;
    checkUserKey(k, ordinal, prop);
    if (typeof v !== 'string') throw new Error(`${prop} is ${JSON.stringify(v)}: Flink options are strings, as on the command line; write '${String(v)}'`);
    if (k.startsWith('kubernetes.pod-template-file')) {
      throw new Error(`${prop}: '${k}' names a file on the machine that runs Flink's client, which a synth does not read; load it with PodTemplate.fromFile() and pass it as 'podTemplate' (or 'jobManager.podTemplate', 'taskManager.podTemplate')`);
    }
    if (k === keyOf(Options.ARTIFACTS_LOCAL_UPLOAD_ENABLED, ordinal) && v.trim().toLowerCase() === 'true') {
      throw new Error(`${prop}: Flink's client uploads local artifacts at deploy time (DefaultKubernetesArtifactUploader), which a synth cannot do; upload the jar yourself and use JobArtifact.fromUrl()`);
    }
    if (REMOVED_BY_CLIENT.includes(k)) {
      throw new Error(`${prop}: Flink's client removes '${k}' before shipping the configuration (FlinkConfMountDecorator), so it would have no effect; remove it`);
    }
    config.set(k, v, explicit(prop));
  }
  for (const k of REMOVED_BY_CLIENT) config.delete(k);
  const maxRequests = props.kubernetesClient?.maxConcurrentRequests;
  if (maxRequests !== undefined) {
    // Flink's documentation sets the system property for Fabric8 next to the env var; join any JVM options given
    const opts = [config.get('env.java.opts.jobmanager'), `-Dkubernetes.max.concurrent.requests=${maxRequests}`].filter(o => o !== undefined).join(' ');
    config.put('env.java.opts.jobmanager', opts);
  }

  const reader = new Reader(config, version);

  // 3. what the client derives
  const clusterId = reader.string(Options.CLUSTER_ID) ?? context.defaultClusterId();
  validateClusterId(clusterId, config.entry(key(Options.CLUSTER_ID))?.origin.prop ?? 'clusterId (derived from the construct path)');
  config.put(key(Options.CLUSTER_ID), clusterId);

  const namespace = reader.string(Options.NAMESPACE) ?? context.chartNamespace ?? 'default';
  if (namespace.trim() === '') reader.fail(Options.NAMESPACE, 'the namespace must not be blank');
  config.put(key(Options.NAMESPACE), namespace);

  // pod templates: kubernetes.pod-template-file.<component> falls back to .default
  const jmTemplate = templateOf(props.jobManager?.podTemplate, props.podTemplate, 'jobManager.podTemplate');
  const tmTemplate = templateOf(props.taskManager?.podTemplate, props.podTemplate, 'taskManager.podTemplate');
  const jmMain = jmTemplate ? toFlinkPod(jmTemplate.json).mainContainer : {};
  const tmMain = tmTemplate ? toFlinkPod(tmTemplate.json).mainContainer : {};

  // the image: an explicit option, else the template's, else the default (resolveUserDefinedValue); the
  // option is shipped so TaskManagers run the JobManager's image, unless their template names one
  const imageExplicit = config.isExplicit(key(Options.CONTAINER_IMAGE));
  const image = reader.string(Options.CONTAINER_IMAGE) ?? jmMain.image ?? version.defaultImage;
  if (image.trim() === '') reader.fail(Options.CONTAINER_IMAGE, 'the image must not be blank');
  if (imageExplicit || tmMain.image === undefined) config.put(key(Options.CONTAINER_IMAGE), image);
  const plugins = config.entry(`${MASTER_ENV_PREFIX}ENABLE_BUILT_IN_PLUGINS`);
  if (plugins?.origin.prop === 'plugins') {
    // the image as the user gave it: typed, as a raw option, or in the JobManager's template
    const from = imageExplicit ? where(config.entry(key(Options.CONTAINER_IMAGE)), '') : jmTemplate?.where ?? 'the default image';
    checkPluginImage(image, from === 'image' ? '\'image\'' : from, version, plugins.value);
  }

  const target = reader.string(Options.EXECUTION_TARGET);
  if (target !== undefined && target.trim().toLowerCase() !== context.target) {
    const perJob = /per-job|perjob/i.test(target);
    const fix = context.target === DeploymentTarget.SESSION
      ? (perJob ? 'per-job mode does not exist on native Kubernetes (KubernetesClusterDescriptor.deployJobCluster); run the job in a FlinkApplicationCluster instead' : `a FlinkSessionCluster always runs '${context.target}'; remove the option`)
      : (perJob ? 'per-job mode does not exist on native Kubernetes; this FlinkApplicationCluster already runs one job per cluster' : `a FlinkApplicationCluster always runs '${context.target}'; remove the option`);
    reader.fail(Options.EXECUTION_TARGET, fix);
  }
  config.put(key(Options.EXECUTION_TARGET), context.target);
  config.set(key(Options.EXECUTION_MODE), 'NORMAL');
  config.set(key(Options.INTERNAL_ENTRYPOINT_CLASS), ENTRYPOINT_CLASS[context.target]);

  if (context.target === DeploymentTarget.APPLICATION) checkPipelineJars(reader, version);

  const highAvailability = isHighAvailability(reader);
  if (highAvailability && reader.string(Options.HA_STORAGE_DIR) === undefined) {
    reader.fail(Options.HA_TYPE, 'high availability needs \'high-availability.storageDir\' (HighAvailabilityServicesUtils fails at JobManager start without it); set it to a durable file system path such as s3://bucket/flink-ha');
  }
  const hostNetwork = reader.boolean(Options.HOST_NETWORK, false);
  checkKerberos(config, reader, version);
  checkConfDir(config, reader);

  // ports: KubernetesUtils.checkAndUpdatePortConfigOption fixes "0" to the defaults
  const blobPort = reader.port(Options.BLOB_SERVER_PORT, 6124, 6124);
  config.put(key(Options.BLOB_SERVER_PORT), String(blobPort));
  const tmRpcPort = reader.port(Options.TASKMANAGER_RPC_PORT, 6122, 6122);
  config.put(key(Options.TASKMANAGER_RPC_PORT), String(tmRpcPort));
  const restPort = reader.port(Options.REST_PORT, 8081);
  const restBindPort = reader.port(Options.REST_BIND_PORT, restPort, 8081);
  if (reader.string(Options.REST_BIND_PORT)?.trim() === '0') config.put(key(Options.REST_BIND_PORT), '8081');
  const rpcPort = reader.port(Options.JOBMANAGER_RPC_PORT, 6123);

  if (highAvailability) {
    // KubernetesClusterDescriptor.deployClusterInternal
    const haClusterId = reader.string(Options.HA_CLUSTER_ID);
    if (haClusterId !== undefined && config.isExplicit(key(Options.HA_CLUSTER_ID)) && haClusterId !== clusterId) {
      reader.fail(Options.HA_CLUSTER_ID, `Flink's client overwrites it with the cluster id '${clusterId}'; remove it`);
    }
    config.put(key(Options.HA_CLUSTER_ID), clusterId);
    const haPort = reader.port(Options.HA_JOBMANAGER_PORT, 0, rpcPort);
    config.put(key(Options.HA_JOBMANAGER_PORT), String(haPort || rpcPort));
  } else {
    // InternalServiceDecorator points jobmanager.rpc.address at the internal Service
    const rpcAddress = `${clusterId}.${namespace}`;
    if (config.isExplicit(key(Options.JOBMANAGER_RPC_ADDRESS)) && reader.string(Options.JOBMANAGER_RPC_ADDRESS) !== rpcAddress) {
      reader.fail(Options.JOBMANAGER_RPC_ADDRESS, `without high availability Flink's client sets it to the internal Service '${rpcAddress}' (InternalServiceDecorator); remove it`);
    }
    config.put(key(Options.JOBMANAGER_RPC_ADDRESS), rpcAddress);
  }

  // service accounts: kubernetes.<component>.service-account, falling back to kubernetes.service-account
  const sharedAccount = reader.string(Options.SERVICE_ACCOUNT);
  const explicitJmAccount = reader.string(Options.JM_SERVICE_ACCOUNT) ?? sharedAccount;
  const explicitTmAccount = reader.string(Options.TM_SERVICE_ACCOUNT) ?? sharedAccount;
  const jmTemplateAccount = templateServiceAccount(jmTemplate);
  const tmTemplateAccount = templateServiceAccount(tmTemplate);
  const jmServiceAccount = explicitJmAccount ?? jmTemplateAccount ?? `${clusterId}-jobmanager`;
  const tmServiceAccount = explicitTmAccount ?? tmTemplateAccount ?? `${clusterId}-taskmanager`;
  const createJobManagerServiceAccount = explicitJmAccount === undefined && jmTemplateAccount === undefined;
  const createTaskManagerServiceAccount = explicitTmAccount === undefined && tmTemplateAccount === undefined;
  if (createJobManagerServiceAccount) config.set(key(Options.JM_SERVICE_ACCOUNT), jmServiceAccount);
  if (createTaskManagerServiceAccount) config.set(key(Options.TM_SERVICE_ACCOUNT), tmServiceAccount);

  // JobManager parameters (KubernetesJobManagerParameters)
  const replicas = reader.integer(Options.JM_REPLICAS, 1);
  if (replicas < 1) reader.fail(Options.JM_REPLICAS, '\'kubernetes.jobmanager.replicas\' should not be configured less than one; set 1');
  if (replicas > 1 && !highAvailability) {
    reader.fail(Options.JM_REPLICAS, 'standby JobManagers need high availability ("High availability should be enabled when starting standby JobManagers."); set replicas to 1 or enable high availability');
  }
  const factor = (o: OptionSpec) => {
    const v = reader.number(o, 1);
    if (v < 1) reader.fail(o, `${key(o)} should be greater or equal to 1`);
    return v;
  };
  const jmCpu = reader.number(Options.JM_CPU, 1);
  if (jmCpu <= 0) reader.fail(Options.JM_CPU, 'the JobManager needs more than 0 CPU');
  const tmCpu = reader.string(Options.TM_CPU) === undefined ? undefined : reader.number(Options.TM_CPU, -1);
  if (tmCpu !== undefined && tmCpu <= 0 && config.entry(key(Options.TM_CPU))?.origin.prop?.startsWith('taskManager')) {
    reader.fail(Options.TM_CPU, 'a TaskManager needs more than 0 CPU');
  }
  const jmEnv: Array<[string, string]> = config.withPrefix(MASTER_ENV_PREFIX).map(e => [e.key.substring(MASTER_ENV_PREFIX.length), e.value]);
  const pullPolicy = reader.string(Options.IMAGE_PULL_POLICY) ?? jmMain.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT;
  const policy = Object.values(ImagePullPolicy).find(p => p.toLowerCase() === pullPolicy.trim().toLowerCase());
  if (policy === undefined) return reader.fail(Options.IMAGE_PULL_POLICY, `expected one of ${Object.values(ImagePullPolicy).join(', ')}`);
  for (const [template, main] of [[jmTemplate, jmMain], [tmTemplate, tmMain]] as const) {
    if (template && main.imagePullPolicy !== undefined && !Object.values(ImagePullPolicy).includes(main.imagePullPolicy)) {
      throw new Error(`${template.where}: the main container's imagePullPolicy is '${main.imagePullPolicy}'; Kubernetes accepts exactly ${Object.values(ImagePullPolicy).join(', ')}`);
    }
  }
  const exposedRaw = reader.string(Options.REST_SERVICE_EXPOSED_TYPE) ?? RestServiceExposedType.CLUSTER_IP;
  const restServiceType = Object.values(RestServiceExposedType).find(t => t.toLowerCase() === exposedRaw.trim().toLowerCase());
  if (restServiceType === undefined) return reader.fail(Options.REST_SERVICE_EXPOSED_TYPE, `expected one of ${Object.values(RestServiceExposedType).join(', ')}`);
  const sourceRanges = checkExposure(reader, restServiceType, props.restService ?? {});

  const jobManager: ResolvedJobManager = {
    labels: reader.labels(Options.JM_LABELS),
    annotations: reader.map(Options.JM_ANNOTATIONS),
    nodeSelector: reader.map(Options.JM_NODE_SELECTOR),
    tolerations: parseTolerations(reader, Options.JM_TOLERATIONS),
    ownerReferences: parseOwnerReferences(reader),
    replicas,
    cpu: jmCpu,
    cpuLimitFactor: factor(Options.JM_CPU_LIMIT_FACTOR),
    memoryMiB: jobManagerProcessMemoryMiB(config),
    memoryLimitFactor: factor(Options.JM_MEMORY_LIMIT_FACTOR),
    env: jmEnv,
    entrypointArgs: reader.string(Options.JM_ENTRYPOINT_ARGS) ?? '',
    serviceAccount: jmServiceAccount,
  };
  factor(Options.TM_CPU_LIMIT_FACTOR);
  factor(Options.TM_MEMORY_LIMIT_FACTOR);
  parseTolerations(reader, Options.TM_TOLERATIONS);
  reader.labels(Options.TM_LABELS);
  reader.map(Options.TM_ANNOTATIONS);
  reader.map(Options.TM_NODE_SELECTOR);
  const slots = reader.integer(Options.TASK_SLOTS, 1);
  if (slots < 1) reader.fail(Options.TASK_SLOTS, 'a TaskManager needs at least 1 task slot');
  taskManagerProcessMemoryMiB(config, ordinal);

  const secrets: Array<[string, string]> = Object.entries(reader.map(Options.SECRETS));
  const envSecretKeyRefs = reader.listOfMaps(Options.ENV_SECRET_KEY_REF).map(m => {
    // KubernetesSecretEnvVar.fromMap: keys env, secret, key (case-sensitive)
    if (m.env === undefined || m.secret === undefined || m.key === undefined) {
      reader.fail(Options.ENV_SECRET_KEY_REF, 'every entry needs env, secret and key, e.g. \'env:DB_PASSWORD,secret:db,key:password\'');
    }
    return { env: m.env, secret: m.secret, key: m.key };
  });

  const hadoopDecorator = reader.boolean(Options.HADOOP_DECORATOR_ENABLED, true);
  const hadoopConfigMap = reader.string(Options.HADOOP_CONF_CONFIG_MAP)?.trim();
  if (hadoopConfigMap && !hadoopDecorator) {
    reader.fail(Options.HADOOP_CONF_CONFIG_MAP, 'the Hadoop decorator is off (kubernetes.decorator.hadoop-conf-mount.enabled: false), so Flink would not mount it; turn the decorator on or remove the ConfigMap');
  }
  checkSecrets(reader, secrets, envSecretKeyRefs);
  checkReservedEnv(config, {
    logDir: reader.string(Options.FLINK_LOG_DIR) !== undefined,
    hadoop: hadoopDecorator && !!hadoopConfigMap,
    secretEnv: envSecretKeyRefs.map(r => r.env),
  });

  const logFiles = logConfigFiles(version, props.logConfigFiles, props.logging);

  const runAsNonRoot = props.runAsNonRoot ?? true;
  for (const template of [jmTemplate, tmTemplate]) {
    const pod = template ? toFlinkPod(template.json) : undefined;
    if (runAsNonRoot && (pod?.spec.securityContext?.runAsUser === 0 || pod?.mainContainer.securityContext?.runAsUser === 0)) {
      throw new Error(`${template!.where}: runs as root (runAsUser: 0), but 'runAsNonRoot' is on by default and Kubernetes would refuse to start the pod; set 'runAsNonRoot: false' on the cluster to run as root`);
    }
    if (props.hostNetwork === true || reader.boolean(Options.HOST_NETWORK, false)) {
      if (pod?.spec.dnsPolicy !== undefined && pod.spec.dnsPolicy !== 'ClusterFirstWithHostNet') {
        throw new Error(`${template!.where}: sets dnsPolicy '${pod.spec.dnsPolicy}', but with host networking Flink sets ClusterFirstWithHostNet (KubernetesUtils.resolveDNSPolicy); remove it`);
      }
    }
  }
  const defaults = runAsNonRoot ? nonRootPod() : undefined;
  const jmPod = jmTemplate ? toFlinkPod(jmTemplate.json) : emptyPod();
  const taskManagerPodTemplate = taskManagerTemplateText(tmTemplate, defaults);
  if (taskManagerPodTemplate !== undefined) config.set(key(Options.POD_TEMPLATE_TM), TASK_MANAGER_POD_TEMPLATE_PATH);

  const resolved: ResolvedCluster = {
    version,
    target: context.target,
    clusterId,
    namespace,
    config,
    logFiles,
    highAvailability,
    kubernetesHighAvailability: isKubernetesHighAvailability(reader),
    deletesOwnDeployment: context.target === DeploymentTarget.SESSION || reader.boolean(Options.SHUTDOWN_ON_APPLICATION_FINISH, true),
    hostNetwork,
    ownerReferencesPermissionEnforcement: props.ownerReferencesPermissionEnforcement ?? false,
    image,
    imagePullPolicy: policy,
    imagePullSecrets: reader.list(Options.IMAGE_PULL_SECRETS).map(s => s.trim()).filter(s => s !== ''),
    entryPath: reader.string(Options.ENTRY_PATH) ?? '/docker-entrypoint.sh',
    confDir: reader.string(Options.FLINK_CONF_DIR) ?? '/opt/flink/conf',
    logDir: reader.string(Options.FLINK_LOG_DIR),
    restPort,
    restBindPort,
    rpcPort,
    blobPort,
    restServiceType,
    restServiceAnnotations: reader.map(Options.REST_SERVICE_ANNOTATIONS),
    restServiceSourceRanges: sourceRanges,
    restServiceLabels: version.hasServiceLabels ? reader.map(Options.REST_SERVICE_LABELS) : {},
    internalServiceAnnotations: version.hasInternalServiceAnnotations ? reader.map(Options.INTERNAL_SERVICE_ANNOTATIONS) : {},
    internalServiceLabels: version.hasServiceLabels ? reader.map(Options.INTERNAL_SERVICE_LABELS) : {},
    secrets,
    envSecretKeyRefs,
    hadoopConfigMap: hadoopDecorator && hadoopConfigMap ? hadoopConfigMap : undefined,
    userArtifactsDir: version.hasUserArtifactsVolume ? (reader.string(Options.USER_ARTIFACTS_BASE_DIR) ?? '/opt/flink/artifacts') : undefined,
    jobManager,
    jobManagerPodTemplate: defaults ? withDefaults(jmPod, defaults) : jmPod,
    taskManagerPodTemplate,
    taskManagerServiceAccount: tmServiceAccount,
    createJobManagerServiceAccount,
    createTaskManagerServiceAccount,
  };
  checkPodTemplates(resolved, reader, jmTemplate, tmTemplate);
  return resolved;
}

interface NamedTemplate extends PodTemplateSource {
  /** the prop that holds it */
  readonly prop: string;
}

function templateOf(own: PodTemplate | undefined, shared: PodTemplate | undefined, ownProp: string): NamedTemplate | undefined {
  const template = own ?? shared;
  return template === undefined ? undefined : { ...template._source, prop: own ? ownProp : 'podTemplate' };
}

/** `spec.serviceAccount`, else `spec.serviceAccountName` (InitJobManagerDecorator, InitTaskManagerDecorator). */
function templateServiceAccount(template: NamedTemplate | undefined): string | undefined {
  return template?.json.spec?.serviceAccount ?? template?.json.spec?.serviceAccountName;
}

/**
 * The jar count the client and the JobManager entrypoint accept (reference §5): exactly one before 2.0
 * ("Should only have one jar"), at most one from 2.0 ("Should only have at most one jar."), and only
 * `local://` before 1.19. `job.artifact` holds one; this catches a `pipeline.jars` written by hand.
 */
function checkPipelineJars(reader: Reader, version: FlinkVersion): void {
  const jars = reader.list(Options.PIPELINE_JARS);
  if (!version.isAtLeast(FlinkVersion.V2_0) && jars.length !== 1) {
    reader.fail(Options.PIPELINE_JARS, `Flink ${version.minorVersion} runs exactly one jar in application mode ("Should only have one jar"); give it as 'job.artifact'`);
  }
  if (jars.length > 1) {
    reader.fail(Options.PIPELINE_JARS, 'Flink 2.x runs at most one jar in application mode ("Should only have at most one jar."); give it as \'job.artifact\' and the others as \'job.additionalArtifacts\'');
  }
}

/**
 * `KerberosMountDecorator` mounts Secret `kerberos-keytab-<clusterId>` and ConfigMap
 * `kerberos-krb5conf-<clusterId>` built from files on the client machine (reference §1.6), and the
 * JobManager mounts them into every TaskManager by those names. A synth has no such files, so the pods
 * would wait for objects nothing creates.
 */
function checkKerberos(config: FlinkConfig, reader: Reader, version: FlinkVersion): void {
  const keytab = config.get('security.kerberos.login.keytab')?.trim();
  const principal = config.get('security.kerberos.login.principal')?.trim();
  const krb5 = config.get('security.kerberos.krb5-conf.path')?.trim();
  const triggered = (keytab && principal) ? 'security.kerberos.login.keytab' : krb5 ? 'security.kerberos.krb5-conf.path' : undefined;
  if (triggered === undefined) return;
  if (version.isAtLeast(FlinkVersion.V1_17) && !reader.boolean(Options.KERBEROS_DECORATOR_ENABLED, true)) return;
  const fix = version.isAtLeast(FlinkVersion.V1_17)
    ? 'set \'kubernetes.decorator.kerberos-mount.enabled\' to \'false\' and mount the keytab and krb5.conf yourself (e.g. with \'kubernetes.secrets\')'
    : 'Flink 1.16 cannot turn this off; use Flink 1.17 or later';
  reader.fail(triggered, `Flink's KerberosMountDecorator would make the pods mount Secret 'kerberos-keytab-<clusterId>' and ConfigMap 'kerberos-krb5conf-<clusterId>' from files on the deploying machine, which a synth cannot read; ${fix}`);
}

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * `MountSecretsDecorator` names each volume `<secret>-volume` (a DNS-1123 label of at most 63 characters)
 * next to Flink's own volumes and mounts, and `EnvSecretsDecorator` adds its variables after Flink's: the
 * API server rejects duplicates, and a variable named like Flink's would replace it.
 */
function checkSecrets(reader: Reader, secrets: Array<[string, string]>, envRefs: ResolvedSecretKeyRef[]): void {
  const flinkVolumes = ['flink-config-volume', 'pod-template-volume', 'user-artifacts-volume', 'hadoop-config-volume', 'kerberos-keytab-volume', 'kerberos-krb5conf-volume'];
  const flinkPaths = [reader.string(Options.FLINK_CONF_DIR) ?? '/opt/flink/conf', '/opt/flink/pod-template', reader.string(Options.USER_ARTIFACTS_BASE_DIR) ?? '/opt/flink/artifacts', '/opt/hadoop/conf'];
  const paths = new Set<string>();
  for (const [secret, path] of secrets) {
    const volume = `${secret}-volume`;
    if (!DNS_1123_LABEL.test(volume) || volume.length > 63) {
      reader.fail(Options.SECRETS, `Flink names the volume of Secret '${secret}' '${volume}', which must be a DNS-1123 label of at most 63 characters (no dots, no capitals); mount a Secret with a shorter, simpler name`);
    }
    if (flinkVolumes.includes(volume)) reader.fail(Options.SECRETS, `the volume of Secret '${secret}' would be '${volume}', which is Flink's own; rename the Secret`);
    if (!path.startsWith('/')) reader.fail(Options.SECRETS, `the mount path '${path}' of Secret '${secret}' is not absolute`);
    if (flinkPaths.includes(path) || paths.has(path)) reader.fail(Options.SECRETS, `the mount path '${path}' of Secret '${secret}' is already used (by Flink or another Secret); the API server rejects duplicate mount paths`);
    paths.add(path);
  }
  const names = new Set<string>();
  for (const ref of envRefs) {
    if (!ENV_NAME.test(ref.env)) reader.fail(Options.ENV_SECRET_KEY_REF, `'${ref.env}' is not a valid environment variable name`);
    if (['_POD_IP_ADDRESS', '_POD_NODE_ID', 'FLINK_TM_JVM_MEM_OPTS'].includes(ref.env)) {
      reader.fail(Options.ENV_SECRET_KEY_REF, `Flink sets the environment variable ${ref.env} itself; choose another name`);
    }
    if (names.has(ref.env)) reader.fail(Options.ENV_SECRET_KEY_REF, `the environment variable ${ref.env} is set twice`);
    names.add(ref.env);
  }
}

/**
 * The scripts read `$FLINK_CONF_DIR`, which defaults to `/opt/flink/conf` (`bin/config.sh`); moving the
 * mount with `kubernetes.flink.conf.dir` alone leaves the pods reading the image's own configuration.
 */
function checkConfDir(config: FlinkConfig, reader: Reader): void {
  const confDir = reader.string(Options.FLINK_CONF_DIR);
  if (confDir === undefined || confDir === '/opt/flink/conf') return;
  for (const prefix of [MASTER_ENV_PREFIX, TASKMANAGER_ENV_PREFIX]) {
    if (config.get(`${prefix}FLINK_CONF_DIR`) !== confDir) {
      reader.fail(Options.FLINK_CONF_DIR, `the Flink scripts read $FLINK_CONF_DIR (default /opt/flink/conf); also set '${prefix}FLINK_CONF_DIR' to '${confDir}' (reference §6.1)`);
    }
  }
}

function validateClusterId(clusterId: string, prop: string): void {
  if (clusterId.length > MAX_CLUSTER_ID_LENGTH) {
    throw new Error(`${prop} is '${clusterId}' (${clusterId.length} characters): kubernetes.cluster-id must be no more than ${MAX_CLUSTER_ID_LENGTH} characters; choose a shorter id`);
  }
  if (!CLUSTER_ID_PATTERN.test(clusterId)) {
    throw new Error(`${prop} is '${clusterId}': a cluster id must be lowercase letters, digits and '-', start with a letter and end with a letter or digit (${CLUSTER_ID_PATTERN.source}), because it names Kubernetes Services; e.g. 'my-flink-cluster'`);
  }
}

function logConfigFiles(version: FlinkVersion, overrides: Record<string, string> = {}, logging: FlinkLoggingOptions = {}): Array<[string, string]> {
  const names = version.logConfigFileNames;
  for (const name of Object.keys(overrides)) {
    if (!names.includes(name)) {
      throw new Error(`'logConfigFiles' has '${name}', which Flink ${version.minorVersion} does not ship; use one of ${names.join(', ')}`);
    }
  }
  const reload = logging.reloadInterval?.toSeconds();
  if (reload !== undefined && (!Number.isInteger(reload) || reload < 1)) {
    throw new Error(`'logging.reloadInterval' is ${reload} seconds: expected a whole number of seconds, at least 1 (Log4j's monitorInterval)`);
  }
  const typed = logging.rootLevel !== undefined || logging.loggers !== undefined || reload !== undefined;
  const replaced = ['log4j-console.properties', 'logback-console.xml'].filter(n => n in overrides);
  if (typed && replaced.length > 0) {
    throw new Error(`'logging' and 'logConfigFiles' both set the JobManager and TaskManager logging (${replaced.join(', ')}); put the levels into your file, or drop it`);
  }
  for (const logger of Object.keys(logging.loggers ?? {})) {
    if (!/^[\w.$-]+$/.test(logger)) throw new Error(`'logging.loggers' has '${logger}': expected a logger name such as 'org.apache.flink.runtime.checkpoint'`);
  }
  const defaults = defaultLogConfigFiles({ rootLevel: logging.rootLevel, loggers: { ...logging.loggers }, reloadSeconds: reload ?? 30 });
  return names.map(name => [name, overrides[name] ?? defaults[name]]);
}

/**
 * The jars in opt/ carry the image's exact release in their names (`flink-s3-fs-presto-1.20.4.jar`), and the
 * docker entrypoint exits with "Plugin … does not exist." for any other name: an image whose tag names
 * another release, or a floating `<major>.<minor>` tag, would crash-loop every pod. Other tags cannot be read.
 */
function checkPluginImage(image: string, imageProp: string, version: FlinkVersion, jars: string): void {
  const tag = /:([^:/@]+)(@.*)?$/.exec(image)?.[1];
  const release = tag === undefined ? undefined : /^(\d+\.\d+)(\.\d+)?(-|$)/.exec(tag);
  if (release === null || release === undefined || release[1] + (release[2] ?? '') === version.version) return;
  const why = release[2] === undefined
    ? `its tag '${tag}' follows the newest ${release[1]} patch release, whose jars may be named otherwise`
    : `its tag names Flink ${release[1]}${release[2]}`;
  throw new Error(`'plugins' links ${jars} from /opt/flink/opt, the jars of Flink ${version.version} ('version'), but ${imageProp} is '${image}': ${why}, and the image's entrypoint would exit with "Plugin … does not exist."; pin the image to a release and give the same release as 'version' (e.g. FlinkVersion.of('${release[1]}${release[2] ?? '.<patch>'}'))`);
}
