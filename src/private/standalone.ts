import { standaloneJobArgs } from './application';
import { explicit, FlinkConfig } from './config';
import { JAVA_INT_MAX, Reader } from './config-reader';
import { dnsSubdomainProblem } from './kubernetes-syntax';
import { DeploymentTarget, ResolvedAutoscaling, ResolvedLocalRecovery, ResolvedStandalone } from './model';
import { DEFAULT_DATA_PORT } from './network-policy';
import { keyOf, Options, OptionSpec } from './options';
import { FlinkPod } from './pod';
import { FlinkClusterProps, TaskManagerAutoscalingOptions, TaskManagerLocalRecoveryOptions } from '../cluster-options';
import { DeploymentMode } from '../deployment-mode';
import { FlinkVersion } from '../flink-version';
import type { FlinkJobOptions } from '../job-options';

/**
 * Standalone mode: what Flink's native client would have done for a cluster and nobody does for a standalone
 * one (standalone reference §8), and what only standalone clusters have — TaskManager replicas, an
 * autoscaler, local recovery and the processes' command lines.
 */

/**
 * The JobManager's own pod IP, as the two tokens `-D`, `key=value` (standalone reference §4.3): `jobmanager.sh`
 * takes a single `-Dkey=value` for the host, and 2.x `standalone-job` no longer knows `--host` (derived, §3.2).
 */
const POD_IP_ARGS = ['-D', 'jobmanager.rpc.address=$(_POD_IP_ADDRESS)'];

/**
 * The distribution's configuration for a standalone cluster: without `rest.address: localhost` (derived,
 * standalone reference §2.1, §6.4). The image
 * rewrites it to `0.0.0.0` at build time (flink-docker `Dockerfile`, standalone reference §6.4) and the
 * documentation's ConfigMap has none, so it falls back to `jobmanager.rpc.address` (`RestOptions.ADDRESS`):
 * the internal Service, or with high availability the JobManager's pod IP it is started with.
 */
export function standaloneConfiguration(distribution: Array<[string, string]>): Array<[string, string]> {
  return distribution.filter(([k]) => k !== 'rest.address');
}

/** A prop that takes effect in one mode only. */
interface ModeOnlyProp {
  readonly prop: string;
  readonly set: (props: FlinkClusterProps) => boolean;
  /** where it takes effect */
  readonly mode: DeploymentMode;
  readonly why: string;
}

const STANDALONE = 'mode: DeploymentMode.STANDALONE';
const NATIVE = 'mode: DeploymentMode.NATIVE';

/** Typed props that cannot take effect in the other mode, as data: the error names the alternative. */
const MODE_ONLY_PROPS: ModeOnlyProp[] = [
  {
    prop: 'taskManager.replicas',
    set: p => p.taskManager?.replicas !== undefined,
    mode: DeploymentMode.STANDALONE,
    why: 'in native mode the JobManager decides how many TaskManagers run (it requests them for the slots its jobs need)',
  },
  {
    prop: 'taskManager.autoscaling',
    set: p => p.taskManager?.autoscaling !== undefined,
    mode: DeploymentMode.STANDALONE,
    why: 'in native mode the JobManager creates TaskManager pods itself, which no HorizontalPodAutoscaler can scale',
  },
  {
    prop: 'taskManager.localRecovery',
    set: p => p.taskManager?.localRecovery !== undefined,
    mode: DeploymentMode.STANDALONE,
    why: 'native TaskManager pods get no persistent volume of their own before Flink 2.3 (kubernetes.persistent-volume-claims)',
  },
  {
    prop: 'hostNetwork',
    set: p => p.hostNetwork === true,
    mode: DeploymentMode.NATIVE,
    why: 'host networking makes Flink pick random ports and update its Services (KubernetesEntrypointUtils, KubernetesResourceManagerDriver), which standalone entrypoints do not',
  },
  {
    prop: 'ownerReferencesPermissionEnforcement',
    set: p => p.ownerReferencesPermissionEnforcement === true,
    mode: DeploymentMode.NATIVE,
    why: 'a standalone JobManager creates no TaskManager pods to own',
  },
];

/**
 * Props that cannot take effect in `mode`, and the standalone props' own values. Checked before the
 * configuration is built, so the message names the prop, not the option behind it.
 */
export function checkModeProps(props: FlinkClusterProps & { readonly job?: FlinkJobOptions }, mode: DeploymentMode, target: DeploymentTarget): void {
  for (const rule of MODE_ONLY_PROPS) {
    if (rule.mode !== mode && rule.set(props)) {
      throw new Error(`'${rule.prop}' cannot take effect in ${mode} mode: ${rule.why}; ${rule.mode === DeploymentMode.STANDALONE ? `use ${STANDALONE}` : `remove it, or use ${NATIVE}`}`);
    }
  }
  const tm = props.taskManager ?? {};
  if (tm.replicas !== undefined && (!Number.isInteger(tm.replicas) || tm.replicas < 1 || tm.replicas > JAVA_INT_MAX)) {
    throw new Error(`'taskManager.replicas' is ${tm.replicas}: expected a whole number of at least 1 (and at most ${JAVA_INT_MAX}, a workload's int32 replicas); to stop the TaskManagers, set 'suspended: true'`);
  }
  if (tm.autoscaling !== undefined) checkAutoscaling(tm.autoscaling, tm.replicas, target);
  if (tm.localRecovery !== undefined) storageQuantity(tm.localRecovery);
}

function checkAutoscaling(a: TaskManagerAutoscalingOptions, replicas: number | undefined, target: DeploymentTarget): void {
  if (target === DeploymentTarget.SESSION) {
    throw new Error('\'taskManager.autoscaling\' needs a job in reactive mode, which Flink runs in standalone application clusters only (elastic scaling: "Standalone session clusters are not supported"); use a FlinkApplicationCluster with job.reactiveMode, or size a session cluster with \'taskManager.replicas\'');
  }
  if (replicas !== undefined) {
    throw new Error(`'taskManager.replicas' (${replicas}) and 'taskManager.autoscaling' both set the number of TaskManagers; the autoscaler owns it, so remove 'taskManager.replicas' and set 'taskManager.autoscaling.minReplicas'`);
  }
  const min = a.minReplicas ?? 1;
  const whole = (v: number, at: number) => Number.isInteger(v) && v >= at && v <= JAVA_INT_MAX;
  const range = `expected a whole number of at least 1 (and at most ${JAVA_INT_MAX}, the autoscaler's int32)`;
  if (!whole(min, 1)) throw new Error(`'taskManager.autoscaling.minReplicas' is ${a.minReplicas}: ${range}`);
  if (!whole(a.maxReplicas, 1)) throw new Error(`'taskManager.autoscaling.maxReplicas' is ${a.maxReplicas}: ${range}`);
  if (a.maxReplicas < min) {
    throw new Error(`'taskManager.autoscaling.maxReplicas' (${a.maxReplicas}) is below 'taskManager.autoscaling.minReplicas' (${min}); the autoscaler needs max ≥ min: raise maxReplicas or lower minReplicas`);
  }
  const target_ = a.targetCpuUtilization;
  if (target_ !== undefined && (!Number.isInteger(target_) || target_ < 1 || target_ > JAVA_INT_MAX)) {
    throw new Error(`'taskManager.autoscaling.targetCpuUtilization' is ${target_}: expected a whole percentage of the CPU request, at least 1 (e.g. 80)`);
  }
}

/** A persistent volume's size as a Kubernetes quantity: whole GiB as `Gi`, else whole MiB as `Mi`. */
function storageQuantity(options: TaskManagerLocalRecoveryOptions): string {
  const className = options.storageClassName;
  const classProblem = className === undefined ? undefined : dnsSubdomainProblem(className);
  if (classProblem !== undefined) {
    throw new Error(`'taskManager.localRecovery.storageClassName' is '${className}': a StorageClass name is ${classProblem} (ValidateClassName), so the API server would reject the volume claims; give the StorageClass's real name (kubectl get storageclass), or leave it out for the default`);
  }
  const mib = options.storage.toMebibytes({ rounding: 2 /* SizeRoundingBehavior.NONE */ });
  if (!Number.isInteger(mib) || mib <= 0) {
    throw new Error(`'taskManager.localRecovery.storage' is ${mib} MiB: expected a positive whole number of mebibytes, e.g. Size.gibibytes(50)`);
  }
  return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}

/** A Flink option that takes effect in one mode only (or in neither, as one shared value). */
interface ModeOnlyOption {
  readonly key: (version: FlinkVersion) => string;
  /** for option families: whether a key belongs to it */
  readonly matches?: (key: string) => boolean;
  /** where it takes effect; undefined: in no mode as a single shared value */
  readonly mode?: DeploymentMode;
  /** the target it is checked for; undefined: both */
  readonly target?: DeploymentTarget;
  /** whether the value is one that cannot take effect (default: any value) */
  readonly when?: (value: string) => boolean;
  readonly why: string;
  readonly instead: string;
}

const k = (o: OptionSpec) => (v: FlinkVersion) => keyOf(o, v.ordinal);
const isTrue = (v: string) => v.trim().toLowerCase() === 'true';

/** Options that cannot take effect in a mode, as data; a typed prop behind one is named in the error. */
const MODE_ONLY_OPTIONS: ModeOnlyOption[] = [
  {
    key: k(Options.HOST_NETWORK),
    mode: DeploymentMode.NATIVE,
    when: isTrue,
    why: 'host networking is native Kubernetes only (Flink picks random ports and updates its Services)',
    instead: `remove it, or use ${NATIVE}`,
  },
  {
    key: k(Options.JM_ENTRYPOINT_ARGS),
    mode: DeploymentMode.NATIVE,
    why: 'a standalone JobManager runs its entrypoint\'s command line without a shell',
    instead: 'set Flink options in \'flinkConfiguration\' instead',
  },
  {
    key: k(Options.TM_ENTRYPOINT_ARGS),
    mode: DeploymentMode.NATIVE,
    why: 'a standalone TaskManager runs its entrypoint\'s command line without a shell',
    instead: 'set Flink options in \'flinkConfiguration\' instead',
  },
  {
    key: k(Options.TASKMANAGER_TIMEOUT),
    mode: DeploymentMode.NATIVE,
    why: 'only an active resource manager releases idle TaskManagers; the standalone one cannot stop them (their number is the workload\'s)',
    instead: 'size them with \'taskManager.replicas\', or use \'taskManager.autoscaling\' in reactive mode',
  },
  {
    key: k(Options.EXECUTION_TARGET),
    mode: DeploymentMode.NATIVE,
    why: 'standalone entrypoints have no deployment target (the application entrypoint runs its job with the embedded executor)',
    instead: 'remove it',
  },
  {
    key: k(Options.NODE_NAME_LABEL),
    mode: DeploymentMode.NATIVE,
    why: 'only the native resource manager keeps TaskManagers off blocked nodes',
    instead: 'remove it',
  },
  {
    key: () => 'external-resource.<name>.kubernetes.config-key',
    matches: key => key.startsWith('external-resource.') && key.endsWith('.kubernetes.config-key'),
    mode: DeploymentMode.NATIVE,
    why: 'only the native resource manager adds external resources to the TaskManager pods it creates',
    instead: 'request them in the TaskManager pod template\'s main container (resources.limits)',
  },
  {
    key: k(Options.PIPELINE_JARS),
    mode: DeploymentMode.NATIVE,
    target: DeploymentTarget.APPLICATION,
    why: 'the standalone entrypoint sets it from its own jars (ApplicationClusterEntryPoint.configureExecution)',
    instead: 'give the jar as \'job.artifact\'',
  },
  {
    key: k(Options.APPLICATION_MAIN),
    mode: DeploymentMode.NATIVE,
    target: DeploymentTarget.APPLICATION,
    why: 'the standalone entrypoint takes the entry class from its command line only',
    instead: 'use \'job.entryClass\'',
  },
  {
    key: k(Options.APPLICATION_ARGS),
    mode: DeploymentMode.NATIVE,
    target: DeploymentTarget.APPLICATION,
    why: 'the standalone entrypoint takes the job\'s arguments from its command line only',
    instead: 'use \'job.args\'',
  },
  {
    key: k(Options.SAVEPOINT_IGNORE_UNCLAIMED),
    mode: DeploymentMode.NATIVE,
    target: DeploymentTarget.APPLICATION,
    why: 'the standalone entrypoint overwrites it from its command line (SavepointRestoreSettings.toConfiguration)',
    instead: 'use \'job.savepoint.allowNonRestoredState\'',
  },
  {
    key: k(Options.SAVEPOINT_CLAIM_MODE),
    mode: DeploymentMode.NATIVE,
    target: DeploymentTarget.APPLICATION,
    why: 'the standalone entrypoint overwrites it with NO_CLAIM (SavepointRestoreSettings.toConfiguration)',
    instead: `remove it, or use ${NATIVE}`,
  },
  {
    key: k(Options.USER_ARTIFACTS_ARTIFACT_LIST),
    mode: DeploymentMode.NATIVE,
    target: DeploymentTarget.APPLICATION,
    why: 'the standalone entrypoint fetches what its --jars names',
    instead: 'give the artifacts as \'job.additionalArtifacts\'',
  },
  {
    key: k(Options.TASKMANAGER_HOST),
    mode: DeploymentMode.NATIVE,
    why: 'every standalone TaskManager reads the one ConfigMap, and each must advertise its own address (its pod IP, taskmanager.network.bind-policy)',
    instead: 'remove it',
  },
  {
    key: k(Options.TASKMANAGER_RESOURCE_ID),
    why: 'each TaskManager needs its own: native Flink sets it to the pod name (-Dtaskmanager.resource-id, BootstrapTools), and a shared value would make every standalone TaskManager the same one',
    instead: 'remove it (in standalone mode, \'taskManager.localRecovery\' sets a stable one per pod)',
  },
];

/**
 * Options that cannot take effect in this mode (data above), and reactive mode, which Flink runs in
 * standalone application clusters only: `ClusterEntrypoint` refuses it at JobManager start in every other
 * cluster ("Reactive mode is configured for an unsupported cluster type. At the moment, reactive mode is only
 * supported by standalone application clusters (bin/standalone-job.sh).").
 */
export function checkModeOptions(reader: Reader, config: FlinkConfig, mode: DeploymentMode, target: DeploymentTarget): void {
  for (const rule of MODE_ONLY_OPTIONS) {
    if (rule.mode === mode || (rule.target !== undefined && rule.target !== target)) continue;
    const key = rule.key(reader.version);
    const entries = rule.matches ? config.sorted().filter(e => rule.matches!(e.key)) : [config.entry(key)].filter(e => e !== undefined);
    for (const entry of entries) {
      if (!entry!.origin.explicit || (rule.when && !rule.when(entry!.value))) continue;
      reader.fail(entry!.key, `cannot take effect${rule.mode ? ` in ${mode} mode` : ''}: ${rule.why}; ${rule.instead}`);
    }
  }
  const scheduler = reader.string(Options.SCHEDULER_MODE);
  if (scheduler?.trim().toLowerCase() === 'reactive' && (mode === DeploymentMode.NATIVE || target === DeploymentTarget.SESSION)) {
    const fix = target === DeploymentTarget.SESSION
      ? 'run the job in a FlinkApplicationCluster with mode: DeploymentMode.STANDALONE'
      : `use ${STANDALONE}, or remove it`;
    reader.fail(Options.SCHEDULER_MODE, `Flink runs reactive mode in standalone application clusters only ("Reactive mode is configured for an unsupported cluster type. At the moment, reactive mode is only supported by standalone application clusters (bin/standalone-job.sh).", ClusterEntrypoint); ${fix}`);
  }
}

/**
 * Every port a standalone cluster uses, pinned to one value: our Services, probes and network policies name
 * them, and nobody fixes them for us as Flink's native client does. `blob.server.port`,
 * `taskmanager.rpc.port` and `taskmanager.data.port` default to "0", a random port, which the TaskManagers would
 * dial through a Service that does not forward it (derived, standalone reference §2.1, §8.4). Flink has no conventional data port; 6121 is ours, the port its documentation declares,
 * unconfigured, on TaskManagers (`NettyShuffleEnvironmentOptions.DATA_PORT`).
 */
export function standalonePorts(config: FlinkConfig, reader: Reader, highAvailability: boolean) {
  const port = (option: OptionSpec, fallback: number, write = true): number => {
    const value = reader.fixedPort(option,
      `a standalone cluster needs one fixed port from 1 to 65535: for 0 or a range Flink picks a port at random, which no Service, probe or network policy can name; set e.g. ${fallback}`);
    if (value === undefined && write) config.put(reader.key(option), String(fallback));
    return value ?? fallback;
  };
  const rpcPort = port(Options.JOBMANAGER_RPC_PORT, 6123);
  const blobPort = port(Options.BLOB_SERVER_PORT, 6124);
  const tmRpcPort = port(Options.TASKMANAGER_RPC_PORT, 6122);
  const restPort = port(Options.REST_PORT, 8081);
  // rest.bind-port falls back to rest.port (RestOptions.BIND_PORT)
  const restBindPort = port(Options.REST_BIND_PORT, restPort, false);
  port(Options.TASKMANAGER_DATA_PORT, DEFAULT_DATA_PORT);
  // ZooKeeper HA binds the JobManager's RPC to high-availability.jobmanager.port (ClusterEntrypoint.getRPCPortRange),
  // which must then be the port the Services, probes and policies name
  if (highAvailability && port(Options.HA_JOBMANAGER_PORT, rpcPort, false) !== rpcPort) {
    reader.fail(Options.HA_JOBMANAGER_PORT, `with ZooKeeper high availability the JobManager listens for RPC on this port (ClusterEntrypoint.getRPCPortRange), but its Services and liveness probe use jobmanager.rpc.port (${rpcPort}); set jobmanager.rpc.port instead, and remove this`);
  }
  return { blobPort, tmRpcPort, restPort, restBindPort, rpcPort };
}

/** Options with which local state would leave the persistent volume, or local recovery would be off. */
const LOCAL_STATE_OPTIONS: OptionSpec[] = [
  { key: 'execution.checkpointing.local-backup.dirs', previousKey: 'taskmanager.state.local.root-dirs', renamedIn: 120 },
  { key: 'execution.checkpointing.local-backup.enabled', since: 120 },
  { key: 'execution.state-recovery.from-local', previousKey: 'state.backend.local-recovery', renamedIn: 120 },
];

const CHECKPOINTING_INTERVAL: OptionSpec = { key: 'execution.checkpointing.interval' };
const RESTART_STRATEGY: OptionSpec = { key: 'restart-strategy.type', previousKey: 'restart-strategy' };

/** Where the local-recovery volume is mounted: the TaskManagers' working directory. */
const WORKING_DIR = '/opt/flink/working-dir';

/**
 * The key that turns local recovery on: `state.backend.local-recovery` (CheckpointingOptions) until 1.19;
 * from 1.20 `execution.state-recovery.from-local` (StateRecoveryOptions, which keeps the old key as a
 * deprecated one), which `execution.checkpointing.local-backup.enabled` falls back to, so it also takes the
 * local copies.
 */
function localRecoveryKey(version: FlinkVersion): string {
  return version.isAtLeast(FlinkVersion.V1_20) ? 'execution.state-recovery.from-local' : 'state.backend.local-recovery';
}

/** What the renderer needs of a standalone cluster, with what it adds to the configuration. */
export function resolveStandalone(
  props: FlinkClusterProps & { readonly job?: FlinkJobOptions },
  config: FlinkConfig,
  reader: Reader,
  facts: {
    clusterId: string;
    target: DeploymentTarget;
    highAvailability: boolean;
    kubernetesHighAvailability: boolean;
    jobManagerPodTemplate: FlinkPod;
    taskManagerPodTemplate: FlinkPod;
    runAsNonRoot: boolean;
  },
): ResolvedStandalone {
  const tm = props.taskManager ?? {};
  const reactive = reader.string(Options.SCHEDULER_MODE)?.trim().toLowerCase() === 'reactive';
  if (tm.autoscaling !== undefined && !reactive) {
    throw new Error('\'taskManager.autoscaling\' needs reactive mode: only a job in reactive mode uses TaskManagers that come and go, any other keeps its parallelism and leaves new ones idle; set \'job.reactiveMode: true\' (scheduler-mode: reactive), or size the TaskManagers with \'taskManager.replicas\'');
  }
  if (reactive && !config.has(reader.key(CHECKPOINTING_INTERVAL)) && !config.has(reader.key(RESTART_STRATEGY))) {
    reader.fail(Options.SCHEDULER_MODE, `reactive mode rescales by restarting the job, and "if no restarting strategy is configured, reactive mode will fail your job, instead of scaling it" (elastic scaling documentation); set 'execution.checkpointing.interval' in flinkConfiguration (checkpointing also configures a restart strategy and keeps the state across rescales), or '${reader.key(RESTART_STRATEGY)}'`);
  }
  if (reactive && props.job?.parallelism !== undefined) {
    throw new Error(`'job.parallelism' is ${props.job.parallelism}, but reactive mode ignores the configured parallelism and uses every slot there is (elastic scaling documentation); remove it, and bound the job with 'pipeline.max-parallelism' if needed`);
  }
  if (props.job?.savepoint !== undefined && config.isExplicit(reader.key(Options.SAVEPOINT_PATH))) {
    reader.fail(Options.SAVEPOINT_PATH, 'standalone-job\'s --fromSavepoint, which \'job.savepoint.path\' sets, overwrites it (SavepointRestoreSettings.toConfiguration); set the savepoint in one place');
  }
  const maxRequests = props.kubernetesClient?.maxConcurrentRequests;
  if (maxRequests !== undefined && !facts.kubernetesHighAvailability) {
    throw new Error(`'kubernetesClient.maxConcurrentRequests' is ${maxRequests}, but a standalone JobManager calls the Kubernetes API only for Kubernetes high availability; remove it`);
  }

  if (tm.autoscaling !== undefined) {
    // utilization is per pod: a container without a CPU request leaves it undefined, and the autoscaler idle
    // (Kubernetes HPA algorithm details)
    const unmeasured = facts.taskManagerPodTemplate.spec.containers.find((c: any) => c.resources?.requests?.cpu === undefined);
    if (unmeasured !== undefined) {
      throw new Error(`'taskManager.autoscaling' measures the TaskManager pods' CPU against their requests, but the sidecar '${unmeasured.name}' of the TaskManager pod template has no CPU request, which leaves the utilization undefined and the autoscaler idle; give it resources.requests.cpu`);
    }
  }

  let localRecovery: ResolvedLocalRecovery | undefined;
  if (tm.localRecovery !== undefined) {
    // a StatefulSet's pods carry the label controller-revision-hash: <name>-<10 characters>, at most 63 (kubernetes/kubernetes#64023)
    const name = `${facts.clusterId}-taskmanager`;
    if (name.length > 52) {
      throw new Error(`'taskManager.localRecovery' makes the TaskManagers a StatefulSet '${name}' (${name.length} characters), whose pods Kubernetes cannot create above 52 (their controller-revision-hash label would exceed 63 characters); use a cluster id of at most 40 characters`);
    }
    for (const option of LOCAL_STATE_OPTIONS) {
      const key = [option.key, option.previousKey].find(candidate => candidate !== undefined && config.isExplicit(candidate));
      if (key !== undefined) {
        reader.fail(key, `with 'taskManager.localRecovery' the TaskManagers keep their local state in their working directory on the persistent volume (${WORKING_DIR}), which this would move or turn off; remove it`);
      }
    }
    const fsGroup = facts.taskManagerPodTemplate.spec.securityContext?.fsGroup;
    if (!facts.runAsNonRoot && fsGroup === undefined) {
      throw new Error('\'taskManager.localRecovery\' mounts a new volume owned by root, which Flink\'s user cannot write to; with \'runAsNonRoot: false\' set the group of your image\'s Flink user as spec.securityContext.fsGroup in the TaskManager pod template');
    }
    config.set(localRecoveryKey(reader.version), 'true', explicit('taskManager.localRecovery'));
    config.set(reader.key(Options.TM_WORKING_DIR), WORKING_DIR, explicit('taskManager.localRecovery'));
    localRecovery = { storage: storageQuantity(tm.localRecovery), storageClassName: tm.localRecovery.storageClassName, workingDir: WORKING_DIR };
  }

  const autoscaling: ResolvedAutoscaling | undefined = tm.autoscaling === undefined ? undefined : {
    minReplicas: tm.autoscaling.minReplicas ?? 1,
    maxReplicas: tm.autoscaling.maxReplicas,
    // Kubernetes' own default target for CPU (autoscaling/v1 targetCPUUtilizationPercentage); Flink documents none
    targetCpuUtilization: tm.autoscaling.targetCpuUtilization ?? 80,
  };
  const podIp = facts.highAvailability ? POD_IP_ARGS : [];
  return {
    taskManagerReplicas: autoscaling ? undefined : tm.replicas ?? 1,
    autoscaling,
    localRecovery,
    jobManagerArgs: facts.target === DeploymentTarget.APPLICATION ? standaloneJobArgs(props.job!, podIp) : ['jobmanager', ...podIp],
    // a stable resource id per pod lets a restarted TaskManager find its local state: without one its working
    // directory is named at random and deleted on shutdown (derived, TaskManagerRunner.getTaskManagerResourceID)
    taskManagerArgs: ['taskmanager', ...(localRecovery ? ['-D', 'taskmanager.resource-id=$(POD_NAME)'] : [])],
    taskManagerPodTemplate: facts.taskManagerPodTemplate,
  };
}
