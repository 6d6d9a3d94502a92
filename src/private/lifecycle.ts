import { FlinkConfig, where } from './config';
import { sha256 } from './config-hash';
import { Reader } from './config-reader';
import { encodeMap } from './encoding';
import { jobUpgradeScript, JOB_UPGRADE_CONTAINER } from './job-upgrade-script';
import { ResolvedLifecycle, ResolvedStandalone } from './model';
import { Options, OptionSpec } from './options';
import { commonLabels, FlinkPod, taskManagerSelector } from './pod';
import { DeploymentMode } from '../deployment-mode';
import { FlinkVersion } from '../flink-version';
import { FlinkJobOptions, RecoveryClaimMode, UpgradeMode } from '../job-options';

/**
 * What a Git change of an application cluster's job does at the JobManager's next start (job-lifecycle reference
 * §3, §5, §10). With high availability Flink recovers the job graph it stored at the first submission and ignores
 * the changed job; without it every start submits the job afresh. So every application cluster carries a hash of
 * its job-level inputs on the JobManager's pod template (a changed job rolls the JobManager at once, also where the
 * change is only in the ConfigMap), and a highly available one declares an upgrade mode whose mechanics make the
 * change take effect: with Kubernetes HA an init container (`job-upgrade-script.ts`), with ZooKeeper HA a fresh
 * `high-availability.cluster-id` per job generation.
 */

/** The pod-template annotation (JobManager) and TaskManager label that carry the job hash. */
export const JOB_HASH_KEY = 'cdk8s-flink.dev/job-hash';

/**
 * Options only the cluster's processes read — not captured in the job graph (reference §3.3), so a change needs
 * no new graph and is not a change of the job. Everything else counts as job-level: `pipeline.*`,
 * `$internal.application.*`, `parallelism.default`, `execution.checkpointing.*`, `execution.state-recovery.*`,
 * `state.*`, `restart-strategy.*`, `table.*`, `user.artifacts.*`, and any key not listed here, which a `main()` may
 * read. `$internal.pipeline.job-id` is ours, derived from the hash.
 */
const CLUSTER_LEVEL_PREFIXES = [
  'kubernetes.', 'high-availability.', 'jobmanager.', 'taskmanager.', 'resourcemanager.', 'slotmanager.', 'slot.',
  'rest.', 'web.', 'blob.', 'metrics.', 'env.', 'containerized.', 'security.', 'akka.', 'pekko.', 'heartbeat.',
  'cluster.', 'process.', 'historyserver.', 'jobstore.', 'queryable-state.', 'classloader.', 'internal.cluster.',
];
const CLUSTER_LEVEL_KEYS = [
  'io.tmp.dirs',
  // how the application is run, not what it runs
  'execution.target',
  'execution.attached',
  'execution.shutdown-on-attached-exit',
  'execution.shutdown-on-application-finish',
  'execution.submit-failed-job-on-application-error',
  '$internal.pipeline.job-id',
];

/** Whether a change of the Flink option `key` is a change of the job (it is stored in the job graph). */
export function isJobLevelOption(key: string): boolean {
  return !CLUSTER_LEVEL_KEYS.includes(key) && !CLUSTER_LEVEL_PREFIXES.some(p => key.startsWith(p));
}

/**
 * The job id Flink derives in application mode with high availability when none is configured:
 * `new JobID(highAvailabilityClusterId.hashCode(), 0)` (`ApplicationDispatcherBootstrap.fixJobIdAndRunApplicationAsync`,
 * reference §2.2): Java's `String.hashCode` over the UTF-16 code units, sign-extended to the lower 64 bits, written
 * before the upper part (`AbstractID.toHexString`).
 */
export function flinkDerivedJobId(haClusterId: string): string {
  let h = BigInt(0);
  for (let i = 0; i < haClusterId.length; i++) h = BigInt.asIntN(32, BigInt(31) * h + BigInt(haClusterId.charCodeAt(i)));
  return BigInt.asUintN(64, h).toString(16).padStart(16, '0') + '0'.repeat(16);
}

/** Which kind of high availability: the mechanics differ. */
type HaKind = 'none' | 'kubernetes' | 'zookeeper';

interface LifecycleFacts {
  readonly ha: HaKind;
  readonly upgradeMode?: UpgradeMode;
  /** the savepoint the job starts from, typed or as an option */
  readonly savepoint?: { readonly prop: string; readonly restoreOnEveryStart: boolean; readonly claimMode?: string };
  readonly suspended: boolean;
  /** the prop that set `high-availability.cluster-id` explicitly */
  readonly explicitHaClusterId?: string;
  /** whether a checkpoint directory is set, and its key in the cluster's version */
  readonly checkpointDirectory: { readonly set: boolean; readonly key: string };
}

const MODE = (m: UpgradeMode | undefined) => `UpgradeMode.${m}`;

/** `CheckpointingOptions.CHECKPOINTS_DIRECTORY`: `state.checkpoints.dir` until 1.19, then `execution.checkpointing.dir`. */
const CHECKPOINT_DIRECTORY: OptionSpec = { key: 'execution.checkpointing.dir', previousKey: 'state.checkpoints.dir', renamedIn: 120 };
/** Every key Flink reads it from, deprecated ones included. */
const CHECKPOINT_DIRECTORY_KEYS = ['execution.checkpointing.dir', 'state.checkpoints.dir', 'state.backend.fs.checkpointdir'];

/** The rules of a job's lifecycle, as data: the first that applies is the error. */
const LIFECYCLE_RULES: Array<{ readonly applies: (f: LifecycleFacts) => boolean; readonly message: (f: LifecycleFacts) => string }> = [
  {
    applies: f => f.ha !== 'none' && f.upgradeMode === undefined,
    message: () => '\'job.upgradeMode\' is not set, but this application cluster is highly available: a JobManager start recovers the job graph Flink stored at the first submission, so a changed job (image, jar, entry class, arguments, parallelism, job options) would silently not take effect, and a new main() that throws would crash-loop the JobManager (ApplicationDispatcherBootstrap, EmbeddedExecutor). Choose UpgradeMode.SAVEPOINT (a changed job starts from the savepoint you took and committed as job.savepoint), UpgradeMode.LAST_STATE (a changed job gets a fresh job graph that restores the latest checkpoint; Kubernetes high availability only) or UpgradeMode.STATELESS (a changed job starts without state)',
  },
  {
    applies: f => f.ha === 'zookeeper' && f.upgradeMode === UpgradeMode.LAST_STATE,
    message: () => '\'job.upgradeMode\' is UpgradeMode.LAST_STATE, which removes the stored job graph from the Kubernetes high-availability ConfigMaps before the JobManager starts; with ZooKeeper high availability the graph lives in ZooKeeper, which nothing here can edit. Use UpgradeMode.SAVEPOINT or UpgradeMode.STATELESS (each changed job then gets its own high-availability.cluster-id), or HighAvailability.kubernetes()',
  },
  {
    applies: f => f.ha === 'none' && (f.upgradeMode === UpgradeMode.SAVEPOINT || f.upgradeMode === UpgradeMode.LAST_STATE),
    message: f => `'job.upgradeMode' is ${MODE(f.upgradeMode)}, which needs high availability: without it every JobManager start submits the job afresh, from job.savepoint or without state, and nothing records a checkpoint to resume from; enable 'highAvailability', or declare UpgradeMode.STATELESS`,
  },
  {
    // DefaultValidator (Flink Kubernetes operator): "Checkpoint directory[execution.checkpointing.dir] must be defined for
    // last-state and savepoint upgrade modes"; CheckpointStorageLoader falls back to JobManagerCheckpointStorage without one
    applies: f => (f.upgradeMode === UpgradeMode.SAVEPOINT || f.upgradeMode === UpgradeMode.LAST_STATE) && !f.checkpointDirectory.set,
    message: f => `'job.upgradeMode' is ${MODE(f.upgradeMode)}, which keeps the job's state through its checkpoints, but no checkpoint directory is set: Flink then keeps checkpoints in the JobManager's heap (JobManagerCheckpointStorage, for development: the state must fit into the JobManager's memory) and externalizes none, so none is retained when the job is cancelled or fails, and there is no checkpoint to start the job from when a savepoint cannot be taken; set '${f.checkpointDirectory.key}' in flinkConfiguration to a durable file system every pod shares, e.g. 's3://bucket/checkpoints' (the Flink operator refuses the same: "Checkpoint directory[execution.checkpointing.dir] must be defined for last-state and savepoint upgrade modes")`,
  },
  {
    applies: f => f.upgradeMode === UpgradeMode.STATELESS && f.savepoint !== undefined,
    message: f => `'job.upgradeMode' is UpgradeMode.STATELESS, which starts a changed job without state, but ${f.savepoint!.prop} sets a savepoint to restore; use UpgradeMode.SAVEPOINT to start from it, or remove it`,
  },
  {
    applies: f => f.ha === 'none' && f.savepoint !== undefined && !f.savepoint.restoreOnEveryStart,
    message: f => `${f.savepoint!.prop} is set without high availability, so every JobManager start restores it again: each rollout, eviction or out-of-memory kill rewinds the job to that savepoint, however old (without high availability Flink keeps no record of the running job). Enable 'highAvailability' (a restart then resumes from the latest checkpoint), or acknowledge it with 'job.savepoint' and 'restoreOnEveryStart: true'`,
  },
  {
    applies: f => f.ha !== 'none' && f.savepoint?.restoreOnEveryStart === true,
    message: () => '\'job.savepoint.restoreOnEveryStart\' is true, but with high availability the savepoint is restored only while the job has no checkpoint of its own, and a JobManager restart resumes from the latest checkpoint; remove it',
  },
  {
    applies: f => f.ha === 'none' && f.savepoint?.restoreOnEveryStart === true && f.savepoint.claimMode === RecoveryClaimMode.CLAIM,
    message: () => '\'job.savepoint.restoreOnEveryStart\' is true with claim mode CLAIM: Flink deletes a claimed savepoint once a newer checkpoint subsumes it, so the next JobManager start could not restore it; use RecoveryClaimMode.NO_CLAIM',
  },
  {
    applies: f => f.ha === 'none' && f.suspended && f.upgradeMode !== UpgradeMode.STATELESS && f.savepoint === undefined,
    message: () => '\'suspended\' is true, but this application cluster has no high availability: nothing keeps the job\'s state while it is suspended, and resuming runs it from the beginning. Enable \'highAvailability\' (resume from the latest checkpoint), or stop the job with a savepoint first and set it as \'job.savepoint\' with \'restoreOnEveryStart: true\' (resume from it), or declare the job stateless with \'job.upgradeMode: UpgradeMode.STATELESS\'',
  },
  {
    applies: f => f.ha === 'zookeeper' && f.upgradeMode !== undefined && f.explicitHaClusterId !== undefined,
    message: f => `${f.explicitHaClusterId} sets high-availability.cluster-id, but with ZooKeeper high availability ${MODE(f.upgradeMode)} gives each job generation its own (the cluster id and the job hash); remove it`,
  },
];

/** What resolving the lifecycle needs of the cluster. */
export interface LifecycleContext {
  readonly mode: DeploymentMode;
  readonly version: FlinkVersion;
  readonly clusterId: string;
  readonly namespace: string;
  readonly image: string;
  readonly highAvailability: boolean;
  readonly kubernetesHighAvailability: boolean;
  readonly suspended: boolean;
  /** a TaskManager template's own image, if it names one */
  readonly taskManagerImage?: string;
  readonly jobManagerPodTemplate: FlinkPod;
  /** where the JobManager template came from, for messages */
  readonly jobManagerTemplateWhere?: string;
  readonly standalone?: ResolvedStandalone;
}

/**
 * The job's lifecycle (application clusters): the checks above, the job hash, the job id and what the renderers
 * add. Writes what it derives into the configuration (job id, per-generation HA cluster id, TaskManager label) and
 * returns the standalone command line with `--job-id` where the job id is ours.
 */
export function resolveLifecycle(
  job: FlinkJobOptions,
  config: FlinkConfig,
  reader: Reader,
  c: LifecycleContext,
): { lifecycle: ResolvedLifecycle; standalone?: ResolvedStandalone } {
  const ha: HaKind = !c.highAvailability ? 'none' : c.kubernetesHighAvailability ? 'kubernetes' : 'zookeeper';
  const upgradeMode = job.upgradeMode;
  const savepointPath = job.savepoint?.path ?? reader.string(Options.SAVEPOINT_PATH);
  const facts: LifecycleFacts = {
    ha,
    upgradeMode,
    savepoint: savepointPath === undefined ? undefined : {
      prop: job.savepoint !== undefined ? '\'job.savepoint\'' : where(config.entry(reader.key(Options.SAVEPOINT_PATH)), reader.key(Options.SAVEPOINT_PATH)),
      restoreOnEveryStart: job.savepoint?.restoreOnEveryStart === true,
      claimMode: job.savepoint?.claimMode ?? reader.string(Options.SAVEPOINT_CLAIM_MODE),
    },
    suspended: c.suspended,
    explicitHaClusterId: reader.explicitProp(Options.HA_CLUSTER_ID),
    checkpointDirectory: { set: CHECKPOINT_DIRECTORY_KEYS.some(k => config.has(k)), key: reader.key(CHECKPOINT_DIRECTORY) },
  };
  const broken = LIFECYCLE_RULES.find(rule => rule.applies(facts));
  if (broken) throw new Error(broken.message(facts));
  checkReservedKeys(reader, c);

  const jobHash = sha256(JSON.stringify([
    c.version.minorVersion,
    c.image,
    c.taskManagerImage ?? '',
    upgradeMode ?? '',
    c.standalone?.jobManagerArgs ?? [],
    config.sorted().filter(e => isJobLevelOption(e.key)).map(e => [e.key, e.value]),
  ])).substring(0, 32);

  const jobIdKey = reader.key(Options.PIPELINE_FIXED_JOB_ID);
  if (ha !== 'none' && config.isExplicit(jobIdKey)) {
    reader.fail(jobIdKey, 'with high availability the job id belongs to the upgrade mode (Flink derives it from the cluster id, or this library gives each job generation its own); remove it');
  }
  // a job id per job generation (STATELESS, SAVEPOINT): checkpoint directories, job results and archives of
  // different generations never collide (reference §2.3, §5.2; the Flink operator rotates it for the same reason)
  const perGeneration = upgradeMode === UpgradeMode.STATELESS || upgradeMode === UpgradeMode.SAVEPOINT;
  let jobId: string | undefined;
  let standalone = c.standalone;
  if (ha === 'zookeeper') {
    // a fresh ZooKeeper namespace and storage path per job generation (reference §1.2); Flink derives the job id
    const haClusterId = `${c.clusterId}-${jobHash.substring(0, 12)}`;
    config.put(reader.key(Options.HA_CLUSTER_ID), haClusterId);
    jobId = flinkDerivedJobId(haClusterId);
  } else if (ha === 'kubernetes') {
    if (perGeneration) {
      jobId = sha256(`${c.namespace}/${c.clusterId}/${jobHash}`).substring(0, 32);
      if (c.mode === DeploymentMode.NATIVE) {
        config.set(jobIdKey, jobId);
      } else {
        // StandaloneApplicationClusterEntryPoint.setStaticJobId: --job-id sets $internal.pipeline.job-id
        const [command, ...rest] = standalone!.jobManagerArgs;
        standalone = { ...standalone!, jobManagerArgs: [command, '--job-id', jobId, ...rest] };
      }
    } else {
      // LAST_STATE: Flink's own id from high-availability.cluster-id, which is the cluster id here
      jobId = flinkDerivedJobId(c.clusterId);
    }
  }

  let upgrade: ResolvedLifecycle['upgrade'];
  if (ha === 'kubernetes') {
    const native = c.mode === DeploymentMode.NATIVE;
    if (native) {
      // TaskManagers carry the hash (KubernetesTaskManagerParameters.getLabels), so the next generation's init
      // container finds the ones a new JobManager would otherwise adopt (reference §8.2)
      const labelsKey = reader.key(Options.TM_LABELS);
      const labels = { ...reader.map(Options.TM_LABELS), [JOB_HASH_KEY]: jobHash };
      for (const e of config.withPrefix(`${labelsKey}.`)) config.delete(e.key);
      config.put(labelsKey, encodeMap(labels));
    }
    const identity = { clusterId: c.clusterId, mode: c.mode };
    const selector = `${Object.entries(taskManagerSelector(identity)).map(([k, v]) => `${k}=${v}`).join(',')},${JOB_HASH_KEY}!=${jobHash}`;
    const recordName = `${c.clusterId}-job-upgrade`;
    upgrade = {
      recordName,
      script: jobUpgradeScript({
        namespace: c.namespace,
        clusterId: c.clusterId,
        recordName,
        jobHash,
        jobId: jobId!,
        upgradeMode: upgradeMode!,
        flinkVersion: c.version.minorVersion,
        savepointKey: savepointPath === undefined ? '' : sha256(savepointPath).substring(0, 16),
        taskManagerSelector: native ? encodeURIComponent(selector).replace(/!/g, '%21') : '',
        labelsJson: JSON.stringify({ ...commonLabels(identity), component: 'job-upgrade' }),
      }),
    };
  }
  return {
    lifecycle: {
      jobHash,
      upgradeMode,
      jobId,
      upgrade,
    },
    standalone,
  };
}

/** The annotation, label and init container this library owns must not come from the user. */
function checkReservedKeys(reader: Reader, c: LifecycleContext): void {
  for (const option of [Options.JM_ANNOTATIONS, Options.TM_LABELS]) {
    if (reader.map(option)[JOB_HASH_KEY] !== undefined) {
      reader.fail(option, `'${JOB_HASH_KEY}' is this library's key for the job's hash, which it sets itself; use another key`);
    }
  }
  const template = c.jobManagerPodTemplate;
  if (template.metadata.annotations?.[JOB_HASH_KEY] !== undefined) {
    throw new Error(`${c.jobManagerTemplateWhere}: the annotation '${JOB_HASH_KEY}' is this library's key for the job's hash, which it sets itself; use another key`);
  }
  if ((template.spec.initContainers ?? []).some((ic: { name?: string }) => ic.name === JOB_UPGRADE_CONTAINER)) {
    throw new Error(`${c.jobManagerTemplateWhere}: the init container name '${JOB_UPGRADE_CONTAINER}' is this library's (it makes a changed job take effect); rename yours`);
  }
}
