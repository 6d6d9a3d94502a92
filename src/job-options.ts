import { JobArtifact } from './job-artifact';

/**
 * How a job restored from a savepoint treats it (`execution.state-recovery.claim-mode`;
 * `execution.savepoint-restore-mode` before 1.20).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/savepoints/#resuming-from-savepoints
 */
export enum RecoveryClaimMode {
  /** Flink takes ownership of the snapshot and may delete it once no longer needed. */
  CLAIM = 'CLAIM',
  /** Flink never modifies or deletes the snapshot; the first checkpoint is a full one. */
  NO_CLAIM = 'NO_CLAIM',
  /** The pre-1.15 behaviour; deprecated since Flink 1.19. */
  LEGACY = 'LEGACY',
}

/**
 * How a changed job takes effect in a highly available application cluster.
 *
 * With high availability a JobManager start recovers the job graph Flink stored at the first submission, and the
 * new `main()` only gets a handle to it: a new jar, entry class, arguments, parallelism or job option in Git would
 * silently not run, and a `main()` that now throws crash-loops the JobManager. The upgrade mode says what to do
 * instead when the job changed (its `jobHash`); a JobManager restart of an unchanged job (eviction, node drain,
 * out of memory) always recovers normally from the latest checkpoint.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-stable/docs/custom-resource/job-management/#stateful-and-stateless-application-upgrades
 */
export enum UpgradeMode {
  /**
   * The changed job starts from the savepoint in `job.savepoint`, under a new job id: stop the running job with a
   * savepoint (`POST /jobs/<jobId>/stop`) and commit its path together with the change. A change without a
   * savepoint path, or with one this cluster restored before, is refused at JobManager start (Kubernetes high
   * availability): it would start the job without state or rewind it.
   */
  SAVEPOINT = 'SAVEPOINT',
  /**
   * The changed job gets a fresh job graph from the new `main()`, under the same job id, and restores the latest
   * checkpoint, as the Flink Kubernetes operator's last-state mode. Kubernetes high availability only, within one
   * Flink version; the new job must be able to restore the old checkpoint (no stateful operator removed).
   */
  LAST_STATE = 'LAST_STATE',
  /**
   * The changed job starts without state, under a new job id. Without high availability this declares what every
   * start does anyway.
   */
  STATELESS = 'STATELESS',
}

/**
 * A savepoint (or retained checkpoint) the job starts from, as `-s <path> [-n] [-cm <mode>]` does.
 */
export interface SavepointRestoreOptions {
  /**
   * The savepoint's path (`execution.state-recovery.path`; `execution.savepoint.path` before 1.20), as an
   * absolute URI such as `s3://bucket/savepoints/savepoint-1a2b3c`: Flink reads a path without scheme from
   * the JobManager pod's own disk.
   */
  readonly path: string;

  /**
   * Start even if the savepoint has state for operators the job no longer has
   * (`execution.state-recovery.ignore-unclaimed-state`; `execution.savepoint.ignore-unclaimed-state` before 1.20).
   *
   * @default false
   */
  readonly allowNonRestoredState?: boolean;

  /**
   * Who owns the savepoint's files after the restore.
   *
   * @default RecoveryClaimMode.NO_CLAIM
   */
  readonly claimMode?: RecoveryClaimMode;

  /**
   * Acknowledges that, without high availability, every JobManager start — a rollout, an eviction, an out-of-memory
   * kill — submits the job afresh and restores this savepoint again, however old it is by then (Flink keeps no
   * record of the running job without high availability). With high availability the savepoint is restored once,
   * and this is an error.
   *
   * @default false
   */
  readonly restoreOnEveryStart?: boolean;
}

/**
 * The application a `FlinkApplicationCluster` runs: what `flink run-application` (1.x) or
 * `flink run --target kubernetes-application` (2.x) would be given.
 */
export interface FlinkJobOptions {
  /**
   * The job's jar (`pipeline.jars`). Flink 1.16–1.18 accept only `JobArtifact.fromImage()`; 1.19 and 1.20
   * also fetch `JobArtifact.fromUrl()`; 2.0 and later also run `JobArtifact.systemClasspath()`.
   */
  readonly artifact: JobArtifact;

  /**
   * The class with the `main` method (`$internal.application.main`, `-c`).
   *
   * @default - the `Main-Class` of the jar's manifest
   */
  readonly entryClass?: string;

  /**
   * Arguments of `main` (`$internal.application.program-args`). Any string survives, including `;`,
   * quotes and spaces (on 1.x, where the file is `flink-conf.yaml`, not `#` or line breaks).
   *
   * @default - none
   */
  readonly args?: string[];

  /**
   * The default parallelism (`parallelism.default`, `-p`).
   *
   * @default - the distribution's default, 1
   */
  readonly parallelism?: number;

  /**
   * Start from a savepoint. With high availability it is restored when the job has no checkpoint of its own: at an
   * upgrade in `UpgradeMode.SAVEPOINT`, or the first start. Without high availability it is restored at every
   * JobManager start, which `restoreOnEveryStart` must acknowledge.
   *
   * @default - no savepoint
   */
  readonly savepoint?: SavepointRestoreOptions;

  /**
   * How a changed job takes effect. Required with high availability, where a JobManager start would otherwise
   * recover the previously stored job and silently ignore the change. Without high availability every start
   * submits the job afresh, and only `UpgradeMode.STATELESS` may be declared.
   *
   * A change of the job is a change of its `jobHash`: the Flink version, the image, the upgrade mode, the jar,
   * entry class, arguments, parallelism, savepoint, and every Flink option except those only the cluster's
   * processes read (`kubernetes.*`, `high-availability.*`, `jobmanager.*`, `taskmanager.*`, `metrics.*`,
   * `rest.*`, … — see README).
   *
   * @default - none; an error for a highly available application cluster
   */
  readonly upgradeMode?: UpgradeMode;

  /**
   * More artifacts the JobManager fetches next to the job's jar and puts on the job's classpath
   * (`user.artifacts.artifact-list`, Flink 1.19+). Flink ships them as classpath entries, not through its
   * blob server, so classes TaskManagers need must also be in the image.
   *
   * @default - none
   */
  readonly additionalArtifacts?: JobArtifact[];

  /**
   * HTTP headers for fetching `http(s)` artifacts, e.g. an authorization header
   * (`user.artifacts.http-headers`, Flink 1.19+).
   *
   * @default - none
   */
  readonly artifactHttpHeaders?: { [name: string]: string };

  /**
   * Allow fetching artifacts over plain `http://` (`user.artifacts.raw-http-enabled`, Flink 1.19+). Needed
   * when an artifact is an `http://` URL.
   *
   * @default false
   */
  readonly allowRawHttp?: boolean;

  /**
   * Whether the JobManager shuts the cluster down, deleting its own Deployment, when the application
   * finishes (`execution.shutdown-on-application-finish`, whose Flink default is `true`).
   *
   * The default here is `false`: under GitOps a deleted Deployment is re-created by the reconciler and the
   * job runs again from the beginning. Kept, the cluster shows the finished job's final state in the web UI
   * until you delete it, and the JobManager gets no right to delete Deployments. In standalone mode only
   * `false` is possible: the JobManager process would exit and its Deployment start the job again.
   *
   * @default false
   */
  readonly shutdownOnFinish?: boolean;

  /**
   * Run the job in Flink's reactive mode (`scheduler-mode: reactive`): it uses every TaskManager there is
   * and rescales when TaskManagers come or go, ignoring the configured parallelism. Flink supports it in
   * standalone application clusters only (`mode: DeploymentMode.STANDALONE`); scale with
   * `taskManager.replicas` or `taskManager.autoscaling`.
   *
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/elastic_scaling/#reactive-mode
   * @default false
   */
  readonly reactiveMode?: boolean;
}
