import { applicationDefaults, setJobProps } from './application';
import {
  checkConfDir, checkExposure, checkKerberos, checkMetadataOptions, checkPipelineJars, checkPluginImage, checkReservedEnv, checkSecrets,
  savepointPathProblem, validateClusterId,
} from './checks';
import { explicit, FlinkConfig, where } from './config';
import { checkConfigHashAnnotation } from './config-hash';
import { Reader } from './config-reader';
import { hasInternalService } from './decorators/internal-service-decorator';
import { callsKubernetesApi } from './decorators/service-account-token-decorator';
import { resolveDisruptionBudgets } from './disruption-budget';
import { distributionDefaults } from './distribution';
import { checkStatePaths } from './file-systems';
import { addIdentityPodLabels, serviceAccountMetadata } from './identity';
import { dnsLabelProblem, dnsSubdomainProblem, imageReferenceProblem, tolerationProblem } from './kubernetes-syntax';
import { resolveLifecycle } from './lifecycle';
import { logConfigFiles } from './log-config';
import { jobManagerProcessMemoryMiB, taskManagerProcessMemoryMiB } from './memory';
import { METRICS_PORT_NAME, OccupiedPort, prometheusMetricsPort, resolvePodMonitor } from './metrics';
import {
  DeploymentTarget, ResolvedCluster, ResolvedComponent, ResolvedJobManager, ResolvedOwnerReference, ResolvedSecretKeyRef,
  ResolvedTaskManager, ResolvedToleration,
} from './model';
import { checkMetricsPeers, resolveNetworkPolicy } from './network-policy';
import { checkUserKey, keyOf, MASTER_ENV_PREFIX, Options, OptionSpec, TASKMANAGER_ENV_PREFIX } from './options';
import { emptyPod, FlinkPod, Json, nonRootPod } from './pod';
import { podSecurityViolation } from './pod-security';
import { NamedTemplate, taskManagerTemplateText, toFlinkPod, withDefaults } from './pod-template';
import { checkPodTemplates } from './pod-template-facts';
import { LATEST_PATCH } from './releases';
import { checkModeOptions, checkModeProps, resolveStandalone, standaloneConfiguration, standalonePorts } from './standalone';
import { setTypedProps } from './typed-props';
import { FlinkClusterProps, ImagePullPolicy, PodSecurityStandard, RestServiceExposedType } from '../cluster-options';
import { DeploymentMode } from '../deployment-mode';
import { FlinkVersion } from '../flink-version';
import type { FlinkJobOptions } from '../job-options';
import type { PodTemplate } from '../pod-template';

export { DeploymentTarget } from './model';
export type { ResolvedCluster } from './model';

/**
 * Resolves a cluster's props into the one immutable `ResolvedCluster` both renderers read, in the order
 * Flink's client works (reference §1, §2.2, §5): load the configuration (the distribution's file, then the
 * command line's `-D` options), derive the cluster id and namespace, the image, the deployment target, high
 * availability, the ports, the service accounts, then the JobManager's and the TaskManagers' parameters.
 * Standalone mode adds what Flink's client would otherwise have done for it (standalone reference §8).
 * Every error is thrown here, at construction.
 */

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

/** The props of either cluster construct: an application cluster's carry its job. */
export interface ClusterProps extends FlinkClusterProps {
  readonly job?: FlinkJobOptions;
}

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

export function resolveCluster(props: ClusterProps, context: ResolveContext): ResolvedCluster {
  const mode = props.mode ?? DeploymentMode.NATIVE;
  const version = props.version;
  checkModeProps(props, mode, context.target);
  const config = loadConfiguration(props, context, mode);
  const reader = new Reader(config, version);
  const key = (o: OptionSpec) => keyOf(o, version.ordinal);

  // what the client derives: the cluster's identity
  const clusterId = reader.string(Options.CLUSTER_ID) ?? context.defaultClusterId();
  validateClusterId(clusterId, config.entry(key(Options.CLUSTER_ID))?.origin.prop ?? 'clusterId (derived from the construct path)');
  config.put(key(Options.CLUSTER_ID), clusterId);
  const namespace = reader.string(Options.NAMESPACE) ?? context.chartNamespace ?? 'default';
  if (namespace.trim() === '') reader.fail(Options.NAMESPACE, 'the namespace must not be blank; set the namespace to deploy into, or leave it out for the chart\'s namespace');
  const namespaceProblem = dnsLabelProblem(namespace);
  if (namespaceProblem !== undefined) {
    const fix = `a namespace name is ${namespaceProblem} (ValidateNamespaceName), so the API server would reject every object; use e.g. '${namespace.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').substring(0, 63) || 'flink'}'`;
    if (config.has(key(Options.NAMESPACE))) reader.fail(Options.NAMESPACE, fix);
    throw new Error(`the chart's namespace is '${namespace}': ${fix} in the Chart, or set 'namespace'`);
  }
  config.put(key(Options.NAMESPACE), namespace);
  checkMetadataOptions(config, reader);

  // pod templates: kubernetes.pod-template-file.<component> falls back to .default
  const jmTemplate = templateOf(props.jobManager?.podTemplate, props.podTemplate, 'jobManager.podTemplate');
  const tmTemplate = templateOf(props.taskManager?.podTemplate, props.podTemplate, 'taskManager.podTemplate');
  const jmPod = jmTemplate ? toFlinkPod(jmTemplate.json) : emptyPod();
  const tmPod = tmTemplate ? toFlinkPod(tmTemplate.json) : emptyPod();
  const jmSource: TemplatePod = { template: jmTemplate, pod: jmPod };
  const tmSource: TemplatePod = { template: tmTemplate, pod: tmPod };
  const image = resolveImage(config, reader, version, jmSource, tmSource);

  if (mode === DeploymentMode.NATIVE) setDeploymentTarget(config, reader, context.target);
  checkModeOptions(reader, config, mode, context.target);

  const highAvailability = isHighAvailability(reader);
  if (highAvailability && reader.string(Options.HA_STORAGE_DIR) === undefined) {
    reader.fail(Options.HA_TYPE, 'high availability needs \'high-availability.storageDir\' (HighAvailabilityServicesUtils fails at JobManager start without it); set it to a durable file system path such as s3://bucket/flink-ha');
  }
  if (highAvailability && !config.isExplicit(key(Options.CLUSTER_ID))) {
    // the HA state (leader ConfigMaps or ZooKeeper nodes, high-availability.cluster-id under the storage dir) is
    // found by the cluster id: a derived one changes when the construct moves or is renamed
    reader.fail(Options.HA_TYPE, `high availability needs an explicit 'clusterId': the HA state (job graphs, checkpoint pointers, leader information) is kept under the cluster id, and the default one, derived from the construct path ('${clusterId}'), changes when the construct moves or is renamed, which would start the cluster without its jobs and orphan their state; set clusterId: '${clusterId}'`);
  }
  const kubernetesHighAvailability = isKubernetesHighAvailability(reader);
  const hostNetwork = reader.boolean(Options.HOST_NETWORK, false);
  const savepointPath = reader.string(Options.SAVEPOINT_PATH);
  const savepointProblem = savepointPath === undefined ? undefined : savepointPathProblem(savepointPath);
  if (savepointProblem !== undefined) reader.fail(Options.SAVEPOINT_PATH, savepointProblem);
  // the KerberosMountDecorator is the native client's; standalone pods mount a keytab as any Secret (`secrets`)
  if (mode === DeploymentMode.NATIVE) checkKerberos(config, reader, version);
  checkConfDir(config, reader);

  const ports = mode === DeploymentMode.STANDALONE ? standalonePorts(config, reader, highAvailability) : nativePorts(config, reader);
  const internalService = hasInternalService({ mode, highAvailability });
  setJobManagerAddress(config, reader, { clusterId, namespace, highAvailability, rpcPort: ports.rpcPort, internalService });

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
  for (const [account, own, template, created] of [
    [jmServiceAccount, Options.JM_SERVICE_ACCOUNT, jmTemplate, createJobManagerServiceAccount],
    [tmServiceAccount, Options.TM_SERVICE_ACCOUNT, tmTemplate, createTaskManagerServiceAccount],
  ] as Array<[string, OptionSpec, NamedTemplate | undefined, boolean]>) {
    // ValidateServiceAccountName, where the pod's serviceAccountName is checked
    const problem = created ? undefined : dnsSubdomainProblem(account);
    if (problem !== undefined) {
      throw new Error(`${accountSource(config, reader, own, template)} names the service account '${account}', which is not ${problem} (ValidateServiceAccountName), so the API server would reject the pods; give the account's real name`);
    }
  }
  if (createJobManagerServiceAccount) config.set(key(Options.JM_SERVICE_ACCOUNT), jmServiceAccount);
  if (createTaskManagerServiceAccount) config.set(key(Options.TM_SERVICE_ACCOUNT), tmServiceAccount);
  const accountMetadata = serviceAccountMetadata(props,
    { component: 'jobManager', name: jmServiceAccount, create: createJobManagerServiceAccount, from: accountSource(config, reader, Options.JM_SERVICE_ACCOUNT, jmTemplate) },
    { component: 'taskManager', name: tmServiceAccount, create: createTaskManagerServiceAccount, from: accountSource(config, reader, Options.TM_SERVICE_ACCOUNT, tmTemplate) });
  addIdentityPodLabels(config, reader, props);

  const jobManager = jobManagerParameters(config, reader, highAvailability, jmServiceAccount);
  const policy = imagePullPolicy(reader, jmSource, tmSource);
  const exposedRaw = reader.string(Options.REST_SERVICE_EXPOSED_TYPE) ?? RestServiceExposedType.CLUSTER_IP;
  const restServiceType = Object.values(RestServiceExposedType).find(t => t.toLowerCase() === exposedRaw.trim().toLowerCase());
  if (restServiceType === undefined) return reader.fail(Options.REST_SERVICE_EXPOSED_TYPE, `expected one of ${Object.values(RestServiceExposedType).join(', ')}`);
  const sourceRanges = checkExposure(reader, restServiceType, props.restService ?? {});
  const taskManager = taskManagerParameters(config, reader, version, tmServiceAccount, ports.tmRpcPort);
  checkConfigHashAnnotation(reader, Options.JM_ANNOTATIONS, jobManager.annotations);
  checkConfigHashAnnotation(reader, Options.TM_ANNOTATIONS, taskManager.annotations);
  const networkPolicy = resolveNetworkPolicy(props.networkPolicy, config, reader, {
    hostNetwork,
    zooKeeperHighAvailability: isZooKeeperHighAvailability(reader),
    restServiceType,
    ...ports,
  });

  const secrets: Array<[string, string]> = Object.entries(reader.map(Options.SECRETS));
  const envSecretKeyRefs = parseSecretKeyRefs(reader);
  const hadoopDecorator = reader.boolean(Options.HADOOP_DECORATOR_ENABLED, true);
  const hadoopConfigMap = reader.string(Options.HADOOP_CONF_CONFIG_MAP)?.trim();
  const hadoopNameProblem = hadoopConfigMap ? dnsSubdomainProblem(hadoopConfigMap) : undefined;
  if (hadoopNameProblem !== undefined) {
    reader.fail(Options.HADOOP_CONF_CONFIG_MAP, `a ConfigMap name is ${hadoopNameProblem}, so the API server would reject the pods that mount it; give the ConfigMap's real name`);
  }
  if (hadoopConfigMap && !hadoopDecorator) {
    reader.fail(Options.HADOOP_CONF_CONFIG_MAP, 'the Hadoop decorator is off (kubernetes.decorator.hadoop-conf-mount.enabled: false), so Flink would not mount it; turn the decorator on or remove the ConfigMap');
  }
  if (mode === DeploymentMode.NATIVE && hadoopDecorator && !hadoopConfigMap) checkHadoopEnv(config, reader, clusterId, jmSource);
  checkSecrets(reader, secrets, envSecretKeyRefs);
  checkReservedEnv(config, {
    logDir: reader.string(Options.FLINK_LOG_DIR) !== undefined,
    hadoop: hadoopDecorator && !!hadoopConfigMap,
    secretEnv: envSecretKeyRefs.map(r => r.env),
    // what Flink's TaskManager decorators set (native), or ours (standalone, local recovery's pod name)
    taskManager: mode === DeploymentMode.NATIVE
      ? ['_POD_NODE_ID', 'FLINK_TM_JVM_MEM_OPTS', ...(config.has('env.java.home') ? ['JAVA_HOME'] : [])]
      : (props.taskManager?.localRecovery ? ['POD_NAME'] : []),
  });

  // TaskManagers run the image option, unless only their template names one (resolveImage)
  const tmImage = config.isExplicit(key(Options.CONTAINER_IMAGE)) ? image : tmPod.mainContainer.image ?? image;
  checkStatePaths(config, reader, {
    highAvailability,
    pods: [{ image, pod: jmPod, envPrefix: MASTER_ENV_PREFIX }, { image: tmImage, pod: tmPod, envPrefix: TASKMANAGER_ENV_PREFIX }],
  });

  const logFiles = logConfigFiles(version, props.logConfigFiles, props.logging);
  const runAsNonRoot = props.runAsNonRoot ?? true;

  const metricsPort = prometheusMetricsPort(config, reader, props, { hostNetwork, occupied: occupiedPorts(reader, ports) });
  checkMetricsPeers(networkPolicy, props.networkPolicy, metricsPort);
  const podMonitor = resolvePodMonitor(props);
  const defaults = podDefaults([jmSource, tmSource], { hostNetwork, runAsNonRoot, metricsPort });
  const jmDefaulted = defaults ? withDefaults(jmPod, defaults) : jmPod;
  const tmDefaulted = defaults ? withDefaults(tmPod, defaults) : tmPod;
  checkPodSecurity(props, reader, { mode, hostNetwork, runAsNonRoot }, [
    { component: 'JobManager', pod: jmDefaulted, template: jmTemplate },
    { component: 'TaskManager', pod: tmDefaulted, template: tmTemplate },
  ]);
  let taskManagerPodTemplate: string | undefined;
  if (mode === DeploymentMode.NATIVE) {
    // Flink keeps the template's automountServiceAccountToken (InitTaskManagerDecorator does not set it), and
    // the pod's field wins over the account's: TaskManagers mount a token exactly for Kubernetes HA
    const token = callsKubernetesApi({ mode, kubernetesHighAvailability }, 'taskmanager');
    const base = defaults ?? emptyPod();
    taskManagerPodTemplate = taskManagerTemplateText(tmTemplate, { ...base, spec: { ...base.spec, automountServiceAccountToken: token } });
    config.set(key(Options.POD_TEMPLATE_TM), TASK_MANAGER_POD_TEMPLATE_PATH);
  }
  let standalone = mode === DeploymentMode.STANDALONE
    ? resolveStandalone(props, config, reader, {
      clusterId,
      target: context.target,
      jobManagerPodTemplate: jmPod,
      highAvailability,
      kubernetesHighAvailability,
      taskManagerPodTemplate: tmDefaulted,
      runAsNonRoot,
    })
    : undefined;
  const suspended = props.suspended ?? false;
  let lifecycle: ResolvedCluster['lifecycle'];
  if (context.target === DeploymentTarget.APPLICATION) {
    ({ lifecycle, standalone } = resolveLifecycle(props.job!, config, reader, {
      mode,
      version,
      clusterId,
      namespace,
      image,
      highAvailability,
      kubernetesHighAvailability,
      suspended,
      taskManagerImage: tmTemplate ? tmPod.mainContainer.image : undefined,
      jobManagerPodTemplate: jmPod,
      jobManagerTemplateWhere: jmTemplate?.where,
      standalone,
    }));
  }
  const disruptionBudgets = resolveDisruptionBudgets(props, {
    mode,
    highAvailability,
    jobManagerReplicas: jobManager.replicas,
    taskManagerReplicas: standalone?.taskManagerReplicas ?? standalone?.autoscaling?.maxReplicas,
  });

  const resolved: ResolvedCluster = {
    mode,
    version,
    target: context.target,
    clusterId,
    namespace,
    config,
    logFiles,
    reloadingLogFiles: new Set(logFiles.map(([name]) => name).filter(name => props.logConfigFiles?.[name] === undefined)),
    highAvailability,
    kubernetesHighAvailability,
    deletesOwnDeployment: mode === DeploymentMode.NATIVE
      && (context.target === DeploymentTarget.SESSION || reader.boolean(Options.SHUTDOWN_ON_APPLICATION_FINISH, true)),
    hostNetwork,
    ownerReferencesPermissionEnforcement: props.ownerReferencesPermissionEnforcement ?? false,
    image,
    imagePullPolicy: policy,
    imagePullSecrets: reader.list(Options.IMAGE_PULL_SECRETS).map(s => s.trim()).filter(s => s !== ''),
    entryPath: reader.string(Options.ENTRY_PATH) ?? '/docker-entrypoint.sh',
    confDir: reader.string(Options.FLINK_CONF_DIR) ?? '/opt/flink/conf',
    logDir: reader.string(Options.FLINK_LOG_DIR),
    restPort: ports.restPort,
    restBindPort: ports.restBindPort,
    rpcPort: ports.rpcPort,
    blobPort: ports.blobPort,
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
    jobManagerPodTemplate: jmDefaulted,
    taskManager,
    taskManagerPodTemplate,
    createJobManagerServiceAccount,
    createTaskManagerServiceAccount,
    serviceAccountMetadata: accountMetadata,
    metricsPort,
    podMonitor,
    disruptionBudgets,
    standalone,
    networkPolicy,
    suspended,
    lifecycle,
  };
  checkPodTemplates(resolved, reader, jmTemplate, tmTemplate);
  return resolved;
}

/**
 * The configuration as Flink's client holds it before deriving anything: the distribution's `conf/` file
 * (which the ConfigMap replaces in the pod), what the CLI writes for an application, then the typed props
 * and the `-D` options of `flinkConfiguration`.
 */
function loadConfiguration(props: ClusterProps, context: ResolveContext, mode: DeploymentMode): FlinkConfig {
  const version = props.version;
  const ordinal = version.ordinal;
  const config = new FlinkConfig();
  const native = mode === DeploymentMode.NATIVE;
  const distribution = distributionDefaults(version);
  for (const [k, v] of native ? distribution : standaloneConfiguration(distribution)) config.set(k, v);
  const application = context.target === DeploymentTarget.APPLICATION;
  if (application) {
    for (const [k, v] of applicationDefaults(version, mode)) config.set(k, v);
  }

  setTypedProps(config, props, version);
  if (application) setJobProps(config, props.job!, version, mode);
  for (const [k, v] of Object.entries(props.flinkConfiguration ?? {})) {
    const prop = `flinkConfiguration['${k}']`;
    checkUserKey(k, ordinal, prop);
    if (k.startsWith('kubernetes.pod-template-file')) {
      throw new Error(`${prop}: '${k}' names a file on the machine that runs Flink's client, which a synth does not read; load it with PodTemplate.fromFile() and pass it as 'podTemplate' (or 'jobManager.podTemplate', 'taskManager.podTemplate')`);
    }
    if (k === keyOf(Options.ARTIFACTS_LOCAL_UPLOAD_ENABLED, ordinal) && v.trim().toLowerCase() === 'true') {
      throw new Error(`${prop}: Flink's client uploads local artifacts at deploy time (DefaultKubernetesArtifactUploader), which a synth cannot do; upload the jar yourself and use JobArtifact.fromUrl()`);
    }
    if (native && REMOVED_BY_CLIENT.includes(k)) {
      throw new Error(`${prop}: Flink's client removes '${k}' before shipping the configuration (FlinkConfMountDecorator), so it would have no effect; remove it`);
    }
    config.set(k, v, explicit(prop));
  }
  if (native) for (const k of REMOVED_BY_CLIENT) config.delete(k);
  const maxRequests = props.kubernetesClient?.maxConcurrentRequests;
  if (maxRequests !== undefined) {
    // Flink's documentation sets the system property for Fabric8 next to the env var; join any JVM options given
    const opts = [config.get('env.java.opts.jobmanager'), `-Dkubernetes.max.concurrent.requests=${maxRequests}`].filter(o => o !== undefined).join(' ');
    config.put('env.java.opts.jobmanager', opts);
  }
  return config;
}

function templateOf(own: PodTemplate | undefined, shared: PodTemplate | undefined, ownProp: string): NamedTemplate | undefined {
  const template = own ?? shared;
  return template === undefined ? undefined : { ...template._source, prop: own ? ownProp : 'podTemplate' };
}

/** `spec.serviceAccount`, else `spec.serviceAccountName` (InitJobManagerDecorator, InitTaskManagerDecorator). */
function templateServiceAccount(template: NamedTemplate | undefined): string | undefined {
  return template?.json.spec?.serviceAccount ?? template?.json.spec?.serviceAccountName;
}

/** A component's pod template, if any, and its pod as Flink splits it (an empty pod without a template). */
interface TemplatePod {
  readonly template?: NamedTemplate;
  readonly pod: FlinkPod;
}

/**
 * The image: an explicit option, else the JobManager template's, else the default (`resolveUserDefinedValue`).
 * The option is shipped so that TaskManagers run the JobManager's image, unless their template names one.
 */
function resolveImage(config: FlinkConfig, reader: Reader, version: FlinkVersion, jm: TemplatePod, tm: TemplatePod): string {
  const [jmTemplate, tmTemplate] = [jm.template, tm.template];
  const key = reader.key(Options.CONTAINER_IMAGE);
  const [jmMain, tmMain] = [jm.pod.mainContainer, tm.pod.mainContainer];
  const imageExplicit = config.isExplicit(key);
  const image = reader.string(Options.CONTAINER_IMAGE) ?? jmMain.image ?? version.defaultImage;
  if (image.trim() === '') reader.fail(Options.CONTAINER_IMAGE, 'the image must not be blank; set an image reference, or leave it out for the default image');
  const imageProblem = imageReferenceProblem(image);
  if (imageProblem !== undefined) {
    if (imageExplicit) reader.fail(Options.CONTAINER_IMAGE, imageProblem);
    throw new Error(`${jmTemplate!.where}: the main container's image is '${image}': ${imageProblem}`);
  }
  const tmImageProblem = tmMain.image === undefined ? undefined : imageReferenceProblem(String(tmMain.image));
  if (tmImageProblem !== undefined) throw new Error(`${tmTemplate!.where}: the main container's image is '${tmMain.image}': ${tmImageProblem}`);
  if (image === version.defaultImage) checkDefaultImageExists(version);
  if (imageExplicit || tmMain.image === undefined) config.put(key, image);
  const plugins = config.entry(`${MASTER_ENV_PREFIX}ENABLE_BUILT_IN_PLUGINS`);
  if (plugins?.origin.prop === 'plugins') {
    // the image as the user gave it: typed, as a raw option, or in the JobManager's template
    const from = imageExplicit ? where(config.entry(key), '') : jmTemplate?.where ?? 'the default image';
    checkPluginImage(image, from === 'image' ? '\'image\'' : from, version, plugins.value);
  }
  return image;
}

/** The default image is the official image of `version`'s exact release, which exists only for a release. */
function checkDefaultImageExists(version: FlinkVersion): void {
  const latest = LATEST_PATCH[version.minorVersion];
  if (version.patch <= latest) return;
  throw new Error(`'version' is FlinkVersion.of('${version.version}'), but Flink ${version.minorVersion} has the releases ${version.minorVersion}.0 to ${version.minorVersion}.${latest} (apache/flink-docker), so the default image '${version.defaultImage}' does not exist; give a released version (e.g. FlinkVersion.of('${version.minorVersion}.${latest}')), or set 'image' to an image that runs Flink ${version.version}`);
}

/**
 * Native mode: the JobManager decorates TaskManager pods with `HadoopConfMountDecorator`, which without
 * `kubernetes.hadoop.conf.config-map.name` reads the JobManager process' own `HADOOP_CONF_DIR`, else
 * `$HADOOP_HOME/etc/hadoop` or `$HADOOP_HOME/conf` (`AbstractKubernetesParameters.getLocalHadoopConfigurationDirectory`),
 * and for a core-site.xml or hdfs-site.xml there mounts ConfigMap `hadoop-config-<clusterId>`, which only
 * Flink's client would have created (reference §1.5, §6.1 item 9). Standalone TaskManagers are decorated at
 * synth, where that branch never applies.
 */
function checkHadoopEnv(config: FlinkConfig, reader: Reader, clusterId: string, jm: TemplatePod): void {
  const jmTemplate = jm.template;
  const fix = reader.version.isAtLeast(FlinkVersion.V1_17)
    ? 'put core-site.xml and hdfs-site.xml into a ConfigMap and set \'hadoopConfigMap\' (Flink then mounts it and sets HADOOP_CONF_DIR itself), or set \'decorators.hadoopConfMount: false\''
    : 'put core-site.xml and hdfs-site.xml into a ConfigMap and set \'hadoopConfigMap\' (Flink then mounts it and sets HADOOP_CONF_DIR itself; Flink 1.16 cannot turn the decorator off)';
  const why = `the JobManager would create every TaskManager pod with a volume of ConfigMap 'hadoop-config-${clusterId}' for the Hadoop configuration it finds there (HadoopConfMountDecorator), which nothing creates, and the TaskManagers would wait in ContainerCreating; ${fix}`;
  const templateEnv: Json[] = jm.pod.mainContainer.env ?? [];
  for (const name of ['HADOOP_CONF_DIR', 'HADOOP_HOME']) {
    if (config.has(`${MASTER_ENV_PREFIX}${name}`)) reader.fail(`${MASTER_ENV_PREFIX}${name}`, why);
    const fromTemplate = templateEnv.find(e => e?.name === name);
    if (fromTemplate) throw new Error(`${jmTemplate!.where}: the main container sets ${name}; ${why}`);
  }
}

/** `execution.target` and what the client writes next to it (native mode). */
function setDeploymentTarget(config: FlinkConfig, reader: Reader, target: DeploymentTarget): void {
  const given = reader.string(Options.EXECUTION_TARGET);
  if (given !== undefined && given.trim().toLowerCase() !== target) {
    const perJob = /per-job|perjob/i.test(given);
    const fix = target === DeploymentTarget.SESSION
      ? (perJob ? 'per-job mode does not exist on native Kubernetes (KubernetesClusterDescriptor.deployJobCluster); run the job in a FlinkApplicationCluster instead' : `a FlinkSessionCluster always runs '${target}'; remove the option`)
      : (perJob ? 'per-job mode does not exist on native Kubernetes; this FlinkApplicationCluster already runs one job per cluster' : `a FlinkApplicationCluster always runs '${target}'; remove the option`);
    reader.fail(Options.EXECUTION_TARGET, fix);
  }
  config.put(reader.key(Options.EXECUTION_TARGET), target);
  config.set(reader.key(Options.EXECUTION_MODE), 'NORMAL');
  config.set(reader.key(Options.INTERNAL_ENTRYPOINT_CLASS), ENTRYPOINT_CLASS[target]);
  if (target === DeploymentTarget.APPLICATION) checkPipelineJars(reader, reader.version);
}

/**
 * The ports Flink's client fixes (`KubernetesClusterDescriptor.deployClusterInternal`): it replaces "0" by
 * its own port (`KubernetesUtils.checkAndUpdatePortConfigOption`), so an explicit 0 is an error; unset, the
 * blob and TaskManager RPC ports get Flink's Kubernetes constants, which we ship.
 */
function nativePorts(config: FlinkConfig, reader: Reader) {
  const blobPort = reader.port(Options.BLOB_SERVER_PORT, 6124, 6124);
  config.put(reader.key(Options.BLOB_SERVER_PORT), String(blobPort));
  const tmRpcPort = reader.port(Options.TASKMANAGER_RPC_PORT, 6122, 6122);
  config.put(reader.key(Options.TASKMANAGER_RPC_PORT), String(tmRpcPort));
  const restPort = reader.port(Options.REST_PORT, 8081);
  // rest.bind-port falls back to rest.port (RestOptions.BIND_PORT); Flink replaces 0 by Constants.REST_PORT
  const restBindPort = reader.port(Options.REST_BIND_PORT, restPort, 8081);
  const rpcPort = reader.port(Options.JOBMANAGER_RPC_PORT, 6123);
  return { blobPort, tmRpcPort, restPort, restBindPort, rpcPort };
}

/**
 * Where TaskManagers find the JobManager. With high availability through the HA services, and the client
 * pins the cluster id and port (`KubernetesClusterDescriptor.deployClusterInternal`); without it at the
 * internal Service, as `InternalServiceDecorator` sets it — which a standalone cluster has with HA too.
 */
function setJobManagerAddress(
  config: FlinkConfig,
  reader: Reader,
  c: { clusterId: string; namespace: string; highAvailability: boolean; rpcPort: number; internalService: boolean },
): void {
  if (c.highAvailability) {
    const haClusterId = reader.string(Options.HA_CLUSTER_ID);
    if (haClusterId !== undefined && config.isExplicit(reader.key(Options.HA_CLUSTER_ID)) && haClusterId !== c.clusterId) {
      reader.fail(Options.HA_CLUSTER_ID, `Flink's client overwrites it with the cluster id '${c.clusterId}'; remove it`);
    }
    config.put(reader.key(Options.HA_CLUSTER_ID), c.clusterId);
    // unset, Flink's default "0" becomes jobmanager.rpc.port (checkAndUpdatePortConfigOption)
    const haPort = reader.port(Options.HA_JOBMANAGER_PORT, c.rpcPort, c.rpcPort);
    config.put(reader.key(Options.HA_JOBMANAGER_PORT), String(haPort));
  }
  if (c.internalService) {
    const rpcAddress = `${c.clusterId}.${c.namespace}`;
    if (config.isExplicit(reader.key(Options.JOBMANAGER_RPC_ADDRESS)) && reader.string(Options.JOBMANAGER_RPC_ADDRESS) !== rpcAddress) {
      const why = c.highAvailability
        ? `it names the internal Service '${rpcAddress}', and each highly available JobManager is started with its pod IP instead`
        : `without high availability Flink's client sets it to the internal Service '${rpcAddress}' (InternalServiceDecorator)`;
      reader.fail(Options.JOBMANAGER_RPC_ADDRESS, `${why}; remove it`);
    }
    config.put(reader.key(Options.JOBMANAGER_RPC_ADDRESS), rpcAddress);
  }
}

function limitFactor(reader: Reader, option: OptionSpec): number {
  const v = reader.number(option, 1);
  if (v < 1) reader.fail(option, `${reader.key(option)} should be greater or equal to 1; set it to 1 or more (the limit is the request × the factor)`);
  return v;
}

/** The JobManager as `KubernetesJobManagerParameters` sees it. */
function jobManagerParameters(config: FlinkConfig, reader: Reader, highAvailability: boolean, serviceAccount: string): ResolvedJobManager {
  const replicas = reader.integer(Options.JM_REPLICAS, 1);
  if (replicas < 1) reader.fail(Options.JM_REPLICAS, '\'kubernetes.jobmanager.replicas\' should not be configured less than one; set 1, or \'suspended: true\' to stop the cluster');
  if (replicas > 1 && !highAvailability) {
    reader.fail(Options.JM_REPLICAS, 'standby JobManagers need high availability ("High availability should be enabled when starting standby JobManagers."); set replicas to 1 or enable high availability');
  }
  const cpu = reader.number(Options.JM_CPU, 1);
  if (cpu <= 0) reader.fail(Options.JM_CPU, 'the JobManager needs more than 0 CPU; set e.g. 0.5 or 1');
  const tmCpu = reader.string(Options.TM_CPU) === undefined ? undefined : reader.number(Options.TM_CPU, -1);
  if (tmCpu !== undefined && tmCpu <= 0 && config.entry(reader.key(Options.TM_CPU))?.origin.prop?.startsWith('taskManager')) {
    reader.fail(Options.TM_CPU, 'a TaskManager needs more than 0 CPU; set e.g. 1, or leave it unset for one CPU per slot');
  }
  return {
    labels: reader.labels(Options.JM_LABELS),
    annotations: reader.map(Options.JM_ANNOTATIONS),
    nodeSelector: reader.map(Options.JM_NODE_SELECTOR),
    tolerations: parseTolerations(reader, Options.JM_TOLERATIONS),
    ownerReferences: parseOwnerReferences(reader),
    replicas,
    cpu,
    cpuLimitFactor: limitFactor(reader, Options.JM_CPU_LIMIT_FACTOR),
    memoryMiB: jobManagerProcessMemoryMiB(config),
    memoryLimitFactor: limitFactor(reader, Options.JM_MEMORY_LIMIT_FACTOR),
    env: envOf(config, MASTER_ENV_PREFIX),
    entrypointArgs: reader.string(Options.JM_ENTRYPOINT_ARGS) ?? '',
    serviceAccount,
  };
}

/** `kubernetes.container.image.pull-policy`, else the JobManager template's, else `IfNotPresent`. */
function imagePullPolicy(reader: Reader, jm: TemplatePod, tm: TemplatePod): ImagePullPolicy {
  const pullPolicy = reader.string(Options.IMAGE_PULL_POLICY) ?? jm.pod.mainContainer.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT;
  const policy = Object.values(ImagePullPolicy).find(p => p.toLowerCase() === pullPolicy.trim().toLowerCase());
  if (policy === undefined) return reader.fail(Options.IMAGE_PULL_POLICY, `expected one of ${Object.values(ImagePullPolicy).join(', ')}`);
  for (const { template, pod } of [jm, tm]) {
    const main = pod.mainContainer;
    if (template && main.imagePullPolicy !== undefined && !Object.values(ImagePullPolicy).includes(main.imagePullPolicy)) {
      throw new Error(`${template.where}: the main container's imagePullPolicy is '${main.imagePullPolicy}'; Kubernetes accepts exactly ${Object.values(ImagePullPolicy).join(', ')}: use one of them (they are case-sensitive)`);
    }
  }
  return policy;
}

/**
 * The TaskManagers as the JobManager will size them (`KubernetesTaskManagerParameters`,
 * `KubernetesWorkerResourceSpecFactory`, `TaskExecutorProcessUtils`): checked here in both modes, and
 * rendered by us in standalone mode, where we create the TaskManager pods.
 */
function taskManagerParameters(
  config: FlinkConfig,
  reader: Reader,
  version: FlinkVersion,
  serviceAccount: string,
  rpcPort: number,
): ResolvedTaskManager {
  const cpuLimitFactor = limitFactor(reader, Options.TM_CPU_LIMIT_FACTOR);
  const memoryLimitFactor = limitFactor(reader, Options.TM_MEMORY_LIMIT_FACTOR);
  const tolerations = parseTolerations(reader, Options.TM_TOLERATIONS);
  const labels = reader.labels(Options.TM_LABELS);
  const annotations = reader.map(Options.TM_ANNOTATIONS);
  const nodeSelector = reader.map(Options.TM_NODE_SELECTOR);
  const slots = reader.integer(Options.TASK_SLOTS, 1);
  if (slots < 1) reader.fail(Options.TASK_SLOTS, 'a TaskManager needs at least 1 task slot');
  const memoryMiB = taskManagerProcessMemoryMiB(config, version.ordinal);
  const component: ResolvedComponent = {
    labels,
    annotations,
    nodeSelector,
    tolerations,
    cpu: taskManagerCpu(reader, slots),
    cpuLimitFactor,
    memoryMiB,
    memoryLimitFactor,
    env: envOf(config, TASKMANAGER_ENV_PREFIX),
    serviceAccount,
  };
  return { ...component, rpcPort };
}

/**
 * `taskmanager.cpu.cores` if set; else `kubernetes.taskmanager.cpu.amount` if above 0; else the slot count
 * (`KubernetesWorkerResourceSpecFactory`, `TaskExecutorProcessUtils.getCpuCoresWithFallback`; reference §1.8).
 */
function taskManagerCpu(reader: Reader, slots: number): number {
  const cores = reader.string(Options.TM_CPU_CORES) === undefined ? undefined : reader.number(Options.TM_CPU_CORES, 0);
  if (cores !== undefined) {
    if (cores <= 0) reader.fail(Options.TM_CPU_CORES, 'a TaskManager needs more than 0 CPU cores; set e.g. 1, or remove it');
    return cores;
  }
  const amount = reader.number(Options.TM_CPU, -1);
  return amount > 0 ? amount : slots;
}

/** `containerized.<component>.env.<NAME>` entries, sorted by name. */
function envOf(config: FlinkConfig, prefix: string): Array<[string, string]> {
  return config.withPrefix(prefix).map(e => [e.key.substring(prefix.length), e.value]);
}

/**
 * What the cluster layers under the pod templates: the non-root defaults when `runAsNonRoot` (default on),
 * and the Prometheus reporter's `metrics` port, so that native TaskManagers get it through the shipped
 * template as the JobManager and standalone TaskManagers do. A container that runs as root under
 * `runAsNonRoot` is refused by the kubelet ("container's runAsUser breaks non-root policy"), a DNS policy
 * host networking overrides is an error, and so is a template that declares the metrics port itself.
 */
function podDefaults(
  templates: TemplatePod[],
  facts: { hostNetwork: boolean; runAsNonRoot: boolean; metricsPort?: number },
): FlinkPod | undefined {
  const { runAsNonRoot, metricsPort } = facts;
  for (const { template, pod } of templates) {
    if (template === undefined) continue;
    if (runAsNonRoot) checkNotRoot(pod, template.where);
    if (facts.hostNetwork) {
      if (pod.spec.dnsPolicy !== undefined && pod.spec.dnsPolicy !== 'ClusterFirstWithHostNet') {
        throw new Error(`${template.where}: sets dnsPolicy '${pod.spec.dnsPolicy}', but with host networking Flink sets ClusterFirstWithHostNet (KubernetesUtils.resolveDNSPolicy); remove it`);
      }
    }
    const clash = metricsPort === undefined ? undefined
      : (pod.mainContainer.ports ?? []).find((p: any) => p?.name === METRICS_PORT_NAME || p?.containerPort === metricsPort);
    if (clash !== undefined) {
      throw new Error(`${template.where}: the main container declares port '${clash.name}' (${clash.containerPort}), but every JobManager and TaskManager declares the Prometheus reporter's port ${metricsPort} as '${METRICS_PORT_NAME}' already (the API server refuses two ports of one name); remove it from the template`);
    }
  }
  const nonRoot = runAsNonRoot ? nonRootPod() : undefined;
  if (metricsPort === undefined) return nonRoot;
  const base = nonRoot ?? emptyPod();
  return { ...base, mainContainer: { ...base.mainContainer, ports: [{ name: METRICS_PORT_NAME, containerPort: metricsPort }] } };
}

/** The ports the Prometheus reporter would share a pod with: the JobManager's and the TaskManagers' own. */
function occupiedPorts(reader: Reader, ports: { restBindPort: number; rpcPort: number; blobPort: number; tmRpcPort: number }): OccupiedPort[] {
  const dataPort = reader.string(Options.TASKMANAGER_DATA_PORT)?.trim();
  return [
    { port: ports.restBindPort, what: 'the JobManager\'s REST endpoint (rest.bind-port)' },
    { port: ports.rpcPort, what: 'the JobManager\'s RPC endpoint (jobmanager.rpc.port)' },
    { port: ports.blobPort, what: 'the JobManager\'s blob server (blob.server.port)' },
    { port: ports.tmRpcPort, what: 'the TaskManager\'s RPC endpoint (taskmanager.rpc.port)' },
    ...(dataPort !== undefined && /^\d+$/.test(dataPort) ? [{ port: Number(dataPort), what: 'the TaskManager\'s data exchange (taskmanager.data.port)' }] : []),
  ];
}

/** Where a service account we do not create comes from: its option (typed prop or flinkConfiguration), else the template. */
function accountSource(config: FlinkConfig, reader: Reader, own: OptionSpec, template?: NamedTemplate): string | undefined {
  for (const option of [own, Options.SERVICE_ACCOUNT]) {
    const origin = config.entry(reader.key(option))?.origin;
    if (origin?.explicit) return origin.prop!.startsWith('flinkConfiguration') ? origin.prop : `'${origin.prop}'`;
  }
  return template?.where;
}

/** Each container's user and `runAsNonRoot`, its own or the pod's (`runAsNonRoot` is on for all by our defaults). */
function checkNotRoot(pod: FlinkPod, templateWhere: string): void {
  const podContext: Json = pod.spec.securityContext ?? {};
  if (podContext.runAsUser === 0 || pod.mainContainer.securityContext?.runAsUser === 0) {
    throw new Error(`${templateWhere}: runs as root (runAsUser: 0), but 'runAsNonRoot' is on by default and Kubernetes would refuse to start the pod; set 'runAsNonRoot: false' on the cluster to run as root`);
  }
  for (const container of [...(pod.spec.initContainers ?? []), ...pod.spec.containers] as Json[]) {
    const own: Json = container?.securityContext ?? {};
    if (own.runAsUser === 0 && (own.runAsNonRoot ?? podContext.runAsNonRoot) !== false) {
      throw new Error(`${templateWhere}: the container '${container.name}' runs as root (runAsUser: 0), but 'runAsNonRoot' is on by default and Kubernetes would refuse to start it ("container's runAsUser breaks non-root policy"); set 'runAsNonRoot: false' on the cluster to run it as root`);
    }
  }
}

/**
 * The Pod Security Standards profile of `podSecurity`, checked on the pods as they start: the templates with
 * the defaults under them (Flink's decorators add only configMap, emptyDir, secret and projected volumes and
 * plain container ports) and host networking, which Flink sets from its option. A namespace that enforces the
 * profile rejects the JobManager Deployment's pods, and native TaskManager pods when the JobManager creates
 * them, which shows in its log only.
 */
function checkPodSecurity(
  props: FlinkClusterProps,
  reader: Reader,
  facts: { mode: DeploymentMode; hostNetwork: boolean; runAsNonRoot: boolean },
  pods: Array<{ component: string; pod: FlinkPod; template?: NamedTemplate }>,
): void {
  const { mode, runAsNonRoot } = facts;
  const level = props.podSecurity ?? (runAsNonRoot ? PodSecurityStandard.RESTRICTED : PodSecurityStandard.BASELINE);
  if (level === PodSecurityStandard.PRIVILEGED) return;
  const lower = (needs: PodSecurityStandard) => `lower the profile with 'podSecurity: PodSecurityStandard.${needs.toUpperCase()}' if the namespace allows it`;
  if (facts.hostNetwork) {
    reader.fail(Options.HOST_NETWORK, `host networking breaks the Pod Security Standards' ${level} profile (hostNamespaces: the pods would set hostNetwork: true), and a namespace that enforces it would reject the JobManager and TaskManager pods; ${lower(PodSecurityStandard.PRIVILEGED)}`);
  }
  for (const { component, pod, template } of pods) {
    const violation = podSecurityViolation(level, pod);
    if (violation === undefined) continue;
    const source = template?.where ?? `'podSecurity' (${level}) with 'runAsNonRoot: false'`;
    const when = component === 'TaskManager' && mode === DeploymentMode.NATIVE ? ' when the JobManager creates them (the refusal shows in its log only)' : '';
    const fix = violation.rule.defaulted && !runAsNonRoot
      ? `set it in the ${component}'s pod template ('runAsNonRoot: true', the default, sets it for the official images' flink user), or ${lower(violation.needs)}`
      : `remove it, or ${lower(violation.needs)}`;
    throw new Error(`${source}: the ${component} pods would break the Pod Security Standards' ${level} profile: ${violation.detail} (check '${violation.rule.id}' of the PodSecurity admission controller), and a namespace that enforces it would reject them${when}; ${fix}`);
  }
}

function parseTolerations(reader: Reader, option: OptionSpec): ResolvedToleration[] {
  // KubernetesToleration.fromMap: keys are case-insensitive, tolerationSeconds is a Long
  return reader.listOfMaps(option).map(raw => {
    const m: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) m[k.toLowerCase()] = v;
    const seconds = m.tolerationseconds;
    if (seconds !== undefined && !/^-?\d+$/.test(seconds.trim())) {
      reader.fail(option, `tolerationSeconds '${seconds}' is not a whole number; give a whole number of seconds, e.g. 300`);
    }
    const problem = tolerationProblem(m);
    if (problem !== undefined) reader.fail(option, `${problem.what}, so the API server would reject the pods (validateTolerations); ${problem.fix}`);
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
    // ValidateOwnerReferences: apiVersion, kind, name and uid must not be empty
    const missing = ['apiVersion', 'kind', 'name', 'uid'].filter(k => (m[k.toLowerCase()] ?? '').trim() === '');
    if (missing.length > 0) {
      reader.fail(Options.JM_OWNER_REFERENCE, `an owner reference needs apiVersion, kind, name and uid, and this one has no ${missing.join(', ')}, so the API server would reject the JobManager Deployment (ValidateOwnerReferences); add ${missing.length > 1 ? 'them' : 'it'}, e.g. the owner's metadata.uid`);
    }
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

function parseSecretKeyRefs(reader: Reader): ResolvedSecretKeyRef[] {
  return reader.listOfMaps(Options.ENV_SECRET_KEY_REF).map(m => {
    // KubernetesSecretEnvVar.fromMap: keys env, secret, key (case-sensitive)
    if (m.env === undefined || m.secret === undefined || m.key === undefined) {
      reader.fail(Options.ENV_SECRET_KEY_REF, 'every entry needs env, secret and key, e.g. \'env:DB_PASSWORD,secret:db,key:password\'');
    }
    return { env: m.env, secret: m.secret, key: m.key };
  });
}

/** `HighAvailabilityMode.fromConfig`: NONE/standalone mean off; ZOOKEEPER, KUBERNETES or a factory class mean on. */
function isHighAvailability(reader: Reader): boolean {
  const mode = reader.string(Options.HA_TYPE)?.trim();
  return mode !== undefined && mode !== '' && !['none', 'standalone'].includes(mode.toLowerCase());
}

/** `ZooKeeperUtils.isZooKeeperRecoveryMode`: `HighAvailabilityMode.fromConfig` is ZOOKEEPER (case-insensitive). */
function isZooKeeperHighAvailability(reader: Reader): boolean {
  return reader.string(Options.HA_TYPE)?.trim().toLowerCase() === 'zookeeper';
}

function isKubernetesHighAvailability(reader: Reader): boolean {
  const mode = reader.string(Options.HA_TYPE)?.trim() ?? '';
  return mode.toLowerCase() === 'kubernetes' || mode === 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory';
}
