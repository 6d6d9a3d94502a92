import { FlinkVersion } from './flink-version';
import { brand } from './private/brand';
import { checkArgs } from './private/prop-schemas';

/**
 * The plugins in `/opt/flink/opt` of every release from 1.16 to 2.2 (`flink-dist/src/main/assemblies/opt.xml`;
 * the native S3 file system arrives after 2.2).
 */
const OPT_PLUGINS = ['flink-s3-fs-hadoop', 'flink-s3-fs-presto', 'flink-gs-fs-hadoop', 'flink-azure-fs-hadoop', 'flink-oss-fs-hadoop'];

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
   * A plugin by its artifact id (the file name without `-<version>.jar`), checked against what the cluster's
   * Flink version ships in `/opt/flink/opt`. From 1.16 to 2.2 that is exactly the five file systems above;
   * metric reporters and the GPU plugin are not there because every image already has them in
   * `/opt/flink/plugins` (`flink-dist` `plugins.xml`), active without being listed.
   *
   * @param artifactId e.g. `flink-s3-fs-hadoop`
   */
  public static of(artifactId: string): FlinkPlugin {
    checkArgs('FlinkPlugin.of', [artifactId], 'FlinkPlugin.of()');
    if (!/^flink-[a-z0-9-]+$/.test(artifactId) || /-\d/.test(artifactId)) {
      throw new Error(`FlinkPlugin.of('${artifactId}'): expected an artifact id such as 'flink-s3-fs-hadoop', without version or '.jar'`);
    }
    return new FlinkPlugin(artifactId);
  }

  /** The artifact id, e.g. `flink-s3-fs-presto`. */
  public readonly artifactId: string;

  private constructor(artifactId: string) {
    this.artifactId = artifactId;
    brand(this, 'FlinkPlugin');
  }

  /**
   * The jar in `/opt/flink/opt` of `version`'s image, e.g. `flink-s3-fs-presto-1.20.4.jar`. A jar the image
   * does not have there is an error: the entrypoint would exit with "Plugin … does not exist.".
   */
  public jarFor(version: FlinkVersion): string {
    checkArgs('FlinkPlugin.jarFor', [version], 'FlinkPlugin.jarFor()');
    if (/^flink-metrics-|^flink-external-resource-gpu$/.test(this.artifactId)) {
      throw new Error(`FlinkPlugin '${this.artifactId}': every Flink image already has it in /opt/flink/plugins, active without ENABLE_BUILT_IN_PLUGINS (which would exit with "Plugin … does not exist."); remove it and configure it with flinkConfiguration (e.g. metrics.reporter.<name>.factory.class), or for Prometheus with 'prometheus'`);
    }
    if (!OPT_PLUGINS.includes(this.artifactId)) {
      throw new Error(`FlinkPlugin '${this.artifactId}' is not in /opt/flink/opt of Flink ${version.minorVersion}, which ships ${OPT_PLUGINS.join(', ')}; for a plugin of your own image, set ENABLE_BUILT_IN_PLUGINS through the components' env`);
    }
    return `${this.artifactId}-${version.version}.jar`;
  }
}
