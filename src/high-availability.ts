import { brand } from './private/brand';
import { checkArgs } from './private/prop-schemas';

/**
 * Options of Kubernetes high availability.
 */
export interface KubernetesHighAvailabilityOptions {
  /**
   * Durable storage for JobManager metadata (job graphs, checkpoint pointers, blobs), e.g.
   * `s3://bucket/flink-ha` (`high-availability.storageDir`), shared by the JobManagers and the TaskManagers:
   * a path on the pods' own disks is an error, and with the official image the file system's plugin must be
   * enabled (`plugins`).
   */
  readonly storageDir: string;
}

/**
 * Options of ZooKeeper high availability.
 */
export interface ZooKeeperHighAvailabilityOptions {
  /** Durable storage for JobManager metadata (`high-availability.storageDir`), as for Kubernetes high availability. */
  readonly storageDir: string;

  /** The ZooKeeper quorum, e.g. `zk-0.zk:2181,zk-1.zk:2181` (`high-availability.zookeeper.quorum`). */
  readonly quorum: string;

  /**
   * The root ZooKeeper node (`high-availability.zookeeper.path.root`).
   *
   * @default /flink
   */
  readonly rootPath?: string;
}

/**
 * JobManager high availability: leader election and recovery metadata, which standby JobManagers
 * (`jobManager.replicas` > 1) need.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/ha/overview/
 */
export class HighAvailability {
  /**
   * Kubernetes high availability (`high-availability.type: kubernetes`): leader election and pointers in
   * ConfigMaps `<clusterId>-cluster-config-map` and `<clusterId>-<jobId>-config-map`, which the JobManager
   * creates; the RBAC grants exactly the ConfigMap verbs Flink uses.
   */
  public static kubernetes(options: KubernetesHighAvailabilityOptions): HighAvailability {
    checkArgs('HighAvailability.kubernetes', [options], 'HighAvailability.kubernetes()');
    return new HighAvailability('kubernetes', { storageDir: options.storageDir }, 'HighAvailability.kubernetes');
  }

  /** ZooKeeper high availability (`high-availability.type: zookeeper`). */
  public static zookeeper(options: ZooKeeperHighAvailabilityOptions): HighAvailability {
    checkArgs('HighAvailability.zookeeper', [options], 'HighAvailability.zookeeper()');
    return new HighAvailability('zookeeper', {
      storageDir: options.storageDir,
      quorum: options.quorum,
      rootPath: options.rootPath,
    }, 'HighAvailability.zookeeper');
  }

  /** `kubernetes` or `zookeeper`, the value of `high-availability.type`. */
  public readonly type: string;
  /** The storage directory. */
  public readonly storageDir: string;
  /** The ZooKeeper quorum, for ZooKeeper high availability. */
  public readonly quorum?: string;
  /** The ZooKeeper root node, for ZooKeeper high availability. */
  public readonly rootPath?: string;

  private constructor(type: string, options: { storageDir: string; quorum?: string; rootPath?: string }, factory: string) {
    if (!options.storageDir || options.storageDir.trim() === '') {
      throw new Error(`${factory}(): 'storageDir' is required: Flink keeps job graphs and checkpoint pointers there (high-availability.storageDir); e.g. 's3://bucket/flink-ha'`);
    }
    if (type === 'zookeeper' && (!options.quorum || options.quorum.trim() === '')) {
      throw new Error(`${factory}(): 'quorum' is required, e.g. 'zk-0.zk:2181,zk-1.zk:2181'`);
    }
    this.type = type;
    this.storageDir = options.storageDir;
    this.quorum = options.quorum;
    this.rootPath = options.rootPath;
    brand(this, 'HighAvailability');
  }
}
