import { FlinkConfig, where } from './config';
import { Reader } from './config-reader';
import { configMapKeyProblem, dnsLabelProblem, dnsSubdomainProblem, ENV_NAME, MetadataKind, metadataProblem } from './kubernetes-syntax';
import { ResolvedSecretKeyRef } from './model';
import { parseCidr } from './network-policy';
import { MASTER_ENV_PREFIX, Options, OptionSpec, TASKMANAGER_ENV_PREFIX } from './options';
import { RestServiceExposedType, RestServiceOptions } from '../cluster-options';
import { FlinkVersion } from '../flink-version';

/**
 * Checks of a cluster's options that Flink's client, its entrypoints or the Kubernetes API server would
 * otherwise make too late: at deploy time, at JobManager start, or never (a silently broken cluster).
 */

const CLUSTER_ID_PATTERN = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** `Constants.MAXIMUM_CHARACTERS_OF_CLUSTER_ID` */
const MAX_CLUSTER_ID_LENGTH = 45;

/**
 * Environment variables Flink's decorators set on the main containers (`InitJobManagerDecorator`,
 * `InitTaskManagerDecorator`, `EnvSecretsDecorator`, `HadoopConfMountDecorator`; reference §1.1, §1.9):
 * a `containerized.*.env.*` of the same name would be replaced or duplicated.
 */
export function checkReservedEnv(config: FlinkConfig, flink: { logDir: boolean; hadoop: boolean; secretEnv: string[]; taskManager: string[] }): void {
  const common = [...(flink.logDir ? ['FLINK_LOG_DIR'] : []), ...(flink.hadoop ? ['HADOOP_CONF_DIR'] : []), ...flink.secretEnv];
  const reserved: Array<[string, string, string[]]> = [
    [MASTER_ENV_PREFIX, 'JobManager\'s', ['_POD_IP_ADDRESS', ...common]],
    [TASKMANAGER_ENV_PREFIX, 'TaskManagers\'', [...flink.taskManager, ...common]],
  ];
  for (const [prefix, component, names] of reserved) {
    for (const e of config.withPrefix(prefix)) {
      const name = e.key.substring(prefix.length);
      if (names.includes(name)) {
        throw new Error(`${where(e, e.key)}: Flink sets the ${component} environment variable ${name} itself; remove it`);
      }
    }
  }
}

/**
 * The REST API accepts and runs any job, so a Service reachable from outside the Kubernetes cluster must be
 * chosen knowingly: source ranges for a load balancer, or an explicit acknowledgement.
 */
export function checkExposure(reader: Reader, type: RestServiceExposedType, rest: RestServiceOptions): string[] | undefined {
  const ranges = rest.loadBalancerSourceRanges;
  if (ranges !== undefined && type !== RestServiceExposedType.LOAD_BALANCER) {
    throw new Error(`'restService.loadBalancerSourceRanges' applies to a LoadBalancer Service only; the REST Service is ${type}: remove it, or set 'restService.exposedType: RestServiceExposedType.LOAD_BALANCER'`);
  }
  // ValidateService: "must be a list of IP ranges"
  ranges?.forEach((range, i) => parseCidr(range, `restService.loadBalancerSourceRanges[${i}]`));
  const external = type === RestServiceExposedType.NODE_PORT || type === RestServiceExposedType.LOAD_BALANCER;
  if (external && rest.allowExternalAccess !== true && !(ranges && ranges.length > 0)) {
    const fix = type === RestServiceExposedType.LOAD_BALANCER
      ? 'set \'restService.loadBalancerSourceRanges\' to the networks that may reach it, or \'restService.allowExternalAccess: true\''
      : 'set \'restService.allowExternalAccess: true\' if that is intended, or keep ClusterIP and use kubectl port-forward or an authenticating ingress';
    reader.fail(Options.REST_SERVICE_EXPOSED_TYPE, `a ${type} Service exposes Flink's REST API, which runs any job submitted to it, beyond the Kubernetes cluster; ${fix}`);
  }
  return ranges && ranges.length > 0 ? [...ranges] : undefined;
}

/**
 * The jar count the client and the JobManager entrypoint accept (reference §5): exactly one before 2.0
 * ("Should only have one jar"), at most one from 2.0 ("Should only have at most one jar."), and only
 * `local://` before 1.19. `job.artifact` holds one; this catches a `pipeline.jars` written by hand.
 */
export function checkPipelineJars(reader: Reader, version: FlinkVersion): void {
  const jars = reader.list(Options.PIPELINE_JARS);
  if (!version.isAtLeast(FlinkVersion.V2_0) && jars.length !== 1) {
    reader.fail(Options.PIPELINE_JARS, `Flink ${version.minorVersion} runs exactly one jar in application mode ("Should only have one jar"); give it as 'job.artifact'`);
  }
  if (jars.length > 1) {
    reader.fail(Options.PIPELINE_JARS, 'Flink 2.x runs at most one jar in application mode ("Should only have at most one jar."); give it as \'job.artifact\' and the others as \'job.additionalArtifacts\'');
  }
}

/**
 * `KerberosMountDecorator` mounts Secret `kerberos-keytab-<clusterId>` and ConfigMap
 * `kerberos-krb5conf-<clusterId>` built from files on the client machine (reference §1.6), and the
 * JobManager mounts them into every TaskManager by those names. A synth has no such files, so the pods
 * would wait for objects nothing creates.
 */
export function checkKerberos(config: FlinkConfig, reader: Reader, version: FlinkVersion): void {
  const keytab = config.get('security.kerberos.login.keytab')?.trim();
  const principal = config.get('security.kerberos.login.principal')?.trim();
  const krb5 = config.get('security.kerberos.krb5-conf.path')?.trim();
  const triggered = (keytab && principal) ? 'security.kerberos.login.keytab' : krb5 ? 'security.kerberos.krb5-conf.path' : undefined;
  if (triggered === undefined) return;
  if (version.isAtLeast(FlinkVersion.V1_17) && !reader.boolean(Options.KERBEROS_DECORATOR_ENABLED, true)) return;
  const fix = version.isAtLeast(FlinkVersion.V1_17)
    ? 'set \'kubernetes.decorator.kerberos-mount.enabled\' to \'false\' and mount the keytab and krb5.conf yourself (e.g. with \'kubernetes.secrets\')'
    : 'Flink 1.16 cannot turn this off; use Flink 1.17 or later';
  reader.fail(triggered, `Flink's KerberosMountDecorator would make the pods mount Secret 'kerberos-keytab-<clusterId>' and ConfigMap 'kerberos-krb5conf-<clusterId>' from files on the deploying machine, which a synth cannot read; ${fix}`);
}

/**
 * The options whose maps become labels, annotations or node selectors of Kubernetes objects, as data: what the
 * API server checks of each entry (`ValidateLabels`, `ValidateAnnotations`, the pod spec's `nodeSelector`), and
 * the objects it would reject. The TaskManagers' are refused only when the JobManager creates their pods.
 */
const METADATA_OPTIONS: ReadonlyArray<{ readonly option: OptionSpec; readonly kind: MetadataKind; readonly objects: string }> = [
  { option: Options.JM_LABELS, kind: MetadataKind.LABELS, objects: 'the JobManager Deployment' },
  { option: Options.TM_LABELS, kind: MetadataKind.LABELS, objects: 'every TaskManager pod' },
  { option: Options.JM_ANNOTATIONS, kind: MetadataKind.ANNOTATIONS, objects: 'the JobManager Deployment' },
  { option: Options.TM_ANNOTATIONS, kind: MetadataKind.ANNOTATIONS, objects: 'every TaskManager pod' },
  { option: Options.JM_NODE_SELECTOR, kind: MetadataKind.NODE_SELECTOR, objects: 'the JobManager Deployment' },
  { option: Options.TM_NODE_SELECTOR, kind: MetadataKind.NODE_SELECTOR, objects: 'every TaskManager pod' },
  { option: Options.REST_SERVICE_LABELS, kind: MetadataKind.LABELS, objects: 'the REST Service' },
  { option: Options.REST_SERVICE_ANNOTATIONS, kind: MetadataKind.ANNOTATIONS, objects: 'the REST Service' },
  { option: Options.INTERNAL_SERVICE_LABELS, kind: MetadataKind.LABELS, objects: 'the internal Service' },
  { option: Options.INTERNAL_SERVICE_ANNOTATIONS, kind: MetadataKind.ANNOTATIONS, objects: 'the internal Service' },
];

/**
 * Labels, annotations and node selectors the API server would reject, given as typed props or as Flink options
 * (the whole map, or one prefixed key `kubernetes.jobmanager.labels.<key>`).
 */
export function checkMetadataOptions(config: FlinkConfig, reader: Reader): void {
  for (const { option, kind, objects } of METADATA_OPTIONS) {
    const key = reader.key(option);
    if (option.since !== undefined && reader.version.ordinal < option.since) continue;
    const found = metadataProblem(kind, reader.map(option), objects);
    if (found === undefined) continue;
    // a prefixed key names its own entry
    reader.fail(config.has(key) ? key : `${key}.${found.key}`, found.problem);
  }
}


/**
 * `MountSecretsDecorator` names each volume `<secret>-volume` (a DNS-1123 label of at most 63 characters)
 * next to Flink's own volumes and mounts, and `EnvSecretsDecorator` adds its variables after Flink's: the
 * API server rejects duplicates, and a variable named like Flink's would replace it.
 */
export function checkSecrets(reader: Reader, secrets: Array<[string, string]>, envRefs: ResolvedSecretKeyRef[]): void {
  const flinkVolumes = ['flink-config-volume', 'pod-template-volume', 'user-artifacts-volume', 'hadoop-config-volume', 'kerberos-keytab-volume', 'kerberos-krb5conf-volume'];
  const flinkPaths = [reader.string(Options.FLINK_CONF_DIR) ?? '/opt/flink/conf', '/opt/flink/pod-template', reader.string(Options.USER_ARTIFACTS_BASE_DIR) ?? '/opt/flink/artifacts', '/opt/hadoop/conf'];
  const paths = new Set<string>();
  for (const [secret, path] of secrets) {
    const volume = `${secret}-volume`;
    if (dnsLabelProblem(volume) !== undefined) {
      reader.fail(Options.SECRETS, `Flink names the volume of Secret '${secret}' '${volume}', which must be a DNS-1123 label of at most 63 characters (no dots, no capitals); mount a Secret with a shorter, simpler name`);
    }
    if (flinkVolumes.includes(volume)) reader.fail(Options.SECRETS, `the volume of Secret '${secret}' would be '${volume}', which is Flink's own; rename the Secret`);
    if (!path.startsWith('/')) reader.fail(Options.SECRETS, `the mount path '${path}' of Secret '${secret}' is not absolute`);
    if (flinkPaths.includes(path) || paths.has(path)) reader.fail(Options.SECRETS, `the mount path '${path}' of Secret '${secret}' is already used (by Flink or another Secret); the API server rejects duplicate mount paths`);
    paths.add(path);
  }
  const names = new Set<string>();
  for (const ref of envRefs) {
    if (!ENV_NAME.test(ref.env)) {
      reader.fail(Options.ENV_SECRET_KEY_REF, `'${ref.env}' is not a valid environment variable name; use letters, digits, '_', '-' and '.', not starting with a digit`);
    }
    // validateSecretKeySelector: the Secret's name and the key are checked where the pod is created
    const nameProblem = dnsSubdomainProblem(ref.secret);
    if (nameProblem !== undefined) {
      reader.fail(Options.ENV_SECRET_KEY_REF, `the Secret name '${ref.secret}' of ${ref.env} is not ${nameProblem}, so the API server would reject the pods; give the Secret's real name`);
    }
    const keyProblem = configMapKeyProblem(ref.key);
    if (keyProblem !== undefined) {
      reader.fail(Options.ENV_SECRET_KEY_REF, `the key '${ref.key}' of ${ref.env} is not a Secret key (IsConfigMapKey: ${keyProblem}), so the API server would reject the pods; give the key as the Secret holds it`);
    }
    if (['_POD_IP_ADDRESS', '_POD_NODE_ID', 'FLINK_TM_JVM_MEM_OPTS'].includes(ref.env)) {
      reader.fail(Options.ENV_SECRET_KEY_REF, `Flink sets the environment variable ${ref.env} itself; choose another name`);
    }
    if (names.has(ref.env)) reader.fail(Options.ENV_SECRET_KEY_REF, `the environment variable ${ref.env} is set twice`);
    names.add(ref.env);
  }
}

/**
 * The scripts read `$FLINK_CONF_DIR`, which defaults to `/opt/flink/conf` (`bin/config.sh`); moving the
 * mount with `kubernetes.flink.conf.dir` alone leaves the pods reading the image's own configuration.
 */
export function checkConfDir(config: FlinkConfig, reader: Reader): void {
  const confDir = reader.string(Options.FLINK_CONF_DIR);
  if (confDir === undefined || confDir === '/opt/flink/conf') return;
  for (const prefix of [MASTER_ENV_PREFIX, TASKMANAGER_ENV_PREFIX]) {
    if (config.get(`${prefix}FLINK_CONF_DIR`) !== confDir) {
      reader.fail(Options.FLINK_CONF_DIR, `the Flink scripts read $FLINK_CONF_DIR (default /opt/flink/conf); also set '${prefix}FLINK_CONF_DIR' to '${confDir}' (reference §6.1)`);
    }
  }
}

export function validateClusterId(clusterId: string, prop: string): void {
  if (clusterId.length > MAX_CLUSTER_ID_LENGTH) {
    throw new Error(`${prop} is '${clusterId}' (${clusterId.length} characters): kubernetes.cluster-id must be no more than ${MAX_CLUSTER_ID_LENGTH} characters; choose a shorter id`);
  }
  if (!CLUSTER_ID_PATTERN.test(clusterId)) {
    throw new Error(`${prop} is '${clusterId}': a cluster id must be lowercase letters, digits and '-', start with a letter and end with a letter or digit (${CLUSTER_ID_PATTERN.source}), because it names Kubernetes Services; e.g. 'my-flink-cluster'`);
  }
}

/**
 * Whether `image` is an official Flink image, `apache/flink` or Docker's `flink` (`library/flink`), pulled
 * from Docker Hub or through a registry mirror (`docker.io/flink`, `mirror.gcr.io/library/flink`,
 * `harbor.example.com/dockerhub/apache/flink`): the only images whose contents the library knows — the
 * plugins in /opt/flink/opt, no Hadoop (`apache/flink-docker` Dockerfiles). Any other image is the user's.
 */
export function isOfficialFlinkImage(image: string): boolean {
  const repository = image.split('@')[0].replace(/:[^:/]*$/, '');
  const parts = repository.split('/');
  // a first component with '.' or ':', or 'localhost', is a registry host (Docker's reference grammar)
  const path = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost') ? parts.slice(1).join('/') : repository;
  return ['flink', 'library/flink', 'apache/flink'].includes(path) || /\/(library|apache)\/flink$/.test(path);
}

/**
 * The jars in opt/ carry the image's exact release in their names (`flink-s3-fs-presto-1.20.4.jar`), and the
 * docker entrypoint exits with "Plugin … does not exist." for any other name: an official image whose tag
 * names another release, or a floating `<major>.<minor>` tag, would crash-loop every pod. Tags that name no
 * release cannot be read, and an image of the user's may be tagged with anything (`app:1.4.0`, its own
 * version), so only official images are judged.
 */
export function checkPluginImage(image: string, imageProp: string, version: FlinkVersion, jars: string): void {
  if (!isOfficialFlinkImage(image)) return;
  const tag = /:([^:/@]+)(@.*)?$/.exec(image)?.[1];
  const release = tag === undefined ? undefined : /^(\d+\.\d+)(\.\d+)?(-|$)/.exec(tag);
  if (release === null || release === undefined || release[1] + (release[2] ?? '') === version.version) return;
  const why = release[2] === undefined
    ? `its tag '${tag}' follows the newest ${release[1]} patch release, whose jars may be named otherwise`
    : `its tag names Flink ${release[1]}${release[2]}`;
  throw new Error(`'plugins' links ${jars} from /opt/flink/opt, the jars of Flink ${version.version} ('version'), but ${imageProp} is '${image}': ${why}, and the image's entrypoint would exit with "Plugin … does not exist."; pin the image to a release and give the same release as 'version' (e.g. FlinkVersion.of('${release[1]}${release[2] ?? '.<patch>'}'))`);
}

/** `<scheme>:/…`: a URI that names its file system and an absolute path. */
const ABSOLUTE_URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:\//;

/**
 * Why a savepoint path is not an absolute URI, if it is not. Flink resolves the path with
 * `AbstractFsCheckpointStorageAccess.resolveCheckpointPointer` (`Checkpoints.loadAndValidateCheckpoint`):
 * `new Path(pointer).getFileSystem()`, and `FileSystem.getUnguardedFileSystem` puts a path without scheme
 * on `fs.default-scheme`, by default the local file system, after making a relative one absolute against
 * the process' working directory: the JobManager pod's own disk, where no savepoint is.
 */
export function savepointPathProblem(path: string): string | undefined {
  if (ABSOLUTE_URI.test(path)) return undefined;
  const resolved = path.startsWith('/')
    ? 'a path without scheme is resolved against \'fs.default-scheme\', by default the local file system (FileSystem.getUnguardedFileSystem)'
    : 'a relative path is resolved against the JobManager process\' working directory (/opt/flink in the official images) on the local file system (FileSystem.getUnguardedFileSystem)';
  return `${resolved}, i.e. the JobManager pod's own disk, where no savepoint is; write the savepoint's full URI, e.g. 's3://bucket/savepoints/savepoint-1a2b3c' (or 'file:///…' for a volume mounted into the pods)`;
}
