import { createHash } from 'crypto';
import { Reader } from './config-reader';
import { ResolvedCluster } from './model';
import { keyOf, Options, OptionSpec } from './options';
import { FlinkPod, withAnnotation } from './pod';

/**
 * The pod-template annotation holding the hash of what the pods read at start. Flink reads its configuration
 * only when a process starts, and Kubernetes rolls a workload only when its pod template changes: a change
 * of the ConfigMaps alone would leave the JobManager on the old configuration while new TaskManagers read the
 * new one (job lifecycle reference §10.2).
 */
export const CONFIG_HASH_ANNOTATION = 'cdk8s-flink.dev/config-hash';

/**
 * Options only Flink's client reads, to build the Services (`KubernetesJobManagerParameters`, used by
 * `ExternalServiceDecorator` and `InternalServiceDecorator`): the Services change with them, the processes
 * do not, so they do not restart the JobManager.
 */
const SERVICE_METADATA: readonly OptionSpec[] = [
  Options.REST_SERVICE_ANNOTATIONS,
  Options.REST_SERVICE_LABELS,
  Options.INTERNAL_SERVICE_ANNOTATIONS,
  Options.INTERNAL_SERVICE_LABELS,
];

/**
 * A SHA-256 of what the JobManager and TaskManager processes read at start: the shipped configuration
 * (without the Services' metadata), the log configuration files the user gave, and the TaskManager pod
 * template the native JobManager creates TaskManagers from. This library's own log files are left out: they
 * re-read themselves (Log4j `monitorInterval`, Logback `scan`) from the mounted ConfigMap, which the kubelet
 * refreshes, so a changed log level takes effect without a restart, as Flink's documentation describes
 * ("Changing the Log Level Dynamically", native Kubernetes).
 */
export function configHash(cluster: ResolvedCluster): string {
  const keys = SERVICE_METADATA.map(o => keyOf(o, cluster.version.ordinal));
  // a map option is also read from prefixed keys (`<key>.<mapKey>`)
  const serviceMetadata = (key: string) => keys.some(k => key === k || key.startsWith(`${k}.`));
  // every string prefixed with its length, so that no two inputs read the same; the files are the same for many
  // clusters, so each stands for its digest, computed once
  const field = (s: string) => `${s.length}:${s}`;
  let text = field(cluster.version.configFileName);
  for (const e of cluster.config.sorted()) {
    if (!serviceMetadata(e.key)) text += field(e.key) + field(e.value);
  }
  for (const [name, content] of cluster.logFiles) {
    if (!cluster.reloadingLogFiles.has(name)) text += field(name) + digest(content);
  }
  if (cluster.taskManagerPodTemplate !== undefined) text += field('taskmanager-pod-template') + digest(cluster.taskManagerPodTemplate);
  return sha256(text);
}

/** The SHA-256 of `text`, in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Digests of recent files; bounded, as a process may build clusters from endless distinct templates. */
const digests = new Map<string, string>();

function digest(text: string): string {
  let value = digests.get(text);
  if (value === undefined) {
    if (digests.size >= 64) digests.clear();
    value = sha256(text);
    digests.set(text, value);
  }
  return value;
}

/** The pod with the hash annotation, after the annotations Flink puts on it. */
export function withConfigHash(pod: FlinkPod, hash: string): FlinkPod {
  return withAnnotation(pod, CONFIG_HASH_ANNOTATION, hash);
}

/** The hash annotation is ours: an option setting it on the pods would be overwritten or would overwrite it. */
export function checkConfigHashAnnotation(reader: Reader, option: OptionSpec, annotations: Record<string, string>): void {
  if (CONFIG_HASH_ANNOTATION in annotations) {
    reader.fail(option, `'${CONFIG_HASH_ANNOTATION}' is the annotation this library sets to the hash of the configuration the pods read at start, which rolls them when it changes; use another key`);
  }
}
