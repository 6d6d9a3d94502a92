import { brand } from './private/brand';
import { checkArgs } from './private/prop-schemas';
import { LATEST_PATCH } from './private/releases';

/**
 * Log configuration files that a Flink distribution ships in `conf/`, in the order Flink's
 * `FlinkConfMountDecorator` lists them.
 *
 * Up to 2.0 the client ships `logback-console.xml` and `log4j-console.properties`; from 2.1 on it ships
 * every file of `Constants.CONFIG_FILE_NAME_LIST` (reference §1.4, §7).
 */
const LOG_FILES_BEFORE_2_1 = ['logback-console.xml', 'log4j-console.properties'];
const LOG_FILES_SINCE_2_1 = [
  'logback.xml',
  'log4j.properties',
  'logback-console.xml',
  'log4j-console.properties',
  'logback-session.xml',
  'log4j-session.properties',
  'log4j-cli.properties',
];

/**
 * An Apache Flink release line, and what differs between them for the Kubernetes objects and the
 * configuration this library emits.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/
 */
export class FlinkVersion {
  /** Flink 1.16 */
  public static readonly V1_16 = FlinkVersion.release(1, 16);
  /** Flink 1.17 */
  public static readonly V1_17 = FlinkVersion.release(1, 17);
  /** Flink 1.18 */
  public static readonly V1_18 = FlinkVersion.release(1, 18);
  /** Flink 1.19 */
  public static readonly V1_19 = FlinkVersion.release(1, 19);
  /** Flink 1.20 */
  public static readonly V1_20 = FlinkVersion.release(1, 20);
  /** Flink 2.0 */
  public static readonly V2_0 = FlinkVersion.release(2, 0);
  /** Flink 2.1 */
  public static readonly V2_1 = FlinkVersion.release(2, 1);
  /** Flink 2.2 */
  public static readonly V2_2 = FlinkVersion.release(2, 2);

  /**
   * A Flink version from its string: `'1.20'` (the newest patch release this library knows) or
   * `'1.20.3'` (that patch release, which also pins the default image tag). A patch release this library
   * does not know (`'1.20.9'`) has no default image: a cluster of that version needs `image`.
   *
   * @param version `<major>.<minor>` or `<major>.<minor>.<patch>`, from 1.16 to 2.2
   */
  public static of(version: string): FlinkVersion {
    checkArgs('FlinkVersion.of', [version], 'FlinkVersion.of()');
    const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
    const minorKey = match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
    if (!match || minorKey === undefined || LATEST_PATCH[minorKey] === undefined) {
      throw new Error(`FlinkVersion.of('${version}'): unknown Flink version; supported are ${Object.keys(LATEST_PATCH).join(', ')}, written '<major>.<minor>' or '<major>.<minor>.<patch>' (e.g. '1.20' or '1.20.3')`);
    }
    return new FlinkVersion(Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3]));
  }

  private static release(major: number, minor: number): FlinkVersion {
    return new FlinkVersion(major, minor, undefined);
  }

  /** The major version, e.g. `1`. */
  public readonly major: number;
  /** The minor version, e.g. `20`. */
  public readonly minor: number;
  /** The patch release, e.g. `3`: the one given to `of()`, else the newest this library knows. */
  public readonly patch: number;

  private constructor(major: number, minor: number, patch: number | undefined) {
    this.major = major;
    this.minor = minor;
    this.patch = patch ?? LATEST_PATCH[`${major}.${minor}`];
    brand(this, 'FlinkVersion');
  }

  /** `<major>.<minor>.<patch>`, e.g. `1.20.3`. */
  public get version(): string {
    return `${this.major}.${this.minor}.${this.patch}`;
  }

  /** `<major>.<minor>`, e.g. `1.20`. */
  public get minorVersion(): string {
    return `${this.major}.${this.minor}`;
  }

  /**
   * The image a cluster runs unless `image` is set: the image Flink's client defaults to,
   * `apache/flink:<version>-scala_2.12` (`KubernetesConfigOptions.getDefaultFlinkImage`), pinned to this
   * exact patch release. Like Flink's default it runs Java 11 for 1.x and Java 17 for 2.x.
   */
  public get defaultImage(): string {
    return `apache/flink:${this.version}-scala_2.12`;
  }

  /**
   * The configuration file shipped in ConfigMap `flink-config-<clusterId>`: `flink-conf.yaml` (flat
   * `key: value` lines, Flink's legacy parser) for 1.x, `config.yaml` (standard YAML, the only file 2.x
   * reads) for 2.x. 1.19 and 1.20 read both and prefer `flink-conf.yaml`, as the Flink Kubernetes operator
   * also ships it there (reference §2.1).
   */
  public get configFileName(): string {
    return this.major >= 2 ? 'config.yaml' : 'flink-conf.yaml';
  }

  /**
   * The log configuration files Flink's client ships next to the configuration file, in its order
   * (reference §1.4): the two `*-console` files up to 2.0, all seven files of `conf/` from 2.1 on.
   */
  public get logConfigFileNames(): string[] {
    return [...(this.isAtLeast(FlinkVersion.V2_1) ? LOG_FILES_SINCE_2_1 : LOG_FILES_BEFORE_2_1)];
  }

  /** Whether the JobManager gets the `user-artifacts-volume` emptyDir (1.19+, FLINK-28915). */
  public get hasUserArtifactsVolume(): boolean {
    return this.isAtLeast(FlinkVersion.V1_19);
  }

  /** Whether `kubernetes.internal-service.annotations` exists (1.20+, FLINK-34429). */
  public get hasInternalServiceAnnotations(): boolean {
    return this.isAtLeast(FlinkVersion.V1_20);
  }

  /** Whether `kubernetes.rest-service.labels` and `kubernetes.internal-service.labels` exist (2.2+, FLINK-37478). */
  public get hasServiceLabels(): boolean {
    return this.isAtLeast(FlinkVersion.V2_2);
  }

  /** Whether this version is the same release line as `other` or a newer one (patch releases are ignored). */
  public isAtLeast(other: FlinkVersion): boolean {
    checkArgs('FlinkVersion.isAtLeast', [other], 'FlinkVersion.isAtLeast()');
    return this.ordinal >= other.ordinal;
  }

  /** `major * 100 + minor` (1.20 → 120, 2.1 → 201), for comparisons. */
  public get ordinal(): number {
    return this.major * 100 + this.minor;
  }

  /** @returns `<major>.<minor>.<patch>` */
  public toString(): string {
    return this.version;
  }
}
