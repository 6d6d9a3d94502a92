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
   * Start from a savepoint.
   *
   * @default - no savepoint
   */
  readonly savepoint?: SavepointRestoreOptions;

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
