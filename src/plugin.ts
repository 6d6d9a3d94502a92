import { FlinkVersion } from './flink-version';

/**
 * A plugin the official Flink image ships in `/opt/flink/opt`, which its entrypoint links into
 * `/opt/flink/plugins` when named in `ENABLE_BUILT_IN_PLUGINS` (`apache/flink-docker` `docker-entrypoint.sh`).
 * The jar's file name carries the exact Flink release, `<artifact>-<version>.jar`, so the cluster's
 * `version` must be the release its image contains (the default image is).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/standalone/docker/#using-filesystem-plugins
 */
export class FlinkPlugin {
  /** S3 file system, Hadoop-based (`s3://`, `s3a://`): for checkpoints, savepoints and sinks. */
  public static readonly S3_HADOOP = new FlinkPlugin('flink-s3-fs-hadoop');
  /** S3 file system, Presto-based (`s3://`, `s3p://`): recommended for checkpoints. */
  public static readonly S3_PRESTO = new FlinkPlugin('flink-s3-fs-presto');
  /** Google Cloud Storage (`gs://`). */
  public static readonly GCS = new FlinkPlugin('flink-gs-fs-hadoop');
  /** Azure Blob Storage and Data Lake Gen2 (`wasb://`, `abfs://`). */
  public static readonly AZURE = new FlinkPlugin('flink-azure-fs-hadoop');
  /** Aliyun OSS (`oss://`). */
  public static readonly OSS = new FlinkPlugin('flink-oss-fs-hadoop');

  /**
   * Another jar of `/opt/flink/opt` that is a plugin, by its artifact id (the file name without
   * `-<version>.jar`).
   *
   * @param artifactId e.g. `flink-s3-fs-hadoop`
   */
  public static of(artifactId: string): FlinkPlugin {
    if (!/^flink-[a-z0-9-]+$/.test(artifactId ?? '') || /-\d/.test(artifactId)) {
      throw new Error(`FlinkPlugin.of('${artifactId}'): expected an artifact id such as 'flink-s3-fs-hadoop', without version or '.jar'`);
    }
    return new FlinkPlugin(artifactId);
  }

  /** The artifact id, e.g. `flink-s3-fs-presto`. */
  public readonly artifactId: string;

  private constructor(artifactId: string) {
    this.artifactId = artifactId;
  }

  /** The jar in `/opt/flink/opt` of `version`'s image, e.g. `flink-s3-fs-presto-1.20.4.jar`. */
  public jarFor(version: FlinkVersion): string {
    return `${this.artifactId}-${version.version}.jar`;
  }
}
