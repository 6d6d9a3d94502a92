import { Size } from 'cdk8s';
import { explicit, FlinkConfig } from './config';
import { JAVA_INT_MAX } from './config-reader';
import { encodeList, encodeListOfMaps, encodeMap } from './encoding';
import { ENV_NAME } from './kubernetes-syntax';
import { PROMETHEUS_REPORTER_FACTORY, PROMETHEUS_REPORTER_NAME, reporterKey } from './metrics';
import type { ResolvedToleration } from './model';
import { keyOf, MASTER_ENV_PREFIX, Options, OptionSpec, TASKMANAGER_ENV_PREFIX } from './options';
import { FlinkClusterProps, FlinkComponentOptions } from '../cluster-options';
import { FlinkVersion } from '../flink-version';

/**
 * Typed props → the Flink options they stand for: sugar over the same keys as `flinkConfiguration`,
 * never a second code path. Values are checked here, where the prop's name is known.
 */

function sizeToFlink(size: Size, prop: string): string {
  const mib = size.toMebibytes({ rounding: 2 /* SizeRoundingBehavior.NONE */ });
  if (!Number.isInteger(mib) || mib <= 0) {
    throw new Error(`'${prop}' is ${mib} MiB: Flink's memory sizes here must be a positive whole number of mebibytes; use e.g. Size.mebibytes(1600) or Size.gibibytes(2)`);
  }
  return `${mib}m`;
}

function positive(value: number, prop: string, min: number, what: string): string {
  if (!Number.isFinite(value) || value < min || (min === 0 && value === 0)) {
    throw new Error(`'${prop}' is ${value}: ${what}`);
  }
  return String(value);
}

/** A map prop as its option's value; an empty map is no entries, as unset: an empty option value cannot be shipped (writeFlinkConfYaml). */
function map(m: Record<string, string> | undefined): string | undefined {
  return m === undefined || Object.keys(m).length === 0 ? undefined : encodeMap(m);
}

/** Typed props → the Flink options they stand for: sugar over the same keys, never a second path. */
export function setTypedProps(config: FlinkConfig, props: FlinkClusterProps, version: FlinkVersion): void {
  const ordinal = version.ordinal;
  const key = (o: OptionSpec) => keyOf(o, ordinal);
  const set = (o: OptionSpec, value: string | undefined, prop: string) => {
    if (value !== undefined) config.set(key(o), value, explicit(prop));
  };

  set(Options.CLUSTER_ID, props.clusterId, 'clusterId');
  set(Options.NAMESPACE, props.namespace, 'namespace');
  set(Options.CONTAINER_IMAGE, props.image, 'image');
  set(Options.IMAGE_PULL_POLICY, props.imagePullPolicy, 'imagePullPolicy');
  if (props.imagePullSecrets !== undefined && props.imagePullSecrets.length > 0) {
    set(Options.IMAGE_PULL_SECRETS, encodeList(props.imagePullSecrets.map(s => s.name)), 'imagePullSecrets');
  }
  if (props.serviceAccount !== undefined) set(Options.JM_SERVICE_ACCOUNT, props.serviceAccount.name, 'serviceAccount');

  const jm = props.jobManager ?? {};
  setComponentProps('jobManager', jm, {
    memory: Options.JM_PROCESS_MEMORY,
    cpu: Options.JM_CPU,
    cpuLimitFactor: Options.JM_CPU_LIMIT_FACTOR,
    memoryLimitFactor: Options.JM_MEMORY_LIMIT_FACTOR,
    labels: Options.JM_LABELS,
    annotations: Options.JM_ANNOTATIONS,
    nodeSelector: Options.JM_NODE_SELECTOR,
    tolerations: Options.JM_TOLERATIONS,
    entrypointArgs: Options.JM_ENTRYPOINT_ARGS,
    envPrefix: MASTER_ENV_PREFIX,
  }, set, 'the JobManager needs more than 0 CPU; set e.g. 0.5 or 1');
  if (jm.replicas !== undefined) {
    if (!Number.isInteger(jm.replicas) || jm.replicas < 1) {
      const suspend = jm.replicas === 0 ? '; to stop the cluster, set \'suspended: true\'' : '';
      throw new Error(`'jobManager.replicas' is ${jm.replicas}: it must be a whole number of at least 1 (KubernetesJobManagerParameters.getReplicas)${suspend || '; set 1, or 2 or more with high availability'}`);
    }
    if (jm.replicas > JAVA_INT_MAX) throw new Error(`'jobManager.replicas' is ${jm.replicas}: a Deployment's replicas are an int32; set at most ${JAVA_INT_MAX} (in practice 2 or 3 with high availability)`);
    set(Options.JM_REPLICAS, String(jm.replicas), 'jobManager.replicas');
  }

  const tm = props.taskManager ?? {};
  setComponentProps('taskManager', tm, {
    memory: Options.TM_PROCESS_MEMORY,
    cpu: Options.TM_CPU,
    cpuLimitFactor: Options.TM_CPU_LIMIT_FACTOR,
    memoryLimitFactor: Options.TM_MEMORY_LIMIT_FACTOR,
    labels: Options.TM_LABELS,
    annotations: Options.TM_ANNOTATIONS,
    nodeSelector: Options.TM_NODE_SELECTOR,
    tolerations: Options.TM_TOLERATIONS,
    entrypointArgs: Options.TM_ENTRYPOINT_ARGS,
    envPrefix: TASKMANAGER_ENV_PREFIX,
  }, set, 'a TaskManager needs more than 0 CPU; set e.g. 1, or leave it unset for one CPU per slot');
  if (tm.taskSlots !== undefined) {
    if (!Number.isInteger(tm.taskSlots) || tm.taskSlots < 1) {
      throw new Error(`'taskManager.taskSlots' is ${tm.taskSlots}: a TaskManager needs a whole number of at least 1 task slot; set e.g. 1 or 4`);
    }
    if (tm.taskSlots > JAVA_INT_MAX) {
      throw new Error(`'taskManager.taskSlots' is ${tm.taskSlots}: Flink reads taskmanager.numberOfTaskSlots as a Java int; set at most ${JAVA_INT_MAX} (in practice about one slot per CPU core)`);
    }
    set(Options.TASK_SLOTS, String(tm.taskSlots), 'taskManager.taskSlots');
  }
  if (tm.serviceAccount !== undefined) set(Options.TM_SERVICE_ACCOUNT, tm.serviceAccount.name, 'taskManager.serviceAccount');

  if (tm.idleTimeout !== undefined) {
    // TimeUtils.parseDuration reads a bare number as milliseconds, in every version
    set(Options.TASKMANAGER_TIMEOUT, String(tm.idleTimeout.toMilliseconds()), 'taskManager.idleTimeout');
  }
  if (jm.ownerReferences !== undefined && jm.ownerReferences.length > 0) {
    set(Options.JM_OWNER_REFERENCE, encodeListOfMaps(jm.ownerReferences.map(ref => {
      const m: Record<string, string> = {};
      for (const k of ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'] as const) {
        if (ref[k] !== undefined) m[k] = String(ref[k]);
      }
      return m;
    })), 'jobManager.ownerReferences');
  }

  const rest = props.restService ?? {};
  set(Options.REST_SERVICE_EXPOSED_TYPE, rest.exposedType, 'restService.exposedType');
  set(Options.REST_SERVICE_ANNOTATIONS, map(rest.annotations), 'restService.annotations');
  if (rest.labels !== undefined) {
    requireVersion(version, FlinkVersion.V2_2, 'restService.labels', 'kubernetes.rest-service.labels (FLINK-37478)');
    set(Options.REST_SERVICE_LABELS, map(rest.labels), 'restService.labels');
  }

  const ha = props.highAvailability;
  if (ha !== undefined) {
    set(Options.HA_TYPE, ha.type, 'highAvailability');
    set(Options.HA_STORAGE_DIR, ha.storageDir, 'highAvailability.storageDir');
    set(Options.HA_ZOOKEEPER_QUORUM, ha.quorum, 'highAvailability.quorum');
    set(Options.HA_ZOOKEEPER_ROOT, ha.rootPath, 'highAvailability.rootPath');
  }

  if (props.secrets !== undefined && props.secrets.length > 0) {
    const mounts: Record<string, string> = {};
    for (const [i, m] of props.secrets.entries()) {
      if (m.secret.name in mounts) throw new Error(`'secrets[${i}]' mounts Secret '${m.secret.name}' again; Flink names its volume '${m.secret.name}-volume', so each Secret can be mounted once`);
      if (!m.mountPath.startsWith('/')) throw new Error(`'secrets[${i}].mountPath' is '${m.mountPath}': expected an absolute path such as '/opt/secrets/${m.secret.name}'`);
      mounts[m.secret.name] = m.mountPath;
    }
    set(Options.SECRETS, encodeMap(mounts), 'secrets');
  }
  if (props.secretEnv !== undefined && props.secretEnv.length > 0) {
    set(Options.ENV_SECRET_KEY_REF, encodeListOfMaps(props.secretEnv.map(e => ({ env: e.name, secret: e.secret.name, key: e.key }))), 'secretEnv');
  }
  if (props.plugins !== undefined && props.plugins.length > 0) {
    // the docker entrypoint splits ENABLE_BUILT_IN_PLUGINS on ';' and links opt/<jar> into plugins/
    const jars = props.plugins.map(p => p.jarFor(version)).join(';');
    config.set(`${MASTER_ENV_PREFIX}ENABLE_BUILT_IN_PLUGINS`, jars, explicit('plugins'));
    config.set(`${TASKMANAGER_ENV_PREFIX}ENABLE_BUILT_IN_PLUGINS`, jars, explicit('plugins'));
  }
  if (props.hostNetwork !== undefined) set(Options.HOST_NETWORK, String(props.hostNetwork), 'hostNetwork');
  if (props.hadoopConfigMap !== undefined) set(Options.HADOOP_CONF_CONFIG_MAP, props.hadoopConfigMap.name, 'hadoopConfigMap');
  const decorators = props.decorators ?? {};
  for (const [prop, option, value] of [
    ['decorators.hadoopConfMount', Options.HADOOP_DECORATOR_ENABLED, decorators.hadoopConfMount],
    ['decorators.kerberosMount', Options.KERBEROS_DECORATOR_ENABLED, decorators.kerberosMount],
  ] as Array<[string, OptionSpec, boolean | undefined]>) {
    if (value === undefined) continue;
    requireVersion(version, FlinkVersion.V1_17, prop, `${option.key} (FLINK-30713)`);
    set(option, String(value), prop);
  }
  if (props.prometheus !== undefined) {
    // the keys of Flink's documented example: metrics.reporter.prom.factory.class (and .port)
    set({ key: reporterKey(PROMETHEUS_REPORTER_NAME, 'factory.class') }, PROMETHEUS_REPORTER_FACTORY, 'prometheus');
    const port = props.prometheus.port;
    if (port !== undefined) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`'prometheus.port' is ${port}: expected a whole port number from 1 to 65535, e.g. 9249`);
      }
      set({ key: reporterKey(PROMETHEUS_REPORTER_NAME, 'port') }, String(port), 'prometheus.port');
    }
  }
  const maxRequests = props.kubernetesClient?.maxConcurrentRequests;
  if (maxRequests !== undefined) {
    if (!Number.isInteger(maxRequests) || maxRequests < 1 || maxRequests > JAVA_INT_MAX) {
      throw new Error(`'kubernetesClient.maxConcurrentRequests' is ${maxRequests}: expected a whole number from 1 to ${JAVA_INT_MAX} (Fabric8 reads an int), e.g. 200`);
    }
    // Flink's documentation sets both: the env for the client's config, the system property for Fabric8
    config.set(`${MASTER_ENV_PREFIX}KUBERNETES_MAX_CONCURRENT_REQUESTS`, String(maxRequests), explicit('kubernetesClient.maxConcurrentRequests'));
  }
}

function requireVersion(version: FlinkVersion, since: FlinkVersion, prop: string, what: string): void {
  if (!version.isAtLeast(since)) {
    throw new Error(`'${prop}' needs Flink ${since.minorVersion} or later (${what}); this cluster runs ${version.minorVersion}: choose a newer 'version', or remove it`);
  }
}

/** The options a component's typed props stand for. */
interface ComponentOptionKeys {
  readonly memory: OptionSpec;
  readonly cpu: OptionSpec;
  readonly cpuLimitFactor: OptionSpec;
  readonly memoryLimitFactor: OptionSpec;
  readonly labels: OptionSpec;
  readonly annotations: OptionSpec;
  readonly nodeSelector: OptionSpec;
  readonly tolerations: OptionSpec;
  readonly entrypointArgs: OptionSpec;
  readonly envPrefix: string;
}

/** The props the JobManager and the TaskManagers share, onto their options. */
function setComponentProps(
  name: string,
  props: FlinkComponentOptions,
  keys: ComponentOptionKeys,
  set: (o: OptionSpec, value: string | undefined, prop: string) => void,
  cpuHint: string,
): void {
  const factorHint = (what: string) => `a limit factor must be at least 1 (the limit is ${what} × factor); use 1 for limit = request`;
  if (props.memory !== undefined) set(keys.memory, sizeToFlink(props.memory, `${name}.memory`), `${name}.memory`);
  if (props.cpu !== undefined) set(keys.cpu, positive(props.cpu, `${name}.cpu`, 0, cpuHint), `${name}.cpu`);
  if (props.cpuLimitFactor !== undefined) {
    set(keys.cpuLimitFactor, positive(props.cpuLimitFactor, `${name}.cpuLimitFactor`, 1, factorHint('cpu')), `${name}.cpuLimitFactor`);
  }
  if (props.memoryLimitFactor !== undefined) {
    set(keys.memoryLimitFactor, positive(props.memoryLimitFactor, `${name}.memoryLimitFactor`, 1, factorHint('memory')), `${name}.memoryLimitFactor`);
  }
  set(keys.labels, map(props.labels), `${name}.labels`);
  set(keys.annotations, map(props.annotations), `${name}.annotations`);
  set(keys.nodeSelector, map(props.nodeSelector), `${name}.nodeSelector`);
  if (props.tolerations !== undefined && props.tolerations.length > 0) set(keys.tolerations, encodeTolerations(props.tolerations), `${name}.tolerations`);
  set(keys.entrypointArgs, props.entrypointArgs, `${name}.entrypointArgs`);
  for (const [envName, value] of Object.entries(props.env ?? {})) {
    if (!ENV_NAME.test(envName)) {
      throw new Error(`'${name}.env' has '${envName}': not a valid environment variable name (letters, digits, '_', '-', '.'; not starting with a digit); use letters, digits, '_', '-' and '.', e.g. 'MY_VAR'`);
    }
    set({ key: `${keys.envPrefix}${envName}` }, value, `${name}.env.${envName}`);
  }
}

/** Tolerations in `KubernetesToleration`'s keys. */
function encodeTolerations(tolerations: ResolvedToleration[]): string {
  return encodeListOfMaps(tolerations.map(t => {
    const m: Record<string, string> = {};
    for (const k of ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] as const) {
      if (t[k] !== undefined) m[k] = String(t[k]);
    }
    return m;
  }));
}
