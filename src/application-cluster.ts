import { Construct } from 'constructs';
import { FlinkCluster, FlinkDeploymentTarget } from './cluster';
import { FlinkClusterProps } from './cluster-options';
import { FlinkJobOptions, UpgradeMode } from './job-options';

/**
 * Props of a `FlinkApplicationCluster`.
 */
export interface FlinkApplicationClusterProps extends FlinkClusterProps {
  /** The application to run. */
  readonly job: FlinkJobOptions;
}

/**
 * A Flink application cluster on native Kubernetes: one cluster per application, whose `main()` runs in
 * the JobManager — exactly the objects `flink run-application --target kubernetes-application …` (1.x) or
 * `flink run --target kubernetes-application …` (2.x) creates, plus service accounts and least-privilege
 * RBAC. Flink recommends it for production.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/#application-mode
 */
export class FlinkApplicationCluster extends FlinkCluster {
  /**
   * A hash of every job-level input (Flink version, image, upgrade mode, jar, entry class, arguments, parallelism,
   * savepoint and the job's Flink options), also the JobManager pod-template annotation `cdk8s-flink.dev/job-hash`:
   * when it changes, the job changed, and with high availability the upgrade mode makes the change take effect; a
   * change of cluster-level options alone restarts the JobManager into the same job.
   */
  public readonly jobHash: string;

  /**
   * The job id, where it is fixed: with high availability, Flink's id derived from the cluster id
   * (`UpgradeMode.LAST_STATE`) or one per job generation (`UpgradeMode.SAVEPOINT`, `UpgradeMode.STATELESS`). Use it
   * in REST calls, e.g. `POST <restUrl>/jobs/<jobId>/stop`. Undefined without high availability, where each
   * JobManager start gives the job a new random id.
   */
  public readonly jobId?: string;

  /** The upgrade mode, if declared. */
  public readonly upgradeMode?: UpgradeMode;

  /**
   * With Kubernetes high availability, the ConfigMap `<clusterId>-job-upgrade` in which the JobManager's
   * `flink-job-upgrade` init container records the job hash of each start; it is created at runtime and, like
   * Flink's high-availability ConfigMaps, outlives the cluster.
   */
  public readonly upgradeConfigMapName?: string;

  constructor(scope: Construct, id: string, props: FlinkApplicationClusterProps) {
    super(scope, id, props, FlinkDeploymentTarget.APPLICATION);
    const lifecycle = this._lifecycle!;
    this.jobHash = lifecycle.jobHash;
    this.jobId = lifecycle.jobId;
    this.upgradeMode = lifecycle.upgradeMode;
    this.upgradeConfigMapName = lifecycle.upgrade?.recordName;
  }
}
