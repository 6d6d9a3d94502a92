import { OPTION_HISTORY, OPTION_VERSIONS, PASS_THROUGH_PREFIXES, PREFIX_MAP_OPTIONS, STRICT_PREFIXES } from './data/flink-options';
import { editDistance } from './edit-distance';

/**
 * The Flink configuration options this library reads or writes, with the key each Flink version uses.
 *
 * Source: `flink-kubernetes/.../configuration/KubernetesConfigOptions.java` at each release (reference §3),
 * the 1.17 renames of FLINK-29372 (reference §7) and `flink-core/.../configuration/*Options.java`.
 * Versions are ordinals: `major * 100 + minor` (1.16 → 116, 2.2 → 202).
 */
export interface OptionSpec {
  /** the key in the newest version */
  readonly key: string;
  /** first version that has the option (undefined: every supported version) */
  readonly since?: number;
  /** the primary key before a rename (FLINK-29372 in 1.17, unless `renamedIn` says otherwise); deprecated after it */
  readonly previousKey?: string;
  /** the version of the rename, when not 1.17 */
  readonly renamedIn?: number;
  /** deprecated aliases that Flink still reads through its fallback keys */
  readonly deprecatedKeys?: readonly string[];
}

function opt(key: string, extra: Omit<OptionSpec, 'key'> = {}): OptionSpec {
  return { key, ...extra };
}

export const Options = {
  CLUSTER_ID: opt('kubernetes.cluster-id'),
  NAMESPACE: opt('kubernetes.namespace'),
  CONTAINER_IMAGE: opt('kubernetes.container.image.ref', { previousKey: 'kubernetes.container.image' }),
  IMAGE_PULL_POLICY: opt('kubernetes.container.image.pull-policy'),
  IMAGE_PULL_SECRETS: opt('kubernetes.container.image.pull-secrets'),
  ENTRY_PATH: opt('kubernetes.entry.path'),
  FLINK_CONF_DIR: opt('kubernetes.flink.conf.dir'),
  FLINK_LOG_DIR: opt('kubernetes.flink.log.dir'),
  HADOOP_CONF_CONFIG_MAP: opt('kubernetes.hadoop.conf.config-map.name'),
  HADOOP_DECORATOR_ENABLED: opt('kubernetes.decorator.hadoop-conf-mount.enabled', { since: 117 }),
  KERBEROS_DECORATOR_ENABLED: opt('kubernetes.decorator.kerberos-mount.enabled', { since: 117 }),
  SERVICE_ACCOUNT: opt('kubernetes.service-account'),
  JM_SERVICE_ACCOUNT: opt('kubernetes.jobmanager.service-account'),
  TM_SERVICE_ACCOUNT: opt('kubernetes.taskmanager.service-account'),
  JM_CPU: opt('kubernetes.jobmanager.cpu.amount', { previousKey: 'kubernetes.jobmanager.cpu' }),
  TM_CPU: opt('kubernetes.taskmanager.cpu.amount', { previousKey: 'kubernetes.taskmanager.cpu' }),
  JM_CPU_LIMIT_FACTOR: opt('kubernetes.jobmanager.cpu.limit-factor'),
  JM_MEMORY_LIMIT_FACTOR: opt('kubernetes.jobmanager.memory.limit-factor'),
  TM_CPU_LIMIT_FACTOR: opt('kubernetes.taskmanager.cpu.limit-factor'),
  TM_MEMORY_LIMIT_FACTOR: opt('kubernetes.taskmanager.memory.limit-factor'),
  JM_LABELS: opt('kubernetes.jobmanager.labels'),
  TM_LABELS: opt('kubernetes.taskmanager.labels'),
  JM_ANNOTATIONS: opt('kubernetes.jobmanager.annotations'),
  TM_ANNOTATIONS: opt('kubernetes.taskmanager.annotations'),
  JM_NODE_SELECTOR: opt('kubernetes.jobmanager.node-selector'),
  TM_NODE_SELECTOR: opt('kubernetes.taskmanager.node-selector'),
  JM_TOLERATIONS: opt('kubernetes.jobmanager.tolerations'),
  TM_TOLERATIONS: opt('kubernetes.taskmanager.tolerations'),
  JM_OWNER_REFERENCE: opt('kubernetes.jobmanager.owner.reference'),
  JM_REPLICAS: opt('kubernetes.jobmanager.replicas'),
  JM_ENTRYPOINT_ARGS: opt('kubernetes.jobmanager.entrypoint.args'),
  TM_ENTRYPOINT_ARGS: opt('kubernetes.taskmanager.entrypoint.args'),
  REST_SERVICE_EXPOSED_TYPE: opt('kubernetes.rest-service.exposed.type'),
  REST_SERVICE_ANNOTATIONS: opt('kubernetes.rest-service.annotations'),
  REST_SERVICE_LABELS: opt('kubernetes.rest-service.labels', { since: 202 }),
  INTERNAL_SERVICE_ANNOTATIONS: opt('kubernetes.internal-service.annotations', { since: 120 }),
  INTERNAL_SERVICE_LABELS: opt('kubernetes.internal-service.labels', { since: 202 }),
  SECRETS: opt('kubernetes.secrets'),
  ENV_SECRET_KEY_REF: opt('kubernetes.env.secretKeyRef'),
  POD_TEMPLATE_DEFAULT: opt('kubernetes.pod-template-file.default', { previousKey: 'kubernetes.pod-template-file' }),
  POD_TEMPLATE_JM: opt('kubernetes.pod-template-file.jobmanager'),
  POD_TEMPLATE_TM: opt('kubernetes.pod-template-file.taskmanager'),
  HOST_NETWORK: opt('kubernetes.hostnetwork.enabled'),
  TRANSACTIONAL_INITIAL_RETRY_DELAY: opt('kubernetes.transactional-operation.initial-retry-delay', { since: 120 }),
  TRANSACTIONAL_MAX_RETRY_DELAY: opt('kubernetes.transactional-operation.max-retry-delay', { since: 120 }),
  ARTIFACTS_LOCAL_UPLOAD_ENABLED: opt('kubernetes.artifacts.local-upload-enabled', { since: 120 }),
  ARTIFACTS_LOCAL_UPLOAD_OVERWRITE: opt('kubernetes.artifacts.local-upload-overwrite', { since: 120 }),
  ARTIFACTS_LOCAL_UPLOAD_TARGET: opt('kubernetes.artifacts.local-upload-target', { since: 120 }),
  INTERNAL_ENTRYPOINT_CLASS: opt('kubernetes.internal.jobmanager.entrypoint.class'),
  HA_TYPE: opt('high-availability.type', { previousKey: 'high-availability', deprecatedKeys: ['recovery.mode'] }),
  HA_STORAGE_DIR: opt('high-availability.storageDir', {
    deprecatedKeys: ['high-availability.zookeeper.storageDir', 'recovery.zookeeper.storageDir'],
  }),
  HA_ZOOKEEPER_QUORUM: opt('high-availability.zookeeper.quorum'),
  HA_ZOOKEEPER_ROOT: opt('high-availability.zookeeper.path.root'),
  HA_CLUSTER_ID: opt('high-availability.cluster-id'),
  HA_JOBMANAGER_PORT: opt('high-availability.jobmanager.port'),
  EXECUTION_TARGET: opt('execution.target'),
  EXECUTION_ATTACHED: opt('execution.attached'),
  SHUTDOWN_ON_ATTACHED_EXIT: opt('execution.shutdown-on-attached-exit'),
  SHUTDOWN_ON_APPLICATION_FINISH: opt('execution.shutdown-on-application-finish'),
  PIPELINE_JARS: opt('pipeline.jars'),
  PIPELINE_CLASSPATHS: opt('pipeline.classpaths'),
  APPLICATION_MAIN: opt('$internal.application.main'),
  APPLICATION_ARGS: opt('$internal.application.program-args'),
  PIPELINE_FIXED_JOB_ID: opt('$internal.pipeline.job-id'),
  PARALLELISM: opt('parallelism.default'),
  // StateRecoveryOptions (1.20+) replaced SavepointConfigOptions' keys, which it keeps as deprecated keys
  SAVEPOINT_PATH: opt('execution.state-recovery.path', { previousKey: 'execution.savepoint.path', renamedIn: 120 }),
  SAVEPOINT_IGNORE_UNCLAIMED: opt('execution.state-recovery.ignore-unclaimed-state', { previousKey: 'execution.savepoint.ignore-unclaimed-state', renamedIn: 120 }),
  SAVEPOINT_CLAIM_MODE: opt('execution.state-recovery.claim-mode', { previousKey: 'execution.savepoint-restore-mode', renamedIn: 120 }),
  EXECUTION_MODE: opt('internal.cluster.execution-mode'),
  JOBMANAGER_RPC_ADDRESS: opt('jobmanager.rpc.address'),
  JOBMANAGER_RPC_PORT: opt('jobmanager.rpc.port'),
  JOBMANAGER_RPC_BIND_PORT: opt('jobmanager.rpc.bind-port'),
  BLOB_SERVER_PORT: opt('blob.server.port'),
  TASKMANAGER_RPC_PORT: opt('taskmanager.rpc.port'),
  TASKMANAGER_RPC_BIND_PORT: opt('taskmanager.rpc.bind-port'),
  REST_PORT: opt('rest.port'),
  REST_BIND_PORT: opt('rest.bind-port'),
  USER_ARTIFACTS_BASE_DIR: opt('user.artifacts.base-dir', { since: 119 }),
  USER_ARTIFACTS_ARTIFACT_LIST: opt('user.artifacts.artifact-list', { since: 119 }),
  USER_ARTIFACTS_RAW_HTTP: opt('user.artifacts.raw-http-enabled', { since: 119 }),
  USER_ARTIFACTS_HTTP_HEADERS: opt('user.artifacts.http-headers', { since: 119 }),
  STDOUT_ERR_REDIRECT: opt('env.stdout-err.redirect-to-file', { since: 118 }),
  // 1.x maps the legacy heap keys onto the process size only when that is absent, and the distribution sets
  // it, so they would be ignored; 2.0 removed them (FLINK-33750)
  JM_PROCESS_MEMORY: opt('jobmanager.memory.process.size', { deprecatedKeys: ['jobmanager.heap.size', 'jobmanager.heap.mb'] }),
  JM_FLINK_MEMORY: opt('jobmanager.memory.flink.size'),
  JM_HEAP_MEMORY: opt('jobmanager.memory.heap.size'),
  TM_PROCESS_MEMORY: opt('taskmanager.memory.process.size', { deprecatedKeys: ['taskmanager.heap.size', 'taskmanager.heap.mb'] }),
  TM_FLINK_MEMORY: opt('taskmanager.memory.flink.size'),
  TM_TASK_HEAP_MEMORY: opt('taskmanager.memory.task.heap.size'),
  TM_MANAGED_MEMORY: opt('taskmanager.memory.managed.size', { deprecatedKeys: ['taskmanager.memory.size'] }),
  TM_NETWORK_MIN: opt('taskmanager.memory.network.min', { deprecatedKeys: ['taskmanager.network.memory.min', 'taskmanager.network.numberOfBuffers'] }),
  TM_NETWORK_MAX: opt('taskmanager.memory.network.max', { deprecatedKeys: ['taskmanager.network.memory.max'] }),
  TM_NETWORK_FRACTION: opt('taskmanager.memory.network.fraction', { deprecatedKeys: ['taskmanager.network.memory.fraction'] }),
  TM_CPU_CORES: opt('taskmanager.cpu.cores'),
  TASK_SLOTS: opt('taskmanager.numberOfTaskSlots'),
  TASKMANAGER_TIMEOUT: opt('resourcemanager.taskmanager-timeout'),
  TASKMANAGER_DATA_PORT: opt('taskmanager.data.port'),
  TASKMANAGER_DATA_BIND_PORT: opt('taskmanager.data.bind-port'),
  QUERY_SERVICE_PORT: opt('metrics.internal.query-service.port'),
  TASKMANAGER_HOST: opt('taskmanager.host'),
  TASKMANAGER_RESOURCE_ID: opt('taskmanager.resource-id'),
  NODE_NAME_LABEL: opt('kubernetes.node-name-label'),
  SCHEDULER_MODE: opt('scheduler-mode'),
  TM_WORKING_DIR: opt('process.taskmanager.working-dir'),
  METRICS_REPORTERS: opt('metrics.reporters'),
} as const;

/** Prefixes of per-variable environment options (`C/ResourceManagerOptions`). */
export const MASTER_ENV_PREFIX = 'containerized.master.env.';
export const TASKMANAGER_ENV_PREFIX = 'containerized.taskmanager.env.';

/** The key `option` has in the Flink version `ordinal`. */
export function keyOf(option: OptionSpec, ordinal: number): string {
  return option.previousKey !== undefined && ordinal < (option.renamedIn ?? 117) ? option.previousKey : option.key;
}

/** Every option by each key it has ever had: its key, its previous key and its deprecated keys. */
const OPTIONS_BY_KEY = new Map<string, OptionSpec[]>();
for (const option of Object.values(Options) as OptionSpec[]) {
  for (const k of [option.key, ...(option.previousKey ? [option.previousKey] : []), ...(option.deprecatedKeys ?? [])]) {
    OPTIONS_BY_KEY.set(k, [...(OPTIONS_BY_KEY.get(k) ?? []), option]);
  }
}

function formatOrdinal(ordinal: number): string {
  return `${Math.floor(ordinal / 100)}.${ordinal % 100}`;
}

/**
 * Checks a key the user wrote against the option tables: our own (`Options`, with tailored messages) and
 * Flink's whole history (`OPTION_HISTORY`). A key the version does not know yet, a key it no longer has, a
 * deprecated key (Flink still reads those, with a warning; we refuse them in every version alike, naming the
 * key to use) and an unknown key under a prefix whose every option we know get an error with the key to use;
 * other unknown keys pass: Flink's connectors, plugins and user code read options of their own.
 */
export function checkUserKey(key: string, ordinal: number, where: string): void {
  const version = formatOrdinal(ordinal);
  for (const option of OPTIONS_BY_KEY.get(key) ?? []) {
    const primary = keyOf(option, ordinal);
    if (key === primary) {
      if (option.since !== undefined && ordinal < option.since) {
        throw new Error(`${where}: '${key}' does not exist before Flink ${formatOrdinal(option.since)} (this cluster runs ${version}), so Flink would ignore it; remove it or choose a newer 'version'`);
      }
      return;
    }
    const aliases = [...(option.deprecatedKeys ?? []), ...(option.previousKey ? [option.previousKey, option.key] : [])];
    if (aliases.includes(key)) {
      const reason = option.previousKey === key || option.deprecatedKeys?.includes(key)
        ? `is deprecated in Flink ${version}`
        : `does not exist in Flink ${version}`;
      throw new Error(`${where}: '${key}' ${reason}; use '${primary}' instead`);
    }
  }
  checkHistory(key, ordinal, where);
}

/** The letter of `key` in the release line `ordinal`, if Flink's history lists it. */
function roleIn(entry: [string, string?], ordinal: number): string | undefined {
  const at = OPTION_VERSIONS.indexOf(ordinal);
  return at < 0 ? undefined : entry[0][at];
}

/**
 * Options of the Flink Kubernetes operator (`KubernetesOperatorConfigOptions`, `AutoScalerOptions`), which it
 * reads from a FlinkDeployment's `flinkConfiguration`; no Flink process reads them, and this library runs no
 * operator, so they would do nothing.
 */
const OPERATOR_PREFIXES: ReadonlyArray<{ readonly prefix: string; readonly feature: string; readonly instead: string }> = [
  { prefix: 'kubernetes.operator.', feature: 'its reconciler\'s settings (rollback, health checks, periodic savepoints, upgrades)', instead: '; remove it' },
  {
    prefix: 'job.autoscaler.',
    feature: 'its autoscaler',
    instead: '; remove it, and for a job that follows the TaskManagers it has, use reactive mode (mode: DeploymentMode.STANDALONE, job.reactiveMode, taskManager.autoscaling)',
  },
];

function checkHistory(key: string, ordinal: number, where: string): void {
  if (PASS_THROUGH_PREFIXES.some(p => key.startsWith(p))) return;
  const operator = OPERATOR_PREFIXES.find(o => key.startsWith(o.prefix));
  if (operator !== undefined) {
    throw new Error(`${where}: '${key}' is an option of the Flink Kubernetes operator, for ${operator.feature}, which this library does not run: no Flink process reads it, so it would do nothing${operator.instead}`);
  }
  const version = formatOrdinal(ordinal);
  const entry = OPTION_HISTORY[key];
  const role = entry === undefined ? undefined : roleIn(entry, ordinal);
  if (entry !== undefined && role !== undefined) {
    if (role === 'P' || role === 'F') return;
    if (role === 'D') throw new Error(`${where}: '${key}' is deprecated in Flink ${version}; use ${alternatives(entry[1]!)} instead`);
    const at = OPTION_VERSIONS.indexOf(ordinal);
    const later = entry[0].slice(at + 1).search(/[PF]/);
    if (later >= 0) {
      throw new Error(`${where}: '${key}' does not exist before Flink ${formatOrdinal(OPTION_VERSIONS[at + 1 + later])} (this cluster runs ${version}), so Flink would ignore it; remove it or choose a newer 'version'`);
    }
    const instead = entry[1] !== undefined ? `; use ${alternatives(entry[1])} instead` : '; remove it';
    throw new Error(`${where}: '${key}' does not exist in Flink ${version} (it was removed), so Flink would ignore it${instead}`);
  }
  const prefix = STRICT_PREFIXES.find(p => key.startsWith(p));
  if (prefix === undefined) return;
  if (PREFIX_MAP_OPTIONS.some(map => key.startsWith(`${map}.`))) return;
  const candidates = Object.keys(OPTION_HISTORY).filter(k => k.startsWith(prefix) && /[PF]/.test(roleIn(OPTION_HISTORY[k], ordinal) ?? ''));
  const closest = candidates
    .map(k => [k, editDistance(key, k)] as const)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0];
  const hint = closest !== undefined && closest[1] <= Math.max(3, Math.floor(key.length / 4)) ? `; did you mean '${closest[0]}'?` : `; see the '${prefix}*' options of Flink ${version}`;
  throw new Error(`${where}: '${key}' is not an option of Flink ${version}, which would ignore it${hint}`);
}

/** `a | b` of the data as `'a' or 'b'`. */
function alternatives(keys: string): string {
  return keys.split(' | ').map(k => `'${k}'`).join(' or ');
}
