import { brand } from './private/brand';
import { checkArgs } from './private/prop-schemas';

/** Schemes whose URLs name a host (http) or a bucket or container (the object stores' file systems) first. */
const URL_NEEDS_AUTHORITY = ['http', 'https', 's3', 's3a', 's3p', 'gs', 'oss', 'wasb', 'wasbs', 'abfs', 'abfss'];

/**
 * Where the JobManager finds the job's jar (`pipeline.jars`), or that the job is on the image's classpath.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/#application-mode
 */
export class JobArtifact {
  /**
   * A jar inside the image, e.g. `/opt/flink/usrlib/my-flink-job.jar` (the documentation's `FROM flink` image
   * with the jar copied to `usrlib`). Shipped as `local://<path>`; every Flink version accepts it.
   *
   * @param path the absolute path of the jar in the image
   */
  public static fromImage(path: string): JobArtifact {
    checkArgs('JobArtifact.fromImage', [path], 'JobArtifact.fromImage()');
    // a URI path: Java's URI parser rejects or cuts at these characters
    if (!/^\/[^\s#?{}[\]]*[^/\s#?{}[\]]$/.test(path)) {
      throw new Error(`JobArtifact.fromImage('${path}'): expected the absolute path of a jar in the image, e.g. '/opt/flink/usrlib/my-flink-job.jar'`);
    }
    return new JobArtifact(`local://${path}`);
  }

  /**
   * A jar the JobManager fetches at start into the `user-artifacts-volume` (Flink 1.19+, FLINK-28915):
   * `https://…`, `http://…` (only with `allowRawHttp`), or any file system Flink has a plugin for
   * (`s3://…`, `gs://…`, `abfss://…`, `hdfs://…`).
   *
   * @param url the jar's URL
   */
  public static fromUrl(url: string): JobArtifact {
    checkArgs('JobArtifact.fromUrl', [url], 'JobArtifact.fromUrl()');
    const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/\S+$/.exec(url);
    if (!match || ['local', 'file'].includes(match[1].toLowerCase())) {
      throw new Error(`JobArtifact.fromUrl('${url}'): expected a remote URL such as 's3://bucket/job.jar' or 'https://repo.example.com/job.jar'; for a jar in the image use JobArtifact.fromImage()`);
    }
    // http(s) needs a host (ArtifactFetchManager; the Flink operator refuses "jarURI must include a host for
    // http/https schemes"), and the object stores a bucket or container; hdfs:/// means the default name node
    if (URL_NEEDS_AUTHORITY.includes(match[1].toLowerCase()) && /^[^:]+:\/\/[/?#]/.test(url)) {
      throw new Error(`JobArtifact.fromUrl('${url}'): the URL has no ${/^https?$/i.test(match[1]) ? 'host' : 'bucket or container'} after '${match[1]}://', so the JobManager cannot fetch it; write it in full, e.g. '${/^https?$/i.test(match[1]) ? 'https://repo.example.com/job.jar' : `${match[1].toLowerCase()}://bucket/jobs/job.jar`}'`);
    }
    return new JobArtifact(url);
  }

  /**
   * No jar: the job's classes are on the image's system classpath (`/opt/flink/usrlib` or `/opt/flink/lib`),
   * and `pipeline.jars` stays unset (Flink 2.0.1+, FLINK-33926).
   */
  public static systemClasspath(): JobArtifact {
    return new JobArtifact(undefined);
  }

  /** The URI shipped in `pipeline.jars`; undefined for the system classpath. */
  public readonly uri?: string;

  private constructor(uri: string | undefined) {
    this.uri = uri;
    brand(this, 'JobArtifact');
  }

  /** The URI scheme (`local`, `s3`, `https` …); undefined for the system classpath. */
  public get scheme(): string | undefined {
    return this.uri?.substring(0, this.uri.indexOf(':')).toLowerCase();
  }
}
