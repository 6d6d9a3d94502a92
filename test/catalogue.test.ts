/**
 * The bad-input catalogue: every kind of mistake a user can make with this library's props, in one table, each
 * with the error it must produce; and near-miss valid inputs at the boundaries, each of which must synthesize
 * objects the Kubernetes schemas accept.
 *
 * Each bad case is [name, input, prop, message, fix] and asserts that building the input throws, that the thrown
 * value is a plain `Error` (its constructor is `Error`: never a TypeError, RangeError or SyntaxError from deep
 * inside), that the message
 * - names the prop as the user wrote it (`prop`: `jobManager.memory`, `flinkConfiguration['rest.port']`,
 *   `JobArtifact.fromUrl('…')`, or the field of a pod template under the template's name),
 * - contains the expected text (`message`: what is wrong, and usually what is allowed),
 * - contains the fix (`fix`): a fragment of the message that tells the user what to do, which must hold one of the
 *   FIX_WORDS below as a whole word ('use', 'set', 'remove', 'add', 'expected', 'choose', 'rename', 'give', …; an
 *   example of a valid value, 'e.g. …', and a suggestion, 'did you mean …', count too), so that a message cannot
 *   pass by stating the problem alone,
 * - does not end with a period (the style of every message).
 *
 * Cases named "FKO #n" are the checks of the Flink Kubernetes Operator's validator
 * (../shared/reference/fko-validator-checks.md, rows 1–96) that apply to these props; FKO_NOT_APPLICABLE says why
 * each other row does not, and a test holds the two to the 96 rows. Where this library's terms differ from the
 * operator's (a FlinkDeployment's `spec.job.jarURI` is `JobArtifact` here, the session job's jar checks apply to
 * it), the name says which prop stands for the operator's field.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, checkpointDirectory, find, mainContainer, shippedConfig, synth } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkApplicationClusterProps, FlinkIngress, FlinkPlugin, FlinkSessionCluster, FlinkSessionClusterProps,
  FlinkVersion, HighAvailability, IngressController, JobArtifact, LogLevel, PodSecurityStandard, PodTemplate, PodTemplateProps, RbacBinding,
  RecoveryClaimMode, RestServiceExposedType, UpgradeMode, WorkloadIdentity,
} from '../src';

// ---------------------------------------------------------------------------------------------------------------
// building blocks
// ---------------------------------------------------------------------------------------------------------------

const V = FlinkVersion.V1_20;
const JAR = JobArtifact.fromImage('/opt/flink/usrlib/job.jar');
/** Kubernetes high availability with its storage on S3, and the plugin that serves it. */
const HA = { highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink/ha' }), plugins: [FlinkPlugin.S3_PRESTO] };
const ZK_HA = { highAvailability: HighAvailability.zookeeper({ storageDir: 's3://flink/ha', quorum: 'zk:2181' }), plugins: [FlinkPlugin.S3_PRESTO] };
const STANDALONE = { mode: DeploymentMode.STANDALONE };
/** What reactive mode needs to rescale (a checkpoint interval). */
const CHECKPOINTING = { 'execution.checkpointing.interval': '10 s' };
const secret = (name: string) => kplus.Secret.fromSecretName(chart(), 'ref', name);
const account = (name: string) => kplus.ServiceAccount.fromServiceAccountName(chart(), 'ref', name);

type Build = () => unknown;

/** A session cluster `c` of Flink 1.20 (or `version`) with these props. */
function session(props: Partial<FlinkSessionClusterProps> = {}, version = V): Build {
  return () => new FlinkSessionCluster(chart(), 'session', { version, clusterId: 'c', ...props });
}

/** An application cluster `c` running JAR with these props and job options. */
function application(props: Partial<FlinkApplicationClusterProps> = {}, job: Partial<FlinkApplicationClusterProps['job']> = {}, version = V): Build {
  return () => new FlinkApplicationCluster(chart(), 'app', { version, clusterId: 'c', ...props, job: { artifact: JAR, ...job } });
}

/** Props as plain JavaScript passes them: anything at all. */
function js(props: Record<string, unknown>, version: unknown = V): Build {
  return () => new FlinkSessionCluster(chart(), 'session', { version, clusterId: 'c', ...props } as unknown as FlinkSessionClusterProps);
}

/** A session cluster whose `slot` (podTemplate, jobManager.podTemplate, taskManager.podTemplate) is a typed template. */
function withTemplate(template: PodTemplateProps, slot: 'podTemplate' | 'jobManager' | 'taskManager' = 'podTemplate', props: Partial<FlinkSessionClusterProps> = {}): Build {
  return () => {
    const c = chart();
    const podTemplate = new PodTemplate(c, 'tpl', template);
    const placed = slot === 'podTemplate' ? { podTemplate } : { [slot]: { ...props[slot], podTemplate } };
    return new FlinkSessionCluster(c, 'session', { version: V, clusterId: 'c', ...props, ...placed });
  };
}

const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
let templateFiles = 0;

/** A pod-template file with this YAML text, as `kubernetes.pod-template-file` would name it. */
function templateFile(text: string): string {
  const file = path.join(templateDir, `template-${templateFiles++}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

/** A session cluster with a template loaded from a file with this YAML text, for `slot`. */
function withFile(text: string, slot: 'podTemplate' | 'jobManager' | 'taskManager' = 'podTemplate', props: Partial<FlinkSessionClusterProps> = {}, version = V): Build {
  return () => {
    const c = chart();
    const podTemplate = PodTemplate.fromFile(c, 'tpl', templateFile(text));
    const placed = slot === 'podTemplate' ? { podTemplate } : { [slot]: { ...props[slot], podTemplate } };
    return new FlinkSessionCluster(c, 'session', { version, clusterId: 'c', ...props, ...placed });
  };
}

/** A pod manifest whose main container has `main` and whose spec has `spec`, as YAML. */
function pod(spec: object = {}, main: object = {}, metadata: object = {}): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata, spec: { ...spec, containers: [{ name: 'flink-main-container', ...main }] } });
}

/** An ingress over a fresh session cluster. */
function ingress(props: Record<string, unknown>): Build {
  return () => {
    const c = chart();
    const cluster = new FlinkSessionCluster(c, 'session', { version: V, clusterId: 'c' });
    return new FlinkIngress(c, 'ui', { cluster, ...props });
  };
}

// ---------------------------------------------------------------------------------------------------------------
// the bad inputs
// ---------------------------------------------------------------------------------------------------------------

/** [name, input, prop as the user wrote it, expected message text, fix fragment] */
type Bad = [string, Build, string, string, string];

const WRONG_TYPES: Bad[] = [
  ['FKO #2 version missing (flinkVersion)', () => new FlinkSessionCluster(chart(), 's', { clusterId: 'c' } as FlinkSessionClusterProps), 'version', "'version' is required", 'e.g. FlinkVersion.V1_20'],
  ['version as a string', js({}, '1.20'), 'version', "'version' is \"1.20\"", "expected a FlinkVersion, e.g. FlinkVersion.V1_20 or FlinkVersion.of('1.20.3')"],
  ['clusterId: true', js({ clusterId: true }), 'clusterId', "'clusterId' is true", 'expected a string'],
  ['image: 0', js({ image: 0 }), 'image', "'image' is 0", 'expected an image reference'],
  ['props null', () => new FlinkSessionCluster(chart(), 's', null as unknown as FlinkSessionClusterProps), 'props', "'props' is null", 'expected a FlinkSessionClusterProps'],
  ['construct id a number', () => new FlinkSessionCluster(chart(), 5 as unknown as string, { version: V }), 'id', "'id' is 5", 'expected the construct id, a string'],
  ['scope not a construct', () => new FlinkSessionCluster({} as Chart, 's', { version: V }), 'scope', "'scope' is {}", 'expected a construct'],
  ['memory as a string instead of a Size', js({ taskManager: { memory: '2g' } }), 'taskManager.memory', "'taskManager.memory' is \"2g\"", 'expected a Size, e.g. Size.mebibytes(1728)'],
  ['cpu as a string', js({ jobManager: { cpu: '1' } }), 'jobManager.cpu', "'jobManager.cpu' is \"1\"", 'expected a number of CPU cores'],
  ['task slots as a string', js({ taskManager: { taskSlots: '4' } }), 'taskManager.taskSlots', "'taskManager.taskSlots' is \"4\"", 'expected a whole number of at least 1'],
  ['idle timeout as milliseconds instead of a Duration', js({ taskManager: { idleTimeout: 60000 } }), 'taskManager.idleTimeout', "'taskManager.idleTimeout' is 60000", 'expected a Duration, e.g. Duration.seconds(30)'],
  ['labels as an array instead of a map', js({ jobManager: { labels: ['team=data'] } }), 'jobManager.labels', "'jobManager.labels' is [\"team=data\"]", "expected an object of strings, e.g. { key: 'value' }"],
  ['tolerations as a map instead of an array', js({ taskManager: { tolerations: { key: 'k' } } }), 'taskManager.tolerations', "'taskManager.tolerations' is {\"key\":\"k\"}", 'expected an array of kplus.k8s.Toleration objects'],
  ['a flinkConfiguration value as a number', js({ flinkConfiguration: { 'parallelism.default': 4 } }), "flinkConfiguration['parallelism.default']", 'is 4: Flink options are strings', "write '4'"],
  ['a flinkConfiguration value null', js({ flinkConfiguration: { 'parallelism.default': null } }), "flinkConfiguration['parallelism.default']", 'is null', 'expected'],
  ['a flinkConfiguration value undefined', js({ flinkConfiguration: { 'parallelism.default': undefined } }), "flinkConfiguration['parallelism.default']", 'is undefined: Flink options are strings', 'give the value as a string, or remove the key'],
  ['flinkConfiguration as an array of pairs', js({ flinkConfiguration: [['rest.port', '8081']] }), 'flinkConfiguration', "'flinkConfiguration' is [[\"rest.port\",\"8081\"]]", "expected an object of strings, e.g. { key: 'value' }"],
  ['FKO #82 an enum value outside the enum: mode', js({ mode: 'Native' }), 'mode', "'mode' is \"Native\"", "expected DeploymentMode.NATIVE or DeploymentMode.STANDALONE ('native' or 'standalone')"],
  ['FKO #82, #85 an enum value outside the enum: imagePullPolicy', js({ imagePullPolicy: 'always' }), 'imagePullPolicy', "'imagePullPolicy' is \"always\"", 'expected one of ImagePullPolicy.IF_NOT_PRESENT, ImagePullPolicy.ALWAYS, ImagePullPolicy.NEVER'],
  ['an enum value outside the enum: restService.exposedType', js({ restService: { exposedType: 'Public' } }), 'restService.exposedType', "'restService.exposedType' is \"Public\"", 'expected one of RestServiceExposedType.CLUSTER_IP'],
  ['an enum value outside the enum: logging.rootLevel', js({ logging: { rootLevel: 'debug' } }), 'logging.rootLevel', "'logging.rootLevel' is \"debug\"", 'expected one of LogLevel.ALL'],
  ['FKO #82 an enum value outside the enum: job.upgradeMode', () => new FlinkApplicationCluster(chart(), 'app', { version: V, clusterId: 'c', job: { artifact: JAR, upgradeMode: 'savepoint' as UpgradeMode } }), 'job.upgradeMode', "'job.upgradeMode' is \"savepoint\"", 'expected one of UpgradeMode.SAVEPOINT, UpgradeMode.LAST_STATE, UpgradeMode.STATELESS'],
  ['FKO #62 an application cluster without a job (spec.job)', () => new FlinkApplicationCluster(chart(), 'app', { version: V } as FlinkApplicationClusterProps), 'job.artifact', "'job.artifact' is required", "give its jar, e.g. job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/my-flink-job.jar') }"],
  ['job.artifact as a URI string', () => new FlinkApplicationCluster(chart(), 'app', { version: V, job: { artifact: 'local:///opt/flink/usrlib/job.jar' as unknown as JobArtifact } }), 'job.artifact', "'job.artifact' is \"local:///opt/flink/usrlib/job.jar\"", "expected a JobArtifact, e.g. JobArtifact.fromImage('/opt/flink/usrlib/my-flink-job.jar')"],
  ['job.args as one string', () => new FlinkApplicationCluster(chart(), 'app', { version: V, job: { artifact: JAR, args: '--window 5m' as unknown as string[] } }), 'job.args', "'job.args' is \"--window 5m\"", 'expected an array of strings'],
  ['highAvailability as a plain object', js({ highAvailability: { type: 'kubernetes', storageDir: 's3://b/ha' } }), 'highAvailability', "'highAvailability' is {\"type\":\"kubernetes\"", "expected a HighAvailability, e.g. HighAvailability.kubernetes({ storageDir: 's3://bucket/flink-ha' })"],
  ['plugins as strings', js({ plugins: ['s3'] }), 'plugins[0]', "'plugins[0]' is \"s3\"", 'expected a FlinkPlugin, e.g. FlinkPlugin.S3_PRESTO'],
  ['serviceAccount as a name string', js({ serviceAccount: 'flink' }), 'serviceAccount', "'serviceAccount' is \"flink\"", "expected a kplus.IServiceAccount, e.g. kplus.ServiceAccount.fromServiceAccountName(this, 'Id', 'flink')"],
  ['a misspelt prop (taskmanager)', js({ taskmanager: { taskSlots: 2 } }), 'taskmanager', "'taskmanager' is not a prop of FlinkSessionClusterProps", "did you mean 'taskManager'?"],
  ['a misspelt nested prop (jobManager.replica)', js({ jobManager: { replica: 2 } }), 'jobManager.replica', "'jobManager.replica' is not a prop of JobManagerOptions", "did you mean 'replicas'?"],
  ['a field a Kubernetes struct does not have (tolerations[0].tolerationSecond)', js({ jobManager: { tolerations: [{ key: 'k', operator: 'Exists', tolerationSecond: 5 }] } }), 'jobManager.tolerations[0].tolerationSecond', 'is not a field of kplus.k8s.Toleration', "did you mean 'tolerationSeconds'?"],
  ['a secret mount without mountPath (undefined where required)', js({ secrets: [{ secret: { name: 's' } }] }), 'secrets[0].mountPath', "'secrets[0].mountPath' is required", "expected an absolute path, e.g. '/opt/secrets/s3'"],
  ['HighAvailability.kubernetes() without storageDir', () => HighAvailability.kubernetes({} as never), 'storageDir', "HighAvailability.kubernetes(): 'storageDir' is required", "e.g. 's3://bucket/flink-ha'"],
  ['a FlinkIngress without its cluster', () => new FlinkIngress(chart(), 'ui', {} as never), 'cluster', "'cluster' is required", 'expected a FlinkCluster, e.g. a FlinkSessionCluster or FlinkApplicationCluster'],
  ['an RbacBinding for something that is not a cluster', () => new RbacBinding(chart(), 'rbac', { cluster: { clusterId: 'c' } as never }), 'cluster', "'cluster' is {\"clusterId\":\"c\"}", 'expected a FlinkCluster'],
  ['FlinkVersion.of() with a number', () => FlinkVersion.of(1.2 as unknown as string), 'version', "FlinkVersion.of(): 'version' is 1.2", "expected a string such as '1.20' or '1.20.3'"],
  ['a typed pod template with sidecars as a map', () => new PodTemplate(chart(), 'tpl', { sidecars: { name: 'x' } as never }), 'sidecars', "'sidecars' is {\"name\":\"x\"}", 'expected an array of kplus.k8s.Container objects'],
];

const EMPTY_STRINGS: Bad[] = [
  ['FKO #91 a blank cluster id (kubernetes.cluster-id must not be blank)', session({ clusterId: '' }), 'clusterId', "clusterId is '': a cluster id must be lowercase letters", "e.g. 'my-flink-cluster'"],
  ['FKO #93 a blank image (kubernetes.container.image)', session({ image: ' ' }), 'image', 'the image must not be blank', 'leave it out for the default image'],
  ['FKO #93 a blank namespace (kubernetes.namespace)', session({ namespace: '' }), 'namespace', 'the namespace must not be blank', "leave it out for the chart's namespace"],
  ['an empty flinkConfiguration value (1.x would ignore the line)', session({ flinkConfiguration: { 'pipeline.name': '' } }), "flinkConfiguration['pipeline.name']", 'the value is empty (the line would be ignored), which flink-conf.yaml cannot carry', 'give the option a value, or remove it'],
  ['an empty flinkConfiguration key', session({ flinkConfiguration: { '': 'x' } }), "flinkConfiguration['']", "the key '' contains '#', ': ', a line break or surrounding spaces", 'remove it'],
  ['an empty entry class', application({}, { entryClass: '' }), 'job.entryClass', "'job.entryClass' is ''", "expected a Java class name such as 'com.example.StreamingJob'"],
  ['an empty savepoint path', application({}, { savepoint: { path: '', restoreOnEveryStart: true } }), 'job.savepoint.path', "'job.savepoint.path' is empty", "give the savepoint's directory"],
  ['an empty HA storage directory', () => HighAvailability.kubernetes({ storageDir: '' }), 'storageDir', "HighAvailability.kubernetes(): 'storageDir' is required", "e.g. 's3://bucket/flink-ha'"],
  ['an empty ZooKeeper quorum', () => HighAvailability.zookeeper({ storageDir: 's3://b/ha', quorum: ' ' }), 'quorum', "HighAvailability.zookeeper(): 'quorum' is required", "e.g. 'zk-0.zk:2181,zk-1.zk:2181'"],
  ['an empty jar path', () => JobArtifact.fromImage(''), "JobArtifact.fromImage('')", 'expected the absolute path of a jar in the image', "expected the absolute path of a jar in the image, e.g. '/opt/flink/usrlib/my-flink-job.jar'"],
  ['an empty Flink version', () => FlinkVersion.of(''), "FlinkVersion.of('')", 'unknown Flink version', "(e.g. '1.20' or '1.20.3')"],
  ['an empty plugin id', () => FlinkPlugin.of(''), "FlinkPlugin.of('')", "expected an artifact id such as 'flink-s3-fs-hadoop'", 'expected an artifact id'],
  ['an empty environment variable name', session({ jobManager: { env: { '': 'x' } } }), 'jobManager.env', "'jobManager.env' has '': not a valid environment variable name", "use letters, digits, '_', '-' and '.'"],
  ['an empty Secret key of secretEnv', session({ secretEnv: [{ name: 'DB_USER', secret: secret('db'), key: '' }] }), 'secretEnv', "the key '' of DB_USER is not a Secret key (IsConfigMapKey", 'give the key as the Secret holds it'],
  ['an empty logger name', session({ logging: { loggers: { '': LogLevel.DEBUG } } }), 'logging.loggers', "'logging.loggers' has ''", "expected a logger name such as 'org.apache.flink.runtime.checkpoint'"],
];

const NUMBERS: Bad[] = [
  ['FKO #25 JobManager cpu 0 (resources cpu must be positive)', session({ jobManager: { cpu: 0 } }), 'jobManager.cpu', "'jobManager.cpu' is 0: the JobManager needs more than 0 CPU", 'set e.g. 0.5 or 1'],
  ['FKO #35 TaskManager cpu negative', session({ taskManager: { cpu: -1 } }), 'taskManager.cpu', "'taskManager.cpu' is -1: a TaskManager needs more than 0 CPU", 'leave it unset for one CPU per slot'],
  ['cpu NaN (a computation gone wrong)', session({ jobManager: { cpu: NaN } }), 'jobManager.cpu', "'jobManager.cpu' is NaN", 'set e.g. 0.5 or 1'],
  ['FKO #25 a zero cpu as an option', session({ flinkConfiguration: { 'kubernetes.jobmanager.cpu.amount': '0' } }), "flinkConfiguration['kubernetes.jobmanager.cpu.amount']", 'the JobManager needs more than 0 CPU', 'set e.g. 0.5 or 1'],
  ['a cpu that is not a number', session({ flinkConfiguration: { 'kubernetes.jobmanager.cpu.amount': 'two' } }), "flinkConfiguration['kubernetes.jobmanager.cpu.amount']", "is 'two': expected a number", 'expected a number'],
  ['FKO #34 TaskManager memory 0', session({ taskManager: { memory: Size.mebibytes(0) } }), 'taskManager.memory', "'taskManager.memory' is 0 MiB: Flink's memory sizes here must be a positive whole number of mebibytes", 'use e.g. Size.mebibytes(1600)'],
  ['FKO #24 JobManager memory negative (a Size-like object from JavaScript)', js({ jobManager: { memory: { toMebibytes: () => -5 } } }), 'jobManager.memory', "'jobManager.memory' is -5 MiB", 'use e.g. Size.mebibytes(1600)'],
  ['a fractional memory size', session({ jobManager: { memory: Size.kibibytes(1500) } }), 'jobManager.memory', "'jobManager.memory' is 1.46484375 MiB", 'use e.g. Size.mebibytes(1600)'],
  ['a JobManager memory below Flink\'s minimum (JobManagerProcessUtils)', session({ jobManager: { memory: Size.mebibytes(400) } }), 'jobManager.memory', 'JobManager memory configuration failed: the JVM Metaspace', 'it must be at least 577m, so set at least that much'],
  ['a TaskManager memory below Flink\'s minimum (TaskExecutorProcessUtils)', session({ taskManager: { memory: Size.mebibytes(981) } }), 'taskManager.memory', 'TaskManager memory configuration failed', 'give TaskManagers at least 982m of process memory'],
  ['FKO #21 JobManager memory unparseable (Kubernetes units)', session({ flinkConfiguration: { 'jobmanager.memory.process.size': '1600Mi' } }), "flinkConfiguration['jobmanager.memory.process.size']", "memory size unit 'mi' is not one of Flink's: b, k, m, g, t", "write e.g. '1600m' or '2g'"],
  ['FKO #31 TaskManager memory unparseable', session({ flinkConfiguration: { 'taskmanager.memory.process.size': 'lots' } }), "flinkConfiguration['taskmanager.memory.process.size']", "is 'lots'", "starts with a number, e.g. '1600m'"],
  ['a memory size beyond 64 bits', session({ flinkConfiguration: { 'taskmanager.memory.process.size': '99999999999t' } }), "flinkConfiguration['taskmanager.memory.process.size']", 'the memory size does not fit in 64 bits', 'give a smaller size'],
  ['FKO #28, #94 JobManager replicas 0 (kubernetes.jobmanager.replicas)', session({ jobManager: { replicas: 0 } }), 'jobManager.replicas', "'jobManager.replicas' is 0: it must be a whole number of at least 1", "set 'suspended: true'"],
  ['FKO #94 JobManager replicas 0 as an option', session({ flinkConfiguration: { 'kubernetes.jobmanager.replicas': '0' } }), "flinkConfiguration['kubernetes.jobmanager.replicas']", "'kubernetes.jobmanager.replicas' should not be configured less than one", "set 1, or 'suspended: true'"],
  ['JobManager replicas fractional', session({ jobManager: { replicas: 1.5 } }), 'jobManager.replicas', "'jobManager.replicas' is 1.5: it must be a whole number of at least 1", 'set 1, or 2 or more with high availability'],
  ['JobManager replicas beyond int32', session({ ...HA, jobManager: { replicas: 1e12 } }), 'jobManager.replicas', "'jobManager.replicas' is 1000000000000: a Deployment's replicas are an int32", 'set at most 2147483647'],
  ['JobManager replicas beyond a Java int, as an option', session({ flinkConfiguration: { 'kubernetes.jobmanager.replicas': '3000000000' } }), "flinkConfiguration['kubernetes.jobmanager.replicas']", "is '3000000000'", 'expected a whole number of at most 2147483647'],
  ['task slots 0', session({ taskManager: { taskSlots: 0 } }), 'taskManager.taskSlots', "'taskManager.taskSlots' is 0: a TaskManager needs a whole number of at least 1 task slot", 'set e.g. 1 or 4'],
  ['task slots fractional', session({ taskManager: { taskSlots: 1.5 } }), 'taskManager.taskSlots', "'taskManager.taskSlots' is 1.5", 'set e.g. 1 or 4'],
  ['task slots beyond a Java int', session({ taskManager: { taskSlots: 3e9 } }), 'taskManager.taskSlots', "'taskManager.taskSlots' is 3000000000: Flink reads taskmanager.numberOfTaskSlots as a Java int", 'set at most 2147483647'],
  ['FKO #27 a CPU limit below the request (limit factor < 1)', session({ jobManager: { cpuLimitFactor: 0.5 } }), 'jobManager.cpuLimitFactor', "'jobManager.cpuLimitFactor' is 0.5: a limit factor must be at least 1", 'use 1 for limit = request'],
  ['FKO #37 a memory limit below the request (limit factor < 1)', session({ taskManager: { memoryLimitFactor: 0.9 } }), 'taskManager.memoryLimitFactor', "'taskManager.memoryLimitFactor' is 0.9", 'use 1 for limit = request'],
  ['FKO #37 a limit factor below 1 as an option', session({ flinkConfiguration: { 'kubernetes.taskmanager.cpu.limit-factor': '0.5' } }), "flinkConfiguration['kubernetes.taskmanager.cpu.limit-factor']", 'kubernetes.taskmanager.cpu.limit-factor should be greater or equal to 1', 'set it to 1 or more'],
  ['a limit factor of Infinity', session({ jobManager: { cpuLimitFactor: Infinity } }), 'jobManager.cpuLimitFactor', "'jobManager.cpuLimitFactor' is Infinity", 'use 1 for limit = request'],
  ['FKO #19 job parallelism 0', application({}, { parallelism: 0 }), 'job.parallelism', "'job.parallelism' is 0: the parallelism must be a whole number of at least 1", 'set e.g. 1 or 4'],
  ['job parallelism above Flink\'s maximum (DefaultVertexParallelismInfo, 32768)', application({}, { parallelism: 40000 }), 'job.parallelism', "'job.parallelism' is 40000: Flink schedules no operator above 32768 parallel instances", 'set at most 32768'],
  ['a port above 65535', session({ flinkConfiguration: { 'rest.port': '70000' } }), "flinkConfiguration['rest.port']", "is '70000': expected a port from 1 to 65535", 'expected a port from 1 to 65535'],
  ['a negative port', session({ flinkConfiguration: { 'rest.port': '-1' } }), "flinkConfiguration['rest.port']", 'Flink on Kubernetes needs a fixed port', 'set a single port number'],
  ['a fractional port', session({ flinkConfiguration: { 'jobmanager.rpc.port': '6123.5' } }), "flinkConfiguration['jobmanager.rpc.port']", 'needs a fixed port', 'set a single port number'],
  ['FKO #87 a port range (KubernetesUtils.parsePort)', session({ flinkConfiguration: { 'blob.server.port': '6124-6130' } }), "flinkConfiguration['blob.server.port']", 'Flink on Kubernetes needs a fixed port, not a range or list (KubernetesUtils.parsePort)', 'set a single port number'],
  ['FKO #88 an empty port (should not be null)', session({ flinkConfiguration: { 'rest.port': '' } }), "flinkConfiguration['rest.port']", 'needs a fixed port', 'set a single port number'],
  ['a port 0 that Flink\'s client would replace', session({ flinkConfiguration: { 'taskmanager.rpc.port': '0' } }), "flinkConfiguration['taskmanager.rpc.port']", "Flink's client replaces port 0 by 6122", 'set 6122, or remove the option'],
  ['the Prometheus port 0', session({ prometheus: { port: 0 } }), 'prometheus.port', "'prometheus.port' is 0", 'expected a whole port number from 1 to 65535, e.g. 9249'],
  ['the Prometheus port above 65535', session({ prometheus: { port: 65536 } }), 'prometheus.port', "'prometheus.port' is 65536", 'expected a whole port number from 1 to 65535'],
  ['a fractional Prometheus port', session({ prometheus: { port: 9249.5 } }), 'prometheus.port', "'prometheus.port' is 9249.5", 'expected a whole port number'],
  ['concurrent Kubernetes requests 0', session({ kubernetesClient: { maxConcurrentRequests: 0 } }), 'kubernetesClient.maxConcurrentRequests', "'kubernetesClient.maxConcurrentRequests' is 0", 'expected a whole number from 1 to 2147483647'],
  ['concurrent Kubernetes requests beyond a Java int', session({ kubernetesClient: { maxConcurrentRequests: 3e9 } }), 'kubernetesClient.maxConcurrentRequests', "'kubernetesClient.maxConcurrentRequests' is 3000000000", 'expected a whole number from 1 to 2147483647'],
  ['a log reload interval of 0', session({ logging: { reloadInterval: Duration.seconds(0) } }), 'logging.reloadInterval', "'logging.reloadInterval' is 0 seconds", 'expected a whole number of seconds, at least 1'],
  ['a fractional log reload interval', session({ logging: { reloadInterval: Duration.millis(1500) } }), 'logging.reloadInterval', "'logging.reloadInterval' is 1.5 seconds", 'expected a whole number of seconds'],
  ['a scrape interval below a second', session({ prometheus: {}, podMonitor: { interval: Duration.millis(500) } }), 'podMonitor.interval', "'podMonitor.interval' is 500 ms", 'e.g. Duration.seconds(30)'],
  ['tolerationSeconds that is not a number', session({ flinkConfiguration: { 'kubernetes.jobmanager.tolerations': 'key:k,operator:Exists,effect:NoExecute,tolerationSeconds:soon' } }), "flinkConfiguration['kubernetes.jobmanager.tolerations']", "tolerationSeconds 'soon' is not a whole number", 'give a whole number of seconds'],
];

const NAMES_AND_LABELS: Bad[] = [
  ['FKO #1 a cluster id with capitals and an underscore', session({ clusterId: 'My_Cluster' }), 'clusterId', "clusterId is 'My_Cluster': a cluster id must be lowercase letters, digits and '-'", "e.g. 'my-flink-cluster'"],
  ['FKO #1 a cluster id starting with a digit', session({ clusterId: '1cluster' }), 'clusterId', "clusterId is '1cluster'", "e.g. 'my-flink-cluster'"],
  ['FKO #1 a cluster id starting with a dash', session({ clusterId: '-cluster' }), 'clusterId', "clusterId is '-cluster'", "e.g. 'my-flink-cluster'"],
  ['FKO #1 a cluster id ending with a dash', session({ clusterId: 'cluster-' }), 'clusterId', "clusterId is 'cluster-'", "e.g. 'my-flink-cluster'"],
  ['FKO #1 a cluster id with a dot', session({ clusterId: 'my.cluster' }), 'clusterId', "clusterId is 'my.cluster'", "e.g. 'my-flink-cluster'"],
  ['FKO #1, #92 a cluster id of 46 characters', session({ clusterId: 'a'.repeat(46) }), 'clusterId', '(46 characters): kubernetes.cluster-id must be no more than 45 characters', 'choose a shorter id'],
  ['FKO #1 a cluster id given as an option', session({ clusterId: undefined, flinkConfiguration: { 'kubernetes.cluster-id': 'Bad' } }), "flinkConfiguration['kubernetes.cluster-id']", "is 'Bad': a cluster id must be lowercase", "e.g. 'my-flink-cluster'"],
  ['FKO #1 a cluster id derived from a construct path that is not a DNS label', () => new FlinkSessionCluster(new Chart(Testing.app(), '1chart'), 'x', { version: V }), 'clusterId', 'clusterId (derived from the construct path) is', "e.g. 'my-flink-cluster'"],
  ['a namespace that is not a DNS label', session({ namespace: 'My_NS' }), 'namespace', "namespace is 'My_NS': a namespace name is a DNS-1123 label", "use e.g. 'my-ns'"],
  ['a namespace of 64 characters', session({ namespace: 'n'.repeat(64) }), 'namespace', 'at most 63 lowercase letters', 'use e.g.'],
  ['a namespace given as an option', session({ flinkConfiguration: { 'kubernetes.namespace': 'Analytics' } }), "flinkConfiguration['kubernetes.namespace']", "is 'Analytics': a namespace name is a DNS-1123 label", "use e.g. 'analytics'"],
  ['a chart namespace that is not a DNS label', () => new FlinkSessionCluster(new Chart(Testing.app(), 'c', { namespace: 'Team Data' }), 'session', { version: V, clusterId: 'c' }), "the chart's namespace", "the chart's namespace is 'Team Data'", "use e.g. 'team-data' in the Chart, or set 'namespace'"],
  ['a label key with a space and a "!"', session({ jobManager: { labels: { 'bad key!': 'v' } } }), 'jobManager.labels', "the label key 'bad key!' is not one Kubernetes accepts (IsQualifiedName", "rename it, e.g. 'team' or 'example.com/team'"],
  ['a label value with a space', session({ jobManager: { labels: { team: 'data platform' } } }), 'jobManager.labels', "the value 'data platform' of the label 'team' is not one Kubernetes accepts (IsValidLabelValue", "use e.g. 'data-platform'"],
  ['a label value of 64 characters', session({ taskManager: { labels: { build: 'b'.repeat(64) } } }), 'taskManager.labels', 'so the API server would reject every TaskManager pod', "use e.g. '"],
  ['a label value with a slash, as a prefixed option', session({ flinkConfiguration: { 'kubernetes.taskmanager.labels.team': 'data/platform' } }), "flinkConfiguration['kubernetes.taskmanager.labels.team']", "the value 'data/platform' of the label 'team'", "use e.g. 'data-platform'"],
  ['a label value in Flink\'s map encoding', session({ flinkConfiguration: { 'kubernetes.jobmanager.labels': 'team:data platform' } }), "flinkConfiguration['kubernetes.jobmanager.labels']", 'is not one Kubernetes accepts', "use e.g. 'data-platform'"],
  ['Flink\'s own label key (app)', session({ jobManager: { labels: { app: 'mine' } } }), 'jobManager.labels', 'Flink sets the labels app itself', 'use other keys'],
  ['an annotation key with a space', session({ jobManager: { annotations: { 'owner team': 'data' } } }), 'jobManager.annotations', "the annotation key 'owner team' is not one Kubernetes accepts", 'rename it'],
  ['a node-selector value with a space', session({ taskManager: { nodeSelector: { pool: 'big nodes' } } }), 'taskManager.nodeSelector', "the value 'big nodes' of the node-selector label 'pool'", "use e.g. 'big-nodes'"],
  ['a REST Service label value with a space (2.2)', session({ restService: { labels: { tier: 'front end' } } }, FlinkVersion.V2_2), 'restService.labels', 'so the API server would reject the REST Service', "use e.g. 'front-end'"],
  ['a REST Service annotation key with a space', session({ restService: { annotations: { 'a b': 'x' } } }), 'restService.annotations', "the annotation key 'a b'", 'rename it'],
  ['a service-account label value with a space', session({ taskManager: { serviceAccountLabels: { team: 'data platform' } } }), 'taskManager.serviceAccountLabels', "so the API server would reject the ServiceAccount 'c-taskmanager'", "use e.g. 'data-platform'"],
  ['a service-account annotation key with a space', session({ jobManager: { serviceAccountAnnotations: { 'iam role': 'x' } } }), 'jobManager.serviceAccountAnnotations', "the annotation key 'iam role'", 'rename it'],
  ['a PodMonitor label value with a space', session({ prometheus: {}, podMonitor: { labels: { release: 'kube prometheus' } } }), 'podMonitor.labels', 'so the API server would reject the PodMonitor', "use e.g. 'kube-prometheus'"],
  ['a service account name that is not a DNS subdomain', session({ serviceAccount: account('Flink_SA') }), 'serviceAccount', "'serviceAccount' names the service account 'Flink_SA', which is not a DNS-1123 subdomain", "give the account's real name"],
  ['a TaskManager service account name as an option', session({ flinkConfiguration: { 'kubernetes.taskmanager.service-account': 'TM' } }), "flinkConfiguration['kubernetes.taskmanager.service-account']", "names the service account 'TM'", "give the account's real name"],
  ['a Hadoop ConfigMap name that is not a DNS subdomain', session({ hadoopConfigMap: kplus.ConfigMap.fromConfigMapName(chart(), 'h', 'hadoop_conf') }), 'hadoopConfigMap', "hadoopConfigMap is 'hadoop_conf': a ConfigMap name is a DNS-1123 subdomain", "give the ConfigMap's real name"],
  ['a mounted Secret whose volume name would not be a DNS label', session({ secrets: [{ secret: secret('My.Secret'), mountPath: '/opt/secrets' }] }), 'secrets', "Flink names the volume of Secret 'My.Secret' 'My.Secret-volume'", 'mount a Secret with a shorter, simpler name'],
  ['a secretEnv Secret name that is not a DNS subdomain', session({ secretEnv: [{ name: 'DB_USER', secret: secret('db_credentials'), key: 'user' }] }), 'secretEnv', "the Secret name 'db_credentials' of DB_USER is not a DNS-1123 subdomain", "give the Secret's real name"],
  ['a secretEnv key with a space', session({ secretEnv: [{ name: 'DB_USER', secret: secret('db'), key: 'user name' }] }), 'secretEnv', "the key 'user name' of DB_USER is not a Secret key (IsConfigMapKey", 'give the key as the Secret holds it'],
  ['a secretEnv variable name starting with a digit', session({ secretEnv: [{ name: '1PASSWORD', secret: secret('db'), key: 'p' }] }), 'secretEnv', "'1PASSWORD' is not a valid environment variable name", "use letters, digits, '_', '-' and '.'"],
  ['an environment variable name with a space', session({ taskManager: { env: { 'MY VAR': 'x' } } }), 'taskManager.env', "'taskManager.env' has 'MY VAR': not a valid environment variable name", "use letters, digits, '_', '-' and '.'"],
  ['an image reference with a space', session({ image: 'flink 1.20' }), 'image', "image is 'flink 1.20': it is not an image reference the kubelet can parse", 'write [registry[:port]/]repository[:tag][@digest]'],
  ['an image repository in capitals', session({ image: 'Flink:1.20.4' }), 'image', 'InvalidImageName', 'write [registry[:port]/]repository[:tag][@digest], the repository in lowercase'],
  ['an image reference with a short digest', session({ flinkConfiguration: { 'kubernetes.container.image.ref': 'flink@sha256:abc' } }), "flinkConfiguration['kubernetes.container.image.ref']", 'it is not an image reference the kubelet can parse', 'write [registry[:port]/]repository[:tag][@digest]'],
  ['a StorageClass name with a space', session({ ...STANDALONE, taskManager: { localRecovery: { storage: Size.gibibytes(10), storageClassName: 'fast ssd' } } }), 'taskManager.localRecovery.storageClassName', "'taskManager.localRecovery.storageClassName' is 'fast ssd': a StorageClass name is a DNS-1123 subdomain", "give the StorageClass's real name"],
  ['a logger name with a space', session({ logging: { loggers: { 'org apache': LogLevel.DEBUG } } }), 'logging.loggers', "'logging.loggers' has 'org apache'", 'expected a logger name'],
  ['an Ingress name with capitals', ingress({ name: 'FlinkUI' }), 'name', "'name' is 'FlinkUI': an Ingress name must be lowercase letters", "rename it, e.g. 'flink-ui'"],
  ['an IngressClass name with a space', ingress({ className: 'public nginx' }), 'className', "'className' is 'public nginx': an IngressClass name is a DNS-1123 subdomain", "give the IngressClass's real name"],
  ['an Ingress annotation key with a space', ingress({ annotations: { 'auth url': 'x' } }), 'annotations', "the annotation key 'auth url'", 'rename it'],
  ['FKO #11 an Ingress host with a port (the template is no valid URL)', ingress({ host: 'flink.example.com:8443' }), 'host', "'host' is 'flink.example.com:8443': an Ingress host must be a DNS name", "e.g. 'flink.example.com'"],
  ['FKO #11 an Ingress host that is an IP address', ingress({ host: '10.0.0.1' }), 'host', "'host' is '10.0.0.1': Kubernetes does not accept an IP address as an Ingress host", 'use a DNS name'],
];

const ENUMS_AND_KEYS: Bad[] = [
  ['FKO #3 a Flink version older than the supported ones (1.14)', () => FlinkVersion.of('1.14'), "FlinkVersion.of('1.14')", 'unknown Flink version; supported are 1.16, 1.17, 1.18, 1.19, 1.20, 2.0, 2.1, 2.2', "(e.g. '1.20' or '1.20.3')"],
  ['FKO #3 Flink 1.15, which the operator still supports and this library does not', () => FlinkVersion.of('1.15'), "FlinkVersion.of('1.15')", 'unknown Flink version', "e.g. '1.20' or '1.20.3'"],
  ['a Flink version in the CRD\'s spelling (v1_20)', () => FlinkVersion.of('v1_20'), "FlinkVersion.of('v1_20')", 'unknown Flink version', "(e.g. '1.20' or '1.20.3')"],
  ['a patch release whose default image does not exist', session({}, FlinkVersion.of('1.20.9')), 'version', "'version' is FlinkVersion.of('1.20.9'), but Flink 1.20 has the releases 1.20.0 to 1.20.4", "give a released version (e.g. FlinkVersion.of('1.20.4')), or set 'image'"],
  ['FKO #82 a REST Service type outside the enum, as an option', session({ flinkConfiguration: { 'kubernetes.rest-service.exposed.type': 'Public' } }), "flinkConfiguration['kubernetes.rest-service.exposed.type']", "is 'Public'", 'expected one of ClusterIP, NodePort, LoadBalancer, Headless_ClusterIP'],
  ['FKO #85 an image pull policy outside the enum, as an option (KubernetesConfigOptions.ImagePullPolicy)', session({ flinkConfiguration: { 'kubernetes.container.image.pull-policy': 'Sometimes' } }), "flinkConfiguration['kubernetes.container.image.pull-policy']", "is 'Sometimes'", 'expected one of IfNotPresent, Always, Never'],
  ['FKO #85 an image pull policy outside the enum, in a pod-template file', withFile(pod({}, { imagePullPolicy: 'always' })), 'PodTemplate.fromFile(', "the main container's imagePullPolicy is 'always'", 'Kubernetes accepts exactly IfNotPresent, Always, Never: use one of them'],
  ['an image pull policy outside the enum, in a typed pod template', withTemplate({ mainContainer: { imagePullPolicy: 'always' as never } }), 'mainContainer.imagePullPolicy', "'mainContainer.imagePullPolicy' is \"always\"", 'expected one of ImagePullPolicy.IF_NOT_PRESENT'],
  ['per-job mode (execution.target: kubernetes-per-job)', session({ flinkConfiguration: { 'execution.target': 'kubernetes-per-job' } }), "flinkConfiguration['execution.target']", 'per-job mode does not exist on native Kubernetes', 'run the job in a FlinkApplicationCluster instead'],
  ['another deployment target than the construct\'s', session({ flinkConfiguration: { 'execution.target': 'kubernetes-application' } }), "flinkConfiguration['execution.target']", "a FlinkSessionCluster always runs 'kubernetes-session'", 'remove the option'],
  ['a misspelt Kubernetes option', session({ flinkConfiguration: { 'kubernetes.jobmanager.replica': '1' } }), "flinkConfiguration['kubernetes.jobmanager.replica']", "'kubernetes.jobmanager.replica' is not an option of Flink 1.20, which would ignore it", "did you mean 'kubernetes.jobmanager.replicas'?"],
  ['a deprecated key (FLINK-29372)', session({ flinkConfiguration: { 'kubernetes.container.image': 'flink:1.20.4' } }), "flinkConfiguration['kubernetes.container.image']", "'kubernetes.container.image' is deprecated in Flink 1.20", "use 'kubernetes.container.image.ref' instead"],
  ['a key the version does not have yet', session({ flinkConfiguration: { 'kubernetes.rest-service.labels': 'a:b' } }), "flinkConfiguration['kubernetes.rest-service.labels']", 'does not exist before Flink 2.2 (this cluster runs 1.20)', "remove it or choose a newer 'version'"],
  ['a key the version no longer has (2.0 removed the heap keys)', session({ flinkConfiguration: { 'jobmanager.heap.size': '1g' } }, FlinkVersion.V2_0), "flinkConfiguration['jobmanager.heap.size']", "'jobmanager.heap.size'", "use 'jobmanager.memory.process.size' instead"],
  ['a key the client removes before shipping (taskmanager.host)', session({ flinkConfiguration: { 'taskmanager.host': '10.0.0.1' } }), "flinkConfiguration['taskmanager.host']", "Flink's client removes 'taskmanager.host' before shipping the configuration", 'remove it'],
  ['an option of the operator\'s reconciler (kubernetes.operator.*)', session({ flinkConfiguration: { 'kubernetes.operator.periodic.savepoint.interval': '1h' } }), "flinkConfiguration['kubernetes.operator.periodic.savepoint.interval']", 'is an option of the Flink Kubernetes operator', 'remove it'],
  ['an option of the operator\'s autoscaler (job.autoscaler.*)', session({ flinkConfiguration: { 'job.autoscaler.enabled': 'true' } }), "flinkConfiguration['job.autoscaler.enabled']", 'is an option of the Flink Kubernetes operator, for its autoscaler', 'use reactive mode'],
  ['FKO #12 Invalid log config key (logConfigFiles)', session({ logConfigFiles: { 'log4j.xml': '<Configuration/>' } }), 'logConfigFiles', "'logConfigFiles' has 'log4j.xml', which Flink 1.20 does not ship", 'use one of logback-console.xml, log4j-console.properties'],
  ['a toleration operator that is neither Equal nor Exists', session({ jobManager: { tolerations: [{ key: 'dedicated', operator: 'In', value: 'flink', effect: 'NoSchedule' }] } }), 'jobManager.tolerations', "the toleration operator 'In' is neither 'Equal' nor 'Exists'", 'use one of them (they are case-sensitive)'],
  ['a toleration effect Kubernetes does not know', session({ taskManager: { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoScheduling' }] } }), 'taskManager.tolerations', "the toleration effect 'NoScheduling' is not one of NoSchedule, PreferNoSchedule, NoExecute", 'leave it out to tolerate every effect'],
  ['a toleration with Exists and a value', session({ jobManager: { tolerations: [{ key: 'dedicated', operator: 'Exists', value: 'flink' }] } }), 'jobManager.tolerations', "a toleration with the operator 'Exists' takes no value", 'remove the value'],
  ['a toleration key with a space', session({ taskManager: { tolerations: [{ key: 'dedicated pool', operator: 'Exists' }] } }), 'taskManager.tolerations', "the toleration key 'dedicated pool' is not a label key", "use the taint's key"],
  ['a toleration without key and with Equal', session({ flinkConfiguration: { 'kubernetes.jobmanager.tolerations': 'operator:Equal,value:x' } }), "flinkConfiguration['kubernetes.jobmanager.tolerations']", "a toleration without a key must use the operator 'Exists'", "set 'operator: Exists'"],
  ['tolerationSeconds without the NoExecute effect', session({ jobManager: { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }] } }), 'jobManager.tolerations', "tolerationSeconds applies to the effect 'NoExecute' only", "set 'effect: NoExecute'"],
  ['an owner reference without uid', session({ jobManager: { ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Pipeline', name: 'p' } as never] } }), 'jobManager.ownerReferences', 'this one has no uid, so the API server would reject the JobManager Deployment (ValidateOwnerReferences)', "add it, e.g. the owner's metadata.uid"],
  ['FlinkPlugin.of() with a version in the id', () => FlinkPlugin.of('flink-s3-fs-presto-1.20.4.jar'), "FlinkPlugin.of('flink-s3-fs-presto-1.20.4.jar')", "expected an artifact id such as 'flink-s3-fs-hadoop', without version or '.jar'", 'expected an artifact id'],
  ['a metric reporter given as a plugin', session({ plugins: [FlinkPlugin.of('flink-metrics-prometheus')] }), "FlinkPlugin 'flink-metrics-prometheus'", 'every Flink image already has it in /opt/flink/plugins', 'remove it and configure it with flinkConfiguration'],
  ['a plugin that is not in /opt/flink/opt', session({ plugins: [FlinkPlugin.of('flink-cep')] }), "FlinkPlugin 'flink-cep'", 'is not in /opt/flink/opt of Flink 1.20', 'set ENABLE_BUILT_IN_PLUGINS through the components\' env'],
];

const CONFLICTS: Bad[] = [
  ['FKO #6 Forbidden Flink config key kubernetes.cluster-id: here a -D option, but not next to clusterId', session({ flinkConfiguration: { 'kubernetes.cluster-id': 'other' } }), "flinkConfiguration['kubernetes.cluster-id']", "sets the Flink option 'kubernetes.cluster-id', which clusterId already sets", 'set it in one place only'],
  ['FKO #5 Forbidden Flink config key kubernetes.namespace: here a -D option, but not next to namespace', session({ namespace: 'a', flinkConfiguration: { 'kubernetes.namespace': 'b' } }), "flinkConfiguration['kubernetes.namespace']", 'which namespace already sets', 'set it in one place only'],
  ['FKO #7 Forbidden Flink config key high-availability.cluster-id (Flink\'s client overwrites it)', session({ ...HA, flinkConfiguration: { 'high-availability.cluster-id': 'shared' } }), "flinkConfiguration['high-availability.cluster-id']", "Flink's client overwrites it with the cluster id 'c'", 'remove it'],
  ['task slots typed and as an option', session({ taskManager: { taskSlots: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4' } }), "flinkConfiguration['taskmanager.numberOfTaskSlots']", 'which taskManager.taskSlots already sets', 'set it in one place only'],
  ['JobManager memory typed and as an option', session({ jobManager: { memory: Size.gibibytes(2) }, flinkConfiguration: { 'jobmanager.memory.process.size': '1g' } }), "flinkConfiguration['jobmanager.memory.process.size']", 'which jobManager.memory already sets', 'set it in one place only'],
  ['the image typed and as an option', session({ image: 'flink:1.20.4', flinkConfiguration: { 'kubernetes.container.image.ref': 'flink:1.20.3' } }), "flinkConfiguration['kubernetes.container.image.ref']", 'which image already sets', 'set it in one place only'],
  ['an environment variable typed and as an option', session({ jobManager: { env: { TZ: 'UTC' } }, flinkConfiguration: { 'containerized.master.env.TZ': 'CET' } }), "flinkConfiguration['containerized.master.env.TZ']", 'which jobManager.env.TZ already sets', 'set it in one place only'],
  ['job parallelism typed and as an option', application({ flinkConfiguration: { 'parallelism.default': '2' } }, { parallelism: 4 }), "flinkConfiguration['parallelism.default']", 'which job.parallelism already sets', 'set it in one place only'],
  ['the job jar typed and as pipeline.jars', application({ flinkConfiguration: { 'pipeline.jars': 'local:///opt/flink/usrlib/other.jar' } }), "flinkConfiguration['pipeline.jars']", 'which job.artifact already sets', 'set it in one place only'],
  ['shutdown-on-finish typed and as an option', application({ flinkConfiguration: { 'execution.shutdown-on-application-finish': 'true' } }, { shutdownOnFinish: false }), "flinkConfiguration['execution.shutdown-on-application-finish']", 'which job.shutdownOnFinish already sets', 'set it in one place only'],
  ['logging levels and a replaced log file', session({ logging: { rootLevel: LogLevel.WARN }, logConfigFiles: { 'log4j-console.properties': 'rootLogger.level = INFO' } }), 'logConfigFiles', "'logging' and 'logConfigFiles' both set the JobManager and TaskManager logging", 'put the levels into your file, or drop it'],
  ['a JobManager address next to the internal Service', session({ flinkConfiguration: { 'jobmanager.rpc.address': 'flink-jm' } }), "flinkConfiguration['jobmanager.rpc.address']", "Flink's client sets it to the internal Service 'c.flink'", 'remove it'],
  ['Flink\'s own environment variable', session({ jobManager: { env: { _POD_IP_ADDRESS: '1.2.3.4' } } }), 'jobManager.env._POD_IP_ADDRESS', "Flink sets the JobManager's environment variable _POD_IP_ADDRESS itself", 'remove it'],
  ['the Prometheus reporter excluded by metrics.reporters', session({ prometheus: {}, flinkConfiguration: { 'metrics.reporters': 'jmx' } }), "flinkConfiguration['metrics.reporters']", "the Prometheus reporter 'prom' of 'prometheus' would not start", "add 'prom' to it"],
  ['two Prometheus reporters', session({ flinkConfiguration: { 'metrics.reporter.a.factory.class': 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory', 'metrics.reporter.b.factory.class': 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory' } }), 'flinkConfiguration', "configures the Prometheus reporters 'a' and 'b'", 'configure one Prometheus reporter'],
  ['the Prometheus port on the REST port', session({ prometheus: { port: 8081 } }), 'prometheus.port', "the JobManager's REST endpoint (rest.bind-port) already uses it in the same pod", 'choose another port'],
  ['source ranges on a ClusterIP REST Service', session({ restService: { loadBalancerSourceRanges: ['10.0.0.0/8'] } }), 'restService.loadBalancerSourceRanges', 'applies to a LoadBalancer Service only; the REST Service is ClusterIP', "remove it, or set 'restService.exposedType: RestServiceExposedType.LOAD_BALANCER'"],
  ['a source range that is not a CIDR', session({ restService: { exposedType: RestServiceExposedType.LOAD_BALANCER, loadBalancerSourceRanges: ['office'] } }), 'restService.loadBalancerSourceRanges[0]', "'restService.loadBalancerSourceRanges[0]' is \"office\"", "expected a CIDR such as '10.0.0.0/8'"],
  ['a NodePort REST Service without an acknowledgement', session({ restService: { exposedType: RestServiceExposedType.NODE_PORT } }), 'restService.exposedType', "a NodePort Service exposes Flink's REST API, which runs any job submitted to it, beyond the Kubernetes cluster", "set 'restService.allowExternalAccess: true' if that is intended"],
  ['two clusters with one cluster id', () => { const c = chart(); new FlinkSessionCluster(c, 'a', { version: V, clusterId: 'c' }); return new FlinkSessionCluster(c, 'b', { version: V, clusterId: 'c' }); }, "'test/b'", "its Deployment 'c' in namespace 'flink' has the name of a Deployment of 'test/a'", "give one of the clusters another 'clusterId'"],
  ['an RbacBinding for accounts the cluster binds itself', () => { const c = chart(); const cluster = new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c' }); return new RbacBinding(c, 'rbac', { cluster }); }, "'test/rbac'", "its Role 'c-jobmanager'", 'create an RbacBinding only for service accounts you bring'],
];

const POD_TEMPLATES: Bad[] = [
  ['FKO #95 Pod template file does not exist', () => PodTemplate.fromFile(chart(), 'tpl', path.join(templateDir, 'missing.yaml')), "PodTemplate.fromFile('", 'the file does not exist', 'give the path of an existing file'],
  ['FKO #95 a pod-template-file option (a file on the client machine)', session({ flinkConfiguration: { 'kubernetes.pod-template-file.default': '/tmp/pod.yaml' } }), "flinkConfiguration['kubernetes.pod-template-file.default']", "names a file on the machine that runs Flink's client", "load it with PodTemplate.fromFile() and pass it as 'podTemplate'"],
  ['a template file that is not YAML', withFile('spec: [unclosed'), "PodTemplate.fromFile('", 'not valid YAML', 'fix the file'],
  ['a template file that is not a Pod', withFile(JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', spec: {} })), "PodTemplate.fromFile('", 'a pod template is a Pod manifest (apiVersion: v1, kind: Pod); got apps/v1/Deployment', 'use a Pod'],
  ['the TaskManagers\' restartPolicy (Flink sets Never)', withFile(pod({ restartPolicy: 'OnFailure' }), 'taskManager'), 'spec.restartPolicy', "'spec.restartPolicy' is set (\"OnFailure\"), which Flink overwrites or ignores", 'remove it; a failed TaskManager is replaced by a new pod'],
  ['the JobManager\'s restartPolicy other than Always (a Deployment accepts only Always)', withFile(pod({ restartPolicy: 'Never' }), 'jobManager'), 'spec.restartPolicy', "'spec.restartPolicy' is 'Never'", 'remove it, or set `Always`'],
  ['the main container\'s command', withFile(pod({}, { command: ['/bin/sh'] })), 'spec.containers[flink-main-container].command', 'which Flink overwrites or ignores. Defined by Flink (pod-template rules)', 'set `kubernetes.entry.path` in `flinkConfiguration`'],
  ['the main container\'s args', withFile(pod({}, { args: ['jobmanager'] })), 'spec.containers[flink-main-container].args', 'Defined by Flink (pod-template rules)', 'set `kubernetes.<c>.entrypoint.args` in `flinkConfiguration`'],
  ['the main container\'s cpu and memory', withFile(pod({}, { resources: { requests: { cpu: '2', memory: '4Gi' } } })), 'spec.containers[flink-main-container].resources', 'sets requests.cpu, requests.memory, which Flink overwrites', 'set `jobManager.cpu`/`jobManager.memory` or `taskManager.cpu`/`taskManager.memory`'],
  ['the template\'s namespace', withFile(pod({}, {}, { namespace: 'other' })), 'metadata.namespace', "'metadata.namespace' is set (\"other\")", "set the cluster's `namespace` prop"],
  ['the template\'s owner references', withFile(pod({}, {}, { ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'x', uid: '1' }] })), 'metadata.ownerReferences', 'Defined by Flink', 'set `kubernetes.jobmanager.owner.reference` in `flinkConfiguration`'],
  ['the template\'s hostNetwork', withFile(pod({ hostNetwork: true })), 'spec.hostNetwork', "'spec.hostNetwork' is set (true)", 'set `kubernetes.hostnetwork.enabled` in `flinkConfiguration`'],
  ['a volume named like Flink\'s (flink-config-volume)', withTemplate({ volumes: [{ name: 'flink-config-volume', emptyDir: {} }] }), 'spec.volumes', "has an entry with name 'flink-config-volume', which Flink adds", "rename the template's volume"],
  ['a mount on Flink\'s configuration directory', withTemplate({ volumes: [{ name: 'conf', emptyDir: {} }], mainContainer: { volumeMounts: [{ name: 'conf', mountPath: '/opt/flink/conf' }] } }), 'spec.containers[flink-main-container].volumeMounts', "has an entry with mountPath '/opt/flink/conf'", "mount the template's volume elsewhere"],
  ['a port named like Flink\'s (rest)', withTemplate({ mainContainer: { ports: [{ name: 'rest', containerPort: 9999 }] } }), 'spec.containers[flink-main-container].ports', "has an entry with name 'rest', which Flink adds", "rename the template's port"],
  ['an environment variable Flink sets on TaskManagers (FLINK_TM_JVM_MEM_OPTS)', withTemplate({ mainContainer: { env: [{ name: 'FLINK_TM_JVM_MEM_OPTS', value: '-Xmx1g' }] } }, 'taskManager'), 'spec.containers[flink-main-container].env', "has an entry with name 'FLINK_TM_JVM_MEM_OPTS'", 'set the variable in one place'],
  ['a label Flink sets (component)', withTemplate({ labels: { component: 'worker' } }, 'taskManager'), 'metadata.labels', "has 'component: worker' but Flink sets 'component: taskmanager'", "set the label in one place; Flink's value would win"],
  ['a label set in the template and as a prop', withTemplate({ labels: { team: 'a' } }, 'jobManager', { jobManager: { labels: { team: 'b' } } }), 'metadata.labels', "has 'team: a' but jobManager.labels sets 'team: b'", 'set the label in one place'],
  ['the image in the template and as a prop', withTemplate({ mainContainer: { image: 'flink:1.20.3' } }, 'jobManager', { image: 'flink:1.20.4' }), 'spec.containers[flink-main-container].image', "is 'flink:1.20.3' but image sets 'flink:1.20.4'", 'set the image in one place (the option would win)'],
  ['a sidecar named flink-main-container', () => new PodTemplate(chart(), 'tpl', { sidecars: [{ name: 'flink-main-container', image: 'busybox' }] }), "'sidecars[0]'", "is named 'flink-main-container', the name Flink reserves for its own container", 'give the sidecar another name'],
  ['an init container named flink-main-container', withFile(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec: { initContainers: [{ name: 'flink-main-container', image: 'busybox' }], containers: [] } })), 'spec.initContainers[0]', "is named 'flink-main-container', the name of Flink's main container", 'rename it'],
  ['a main container under another name (it would be a sidecar)', withFile(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'main', image: 'flink' }] } })), "the container 'main'", 'would be a sidecar: Flink takes only the container named', "rename it to 'flink-main-container'"],
  ['two main containers', withFile(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'flink-main-container' }, { name: 'flink-main-container' }] } })), "'flink-main-container'", "more than one container is named 'flink-main-container'; Flink would keep the last and drop the others", 'keep one, and rename the others'],
  ['a container without a name', withFile(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ image: 'busybox' }] } })), 'spec.containers', 'every container in spec.containers needs a name', 'give each one'],
  ['a root container under runAsNonRoot', withTemplate({ securityContext: { runAsUser: 0 } }), "PodTemplate 'test/tpl'", "runs as root (runAsUser: 0), but 'runAsNonRoot' is on by default", "set 'runAsNonRoot: false' on the cluster to run as root"],
  ['a privileged sidecar under the restricted profile', withTemplate({ sidecars: [{ name: 'debug', image: 'busybox', securityContext: { privileged: true } }] }), "PodTemplate 'test/tpl'", "the JobManager pods would break the Pod Security Standards' restricted profile", "lower the profile with 'podSecurity: PodSecurityStandard.PRIVILEGED'"],
  ['no service-account token for the native JobManager', withFile(pod({ automountServiceAccountToken: false }), 'jobManager'), 'automountServiceAccountToken', 'the native JobManager calls the Kubernetes API to create and watch its TaskManager pods', 'remove it'],
  ['a DNS policy host networking overrides', withTemplate({ dnsPolicy: 'ClusterFirst' }, 'podTemplate', { hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED, networkPolicy: { enabled: false } }), "PodTemplate 'test/tpl'", "sets dnsPolicy 'ClusterFirst', but with host networking Flink sets ClusterFirstWithHostNet", 'remove it'],
  ['the configuration-hash annotation', withTemplate({ annotations: { 'cdk8s-flink.dev/config-hash': 'x' } }), 'metadata.annotations', "has 'cdk8s-flink.dev/config-hash: x', which this library", 'remove it'],
  ['a plain scalar YAML 1.1 reads otherwise (Flink 1.16/1.17 read templates as YAML 1.1)', withFile('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    enabled: yes\n', 'podTemplate', {}, FlinkVersion.V1_16), 'line 5', 'which YAML 1.1 reads as', "quote it ('yes')"],
  ['FKO #22 JobManager ephemeral storage unparseable', withTemplate({ mainContainer: { resources: { requests: { 'ephemeral-storage': 'lots' } } } }, 'jobManager'), 'resources.requests.ephemeral-storage', 'is "lots", which is not a Kubernetes quantity (resource.ParseQuantity)', "write a number with an optional unit, e.g. '512Mi'"],
  ['FKO #32 TaskManager ephemeral storage unparseable', withFile(pod({}, { resources: { limits: { 'ephemeral-storage': '2 GiB' } } }), 'taskManager'), 'resources.limits.ephemeral-storage', 'which is not a Kubernetes quantity', "write a number with an optional unit, e.g. '512Mi'"],
  ['FKO #23, #33 a sidecar\'s resource quantity unparseable', withFile(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'proxy', image: 'envoy', resources: { requests: { cpu: 'half' } } }] } })), 'spec.containers[0].resources.requests.cpu', 'is "half", which is not a Kubernetes quantity', 'write a number with an optional unit'],
  ['FKO #26, #36 a negative resource (ephemeral-storage)', withTemplate({ mainContainer: { resources: { limits: { 'ephemeral-storage': '-1Gi' } } } }), 'resources.limits.ephemeral-storage', "is '-1Gi': a resource quantity must not be negative", 'give a positive one'],
  ['FKO #27, #37 a resource request above its limit', withTemplate({ mainContainer: { resources: { requests: { 'ephemeral-storage': '2Gi' }, limits: { 'ephemeral-storage': '1Gi' } } } }, 'taskManager'), 'resources.requests.ephemeral-storage', 'a request must not exceed its limit (validateResourceRequirements)', 'lower the request or raise the limit'],
  ['a resource name Kubernetes does not know (gpu without its domain)', withTemplate({ mainContainer: { resources: { limits: { gpu: '1' } } } }), 'resources.limits', "'gpu' is not a resource a container can request", "use 'cpu', 'memory', 'ephemeral-storage', 'hugepages-<size>' or an extended resource with its domain, e.g. 'nvidia.com/gpu'"],
  ['a container name with capitals', withTemplate({ sidecars: [{ name: 'LogShipper', image: 'fluent-bit' }] }), 'spec.containers[0].name', 'a container name is a DNS-1123 label', "rename it, e.g. 'log-shipper'"],
  ['two containers of one name', withTemplate({ initContainers: [{ name: 'setup', image: 'busybox' }], sidecars: [{ name: 'setup', image: 'busybox' }] }), 'spec.containers[0].name', "is 'setup', the name of another container of the pod", 'rename one of them'],
  ['two volumes of one name', withTemplate({ volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }] }), 'spec.volumes[1].name', "is 'data', the name of another volume of the template", 'rename one of them'],
  ['a mount of a volume the pod does not have', withTemplate({ mainContainer: { volumeMounts: [{ name: 'cache', mountPath: '/cache' }] } }), 'volumeMounts[0]', "mounts the volume 'cache', which the pod does not have", "add the volume to the template's 'volumes'"],
  ['a DNS policy Kubernetes does not know', withTemplate({ dnsPolicy: 'clusterFirst' }), 'spec.dnsPolicy', 'is "clusterFirst", which Kubernetes does not know', 'use one of ClusterFirstWithHostNet, ClusterFirst, Default, None'],
  ['a PriorityClass name with a space', withTemplate({ priorityClassName: 'high priority' }), 'spec.priorityClassName', "is 'high priority': a PriorityClass name is a DNS-1123 subdomain", "give the PriorityClass's real name"],
  ['a template label value with a space', withTemplate({ labels: { team: 'data platform' } }), 'metadata.labels', "the value 'data platform' of the label 'team' is not one Kubernetes accepts", "use e.g. 'data-platform'"],
  ['a template image that is no image reference', withTemplate({ mainContainer: { image: 'my flink' } }, 'jobManager'), "the main container's image is 'my flink'", 'it is not an image reference the kubelet can parse', 'write [registry[:port]/]repository[:tag][@digest]'],
  ['a TaskManager template image that is no image reference', withTemplate({ mainContainer: { image: 'Registry/Flink' } }, 'taskManager'), "the main container's image is 'Registry/Flink'", 'InvalidImageName', 'write [registry[:port]/]repository[:tag][@digest]'],
];

const VERSIONS: Bad[] = [
  ['REST Service labels before 2.2 (FLINK-37478)', session({ restService: { labels: { tier: 'ui' } } }), 'restService.labels', "'restService.labels' needs Flink 2.2 or later", "choose a newer 'version'"],
  ['decorator switches on 1.16 (FLINK-30713)', session({ decorators: { hadoopConfMount: false } }, FlinkVersion.V1_16), 'decorators.hadoopConfMount', "'decorators.hadoopConfMount' needs Flink 1.17 or later", "choose a newer 'version'"],
  ['a remote jar on 1.18 (KubernetesUtils.checkJarFileForApplicationMode)', application({}, { artifact: JobArtifact.fromUrl('s3://bucket/job.jar') }, FlinkVersion.V1_18), 'job.artifact', 'Flink 1.18 runs only jars inside the image', 'use JobArtifact.fromImage(), or use Flink 1.19+'],
  ['no jar on 1.20 (Should only have one jar)', application({}, { artifact: JobArtifact.systemClasspath() }), 'job.artifact', 'Flink 1.20 needs exactly one job jar in application mode', "use JobArtifact.fromImage('/opt/flink/usrlib/<your-job>.jar'), or Flink 2.0+"],
  ['additional artifacts on 1.18 (FLINK-28915)', application({}, { additionalArtifacts: [JobArtifact.fromUrl('s3://bucket/udf.jar')] }, FlinkVersion.V1_18), 'job.additionalArtifacts', "'job.additionalArtifacts' needs Flink 1.19 or later", "choose a newer 'version'"],
  ['two jars on 2.0 as pipeline.jars', () => new FlinkApplicationCluster(chart(), 'app', { version: FlinkVersion.V2_0, clusterId: 'c', job: { artifact: JobArtifact.systemClasspath() }, flinkConfiguration: { 'pipeline.jars': 'local:///a.jar;local:///b.jar' } }), "flinkConfiguration['pipeline.jars']", 'Flink 2.x runs at most one jar in application mode ("Should only have at most one jar.")', "give it as 'job.artifact' and the others as 'job.additionalArtifacts'"],
  ['Kerberos options on 1.16, which cannot turn the decorator off', session({ flinkConfiguration: { 'security.kerberos.krb5-conf.path': '/etc/krb5.conf' } }, FlinkVersion.V1_16), "flinkConfiguration['security.kerberos.krb5-conf.path']", "Flink's KerberosMountDecorator would make the pods mount", 'use Flink 1.17 or later'],
  ['an official image of another release than the plugins\' jars', session({ image: 'flink:1.20.1-java17', plugins: [FlinkPlugin.S3_PRESTO] }), 'image', "its tag names Flink 1.20.1, and the image's entrypoint would exit", "give the same release as 'version' (e.g. FlinkVersion.of('1.20.1'))"],
  ['FKO #86 Overlapping key prefixes on 2.x (config.yaml)', session({ flinkConfiguration: { 'my.option': 'a', 'my.option.detail': 'b' } }, FlinkVersion.V2_0), "flinkConfiguration['my.option.detail']", "the key 'my.option' is a prefix of 'my.option.detail', which config.yaml cannot hold", "use the non-deprecated key instead of 'my.option'"],
  ['a YAML list where 1.x reads Flink\'s list format', session({ flinkConfiguration: { 'kubernetes.container.image.pull-secrets': '[a, b]' } }), "flinkConfiguration['kubernetes.container.image.pull-secrets']", 'reads flink-conf.yaml with its legacy parser, which does not read YAML lists or maps', "write 'a;b;c'"],
  ['a job argument with # on 1.x', application({}, { args: ['--tag', '#blue'] }), 'job.args[1]', "Flink 1.20 reads flink-conf.yaml line by line and cuts values at '#'", 'pass it another way'],
  ['a value with # on 1.x', session({ flinkConfiguration: { 'pipeline.name': 'job #1' } }), "flinkConfiguration['pipeline.name']", "the value contains '#' (a comment starts there)", 'pass it another way'],
];

const CREDENTIALS: Bad[] = [
  ['an S3 secret key in flinkConfiguration', session({ flinkConfiguration: { 's3.secret-key': 'x' } }), "flinkConfiguration['s3.secret-key']", 'holds an S3 access key, which would be written in plain text into the manifests', "give AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with 'secretEnv'"],
  ['an Azure account key', session({ flinkConfiguration: { 'fs.azure.account.key.acct.blob.core.windows.net': 'x' } }), "flinkConfiguration['fs.azure.account.key.acct.blob.core.windows.net']", 'holds an Azure storage credential', "give AZURE_STORAGE_KEY with 'secretEnv'"],
  ['a keystore password', session({ flinkConfiguration: { 'security.ssl.rest.keystore-password': 'x' } }), "flinkConfiguration['security.ssl.rest.keystore-password']", 'holds an SSL keystore or truststore password', "mount the keystore and truststore with 'secrets'"],
  ['a metric reporter\'s API key', session({ flinkConfiguration: { 'metrics.reporter.dghttp.apikey': 'x' } }), "flinkConfiguration['metrics.reporter.dghttp.apikey']", 'holds a credential of a metric, trace or event reporter', 'let an agent holding its own Secret collect them'],
  ['a password in an environment variable', session({ jobManager: { env: { DB_PASSWORD: 'x' } } }), "jobManager.env['DB_PASSWORD']", 'holds a credential', "give the variable with 'secretEnv'"],
  ['a secret key in the entrypoint arguments', session({ taskManager: { entrypointArgs: '-Ds3.secret-key=x' } }), 'taskManager.entrypointArgs', 'holds an S3 access key', "set 'allowCredentialsInConfigMap: true' to accept that"],
  ['a password as a JVM system property', session({ flinkConfiguration: { 'env.java.opts.jobmanager': '-Ddb.password=x' } }), "flinkConfiguration['env.java.opts.jobmanager'] (-Ddb.password)", 'holds a credential', "read the credential in your code from an environment variable set with 'secretEnv'"],
  ['a password as a job argument', application({}, { args: ['--password=x'] }), 'job.args[0]', 'holds a credential', "read it in main() from an environment variable set with 'secretEnv'"],
  ['an authorization header for the jar download', application({}, { artifact: JobArtifact.fromUrl('https://repo.example.com/job.jar'), artifactHttpHeaders: { Authorization: 'Bearer x' } }), "job.artifactHttpHeaders['Authorization']", 'holds a credential', 'fetch the jar without a credential in the manifests'],
  ['a pre-signed jar URL', application({}, { artifact: JobArtifact.fromUrl('https://bucket.s3.amazonaws.com/job.jar?X-Amz-Signature=abc') }), 'job.artifact', 'holds a URL with a password or a signature', 'build it into the image and use JobArtifact.fromImage()'],
  ['a password in the HA storage URI', session({ ...HA, highAvailability: HighAvailability.kubernetes({ storageDir: 's3://key:secret@bucket/ha' }) }), 'highAvailability.storageDir', 'holds a URL with a password or a signature', "set 'allowCredentialsInConfigMap: true' to accept that"],
  ['a literal token in a pod template\'s environment', withTemplate({ sidecars: [{ name: 'proxy', image: 'envoy', env: [{ name: 'UPSTREAM_TOKEN', value: 'x' }] }] }), "PodTemplate 'test/tpl' (spec.containers[proxy].env UPSTREAM_TOKEN)", 'holds a credential', "take it from a Secret with 'valueFrom: { secretKeyRef: … }'"],
];

const OPERATIONS: Bad[] = [
  ['a NetworkPolicy with host networking', session({ hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED, networkPolicy: { enabled: true } }), 'networkPolicy.enabled', "'networkPolicy.enabled' is true, but hostNetwork turns on host networking: no NetworkPolicy applies to host-network pods", "remove 'networkPolicy', or turn host networking off"],
  ['REST peers with NetworkPolicies off', session({ networkPolicy: { enabled: false, restPeers: [{ podSelector: {} }] } }), 'networkPolicy.restPeers', "'networkPolicy.restPeers' has no effect with 'networkPolicy.enabled: false'", 'remove one of them'],
  ['a REST peer with an ipBlock and a selector', session({ networkPolicy: { restPeers: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] } }), 'networkPolicy.restPeers[0]', 'sets ipBlock and a selector, which Kubernetes refuses', 'give them as two peers'],
  ['a REST peer that selects nothing', session({ networkPolicy: { restPeers: [{}] } }), 'networkPolicy.restPeers[0]', 'selects nothing, which Kubernetes refuses ("must specify a peer")', 'set podSelector, namespaceSelector or ipBlock'],
  ['a REST peer CIDR with a /33 prefix', session({ networkPolicy: { restPeers: [{ ipBlock: { cidr: '10.0.0.0/33' } }] } }), 'networkPolicy.restPeers[0].ipBlock.cidr', "is \"10.0.0.0/33\": expected a CIDR such as '10.0.0.0/8'", "expected a CIDR such as '10.0.0.0/8' or 'fd00::/8'"],
  ['a REST peer exception outside its CIDR', session({ networkPolicy: { restPeers: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] } }] } }), 'networkPolicy.restPeers[0].ipBlock.except[0]', "it must lie strictly inside cidr '10.0.0.0/8', or Kubernetes refuses the policy", 'give an exception inside the CIDR'],
  ['a REST peer selector with an unknown operator', session({ networkPolicy: { restPeers: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['x'] }] } }] } }), 'networkPolicy.restPeers[0].podSelector.matchExpressions[0].operator', 'is "Equals": expected one of In, NotIn, Exists, DoesNotExist', 'expected one of In, NotIn, Exists, DoesNotExist'],
  ['a REST peer label value with a space', session({ networkPolicy: { restPeers: [{ namespaceSelector: { matchLabels: { team: 'data platform' } } }] } }), "networkPolicy.restPeers[0].namespaceSelector.matchLabels['team']", 'which Kubernetes refuses as a label value', "use e.g. 'data-platform'"],
  ['a random data port with NetworkPolicies', session({ flinkConfiguration: { 'taskmanager.data.port': '0' } }), "flinkConfiguration['taskmanager.data.port']", "the NetworkPolicies ('networkPolicy', on by default) open ports by number, but for 0, a list or a range Flink picks a port at random", "set 'networkPolicy.enabled: false'"],
  ['two ports of one process on one number', session({ flinkConfiguration: { 'rest.port': '6124' } }), "flinkConfiguration['rest.port']", 'are both 6124: the JobManager would listen twice on one port and fail to start', 'give one of them another port'],
  ['a PodMonitor without a Prometheus reporter', session({ podMonitor: {} }), 'podMonitor', "'podMonitor' scrapes the Prometheus reporter's 'metrics' port, but no Prometheus reporter runs", "set 'prometheus: {}'"],
  ['a PodMonitor with host networking', session({ hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED, prometheus: {}, podMonitor: {} }), 'prometheus', "'prometheus' needs the reporter's port declared on the pods, which host networking rules out", "remove 'hostNetwork'"],
  ['a PodMonitor label the cluster sets (app)', session({ prometheus: {}, podMonitor: { labels: { app: 'x' } } }), 'podMonitor.labels', "'podMonitor.labels' sets app, which every object of the cluster carries as its own label", "use other keys (e.g. 'release' for kube-prometheus-stack)"],
  ['the legacy Prometheus reporter class key', session({ flinkConfiguration: { 'metrics.reporter.prom.class': 'org.apache.flink.metrics.prometheus.PrometheusReporter' } }), "flinkConfiguration['metrics.reporter.prom.class']", 'this key never starts the Prometheus reporter in Flink 1.16–2.2', "set 'metrics.reporter.prom.factory.class:"],
  ['a JobManager disruption budget without high availability', session({ jobManager: { disruptionBudget: {} } }), 'jobManager.disruptionBudget', "'jobManager.disruptionBudget' needs high availability", "enable 'highAvailability' with standby JobManagers"],
  ['a JobManager disruption budget over one JobManager', session({ ...HA, jobManager: { disruptionBudget: {} } }), 'jobManager.disruptionBudget', "'jobManager.disruptionBudget' needs standby JobManagers", "set 'jobManager.replicas' to 2 or more"],
  ['a TaskManager disruption budget in native mode', session({ taskManager: { disruptionBudget: {} } }), 'taskManager.disruptionBudget', "'taskManager.disruptionBudget' cannot take effect in native mode", 'use mode: DeploymentMode.STANDALONE, or remove the budget'],
  ['a disruption budget that blocks every drain (maxUnavailable 0)', session({ ...STANDALONE, taskManager: { replicas: 3, disruptionBudget: { maxUnavailable: 0 } } }), 'taskManager.disruptionBudget.maxUnavailable', "'taskManager.disruptionBudget.maxUnavailable' is 0: expected a whole number of at least 1", 'expected a whole number of at least 1'],
  ['a disruption budget that holds nothing back', session({ ...STANDALONE, taskManager: { replicas: 3, disruptionBudget: { maxUnavailable: 3 } } }), 'taskManager.disruptionBudget.maxUnavailable', 'but there are at most 3 TaskManagers: the budget would hold back no eviction', 'set it below 3'],
  ['a disruption budget over one TaskManager', session({ ...STANDALONE, taskManager: { disruptionBudget: {} } }), 'taskManager.disruptionBudget', "'taskManager.disruptionBudget' covers 1 TaskManager", "run more TaskManagers ('taskManager.replicas'), or remove the budget"],
  ['an Ingress path without a controller', ingress({ path: '/flink' }), 'path', "'path' is '/flink' but 'controller' is not set", "set 'controller' to IngressController.NGINX or IngressController.TRAEFIK"],
  ['an Ingress path on a controller without a known rewrite', ingress({ path: '/flink', controller: IngressController.OTHER }), 'path', "'controller' is IngressController.OTHER, which has no rewrite this library knows", "route by 'host' with path '/'"],
  ['an Ingress path without a leading slash', ingress({ path: 'flink' }), 'path', "'path' is 'flink': an Ingress path must start with '/'", "write '/flink'"],
  ['an Ingress path with an empty segment', ingress({ path: '/flink//ui', controller: IngressController.NGINX }), 'path', 'each segment of the prefix must be letters, digits', "e.g. '/flink/my-cluster'"],
  ['an Ingress annotation path routing sets itself', ingress({ path: '/flink', controller: IngressController.NGINX, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } }), 'annotations', "sets 'nginx.ingress.kubernetes.io/rewrite-target', which path routing on IngressController.NGINX sets itself", 'remove it'],
  ['an IAM role ARN that is malformed', () => WorkloadIdentity.fromAwsIamRole('arn:aws:iam::1234:role/flink'), "WorkloadIdentity.fromAwsIamRole('arn:aws:iam::1234:role/flink')", 'expected an IAM role ARN', "expected an IAM role ARN such as 'arn:aws:iam::111122223333:role/flink'"],
  ['a GCP service account that is not an email', () => WorkloadIdentity.fromGcpServiceAccount('flink'), "WorkloadIdentity.fromGcpServiceAccount('flink')", 'expected an IAM service account email', 'expected an IAM service account email'],
  ['an Azure client id that is not a UUID', () => WorkloadIdentity.fromAzureClientId('flink'), "WorkloadIdentity.fromAzureClientId('flink')", "expected the identity's client ID, a UUID", 'expected the identity'],
  ['a workload identity with a brought service account', session({ serviceAccount: account('flink'), workloadIdentity: WorkloadIdentity.fromGcpServiceAccount('flink@p.iam.gserviceaccount.com') }), 'workloadIdentity', "'workloadIdentity' sets metadata of the service account the cluster creates, but the JobManager runs as 'flink'", 'annotate and label that ServiceAccount yourself'],
  ['an account annotation against the workload identity', session({ workloadIdentity: WorkloadIdentity.fromAwsIamRole('arn:aws:iam::111122223333:role/flink'), taskManager: { serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/other' } } }), 'taskManager.serviceAccountAnnotations', "but 'workloadIdentity' sets 'eks.amazonaws.com/role-arn:", 'set it in one place only'],
  ['high availability without an explicit cluster id', () => new FlinkSessionCluster(chart(), 'session', { version: V, ...HA }), 'clusterId', "high availability needs an explicit 'clusterId'", "set clusterId: '"],
  ['high availability on the pods\' own disks', session({ highAvailability: HighAvailability.kubernetes({ storageDir: '/tmp/ha' }) }), 'highAvailability.storageDir', "would be on each pod's own disk", "use a durable file system that all pods share, e.g. 's3://bucket/flink'"],
  ['high availability on S3 without its plugin', session({ highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink/ha' }) }), 'highAvailability.storageDir', "Flink serves 's3://' only through the plugin", "add FlinkPlugin.S3_HADOOP or FlinkPlugin.S3_PRESTO to 'plugins'"],
  ['FKO #29, #94 standby JobManagers without high availability', session({ jobManager: { replicas: 2 } }), 'jobManager.replicas', 'standby JobManagers need high availability ("High availability should be enabled when starting standby JobManagers.")', 'set replicas to 1 or enable high availability'],
];

const LIFECYCLE: Bad[] = [
  ['a highly available application without an upgrade mode', application(HA, { upgradeMode: undefined }), 'job.upgradeMode', "'job.upgradeMode' is not set, but this application cluster is highly available", 'Choose UpgradeMode.SAVEPOINT'],
  ['LAST_STATE with ZooKeeper high availability', application(ZK_HA, { upgradeMode: UpgradeMode.LAST_STATE }), 'job.upgradeMode', "'job.upgradeMode' is UpgradeMode.LAST_STATE, which removes the stored job graph from the Kubernetes high-availability ConfigMaps", 'Use UpgradeMode.SAVEPOINT or UpgradeMode.STATELESS'],
  ['SAVEPOINT without high availability', application({}, { upgradeMode: UpgradeMode.SAVEPOINT }), 'job.upgradeMode', "'job.upgradeMode' is UpgradeMode.SAVEPOINT, which needs high availability", "enable 'highAvailability', or declare UpgradeMode.STATELESS"],
  ['FKO #13 Checkpoint directory must be defined for last-state (Flink 2.x key)', application(HA, { upgradeMode: UpgradeMode.LAST_STATE }, FlinkVersion.V2_1), 'job.upgradeMode', 'but no checkpoint directory is set', "set 'execution.checkpointing.dir' in flinkConfiguration"],
  ['FKO #13 Checkpoint directory must be defined for savepoint upgrades (1.19 key)', application({ ...HA, flinkConfiguration: { 'execution.checkpointing.interval': '1 min' } }, { upgradeMode: UpgradeMode.SAVEPOINT }, FlinkVersion.V1_19), 'job.upgradeMode', 'Flink then keeps checkpoints in the JobManager\'s heap (JobManagerCheckpointStorage', "set 'state.checkpoints.dir' in flinkConfiguration"],
  ['STATELESS with a savepoint to restore', application({ ...HA, flinkConfiguration: checkpointDirectory(V) }, { upgradeMode: UpgradeMode.STATELESS, savepoint: { path: 's3://flink/sp/sp-1' } }), 'job.upgradeMode', "'job.upgradeMode' is UpgradeMode.STATELESS, which starts a changed job without state, but 'job.savepoint' sets a savepoint to restore", 'use UpgradeMode.SAVEPOINT to start from it, or remove it'],
  ['a savepoint restored at every start without high availability', application({ plugins: [FlinkPlugin.S3_PRESTO] }, { savepoint: { path: 's3://flink/sp/sp-1' } }), 'job.savepoint', "'job.savepoint' is set without high availability, so every JobManager start restores it again", "acknowledge it with 'job.savepoint' and 'restoreOnEveryStart: true'"],
  ['restoreOnEveryStart with high availability', application({ ...HA, flinkConfiguration: checkpointDirectory(V) }, { upgradeMode: UpgradeMode.SAVEPOINT, savepoint: { path: 's3://flink/sp/sp-1', restoreOnEveryStart: true } }), 'job.savepoint.restoreOnEveryStart', "'job.savepoint.restoreOnEveryStart' is true, but with high availability the savepoint is restored only while the job has no checkpoint of its own", 'remove it'],
  ['restoreOnEveryStart with a claimed savepoint', application({ plugins: [FlinkPlugin.S3_PRESTO] }, { savepoint: { path: 's3://flink/sp/sp-1', restoreOnEveryStart: true, claimMode: RecoveryClaimMode.CLAIM } }), 'job.savepoint.restoreOnEveryStart', 'with claim mode CLAIM: Flink deletes a claimed savepoint', 'use RecoveryClaimMode.NO_CLAIM'],
  ['a suspended stateful application without high availability', application({ suspended: true }), 'suspended', "'suspended' is true, but this application cluster has no high availability", "Enable 'highAvailability'"],
  ['an explicit HA cluster id under ZooKeeper upgrade modes', application({ ...ZK_HA, flinkConfiguration: { 'high-availability.cluster-id': 'c' } }, { upgradeMode: UpgradeMode.STATELESS }), "flinkConfiguration['high-availability.cluster-id']", 'sets high-availability.cluster-id, but with ZooKeeper high availability UpgradeMode.STATELESS gives each job generation its own', 'remove it'],
  ['an explicit job id with high availability', application({ ...HA, flinkConfiguration: { '$internal.pipeline.job-id': 'a'.repeat(32) } }, { upgradeMode: UpgradeMode.STATELESS }), "flinkConfiguration['$internal.pipeline.job-id']", 'with high availability the job id belongs to the upgrade mode', 'remove it'],
  ['a savepoint path without scheme (the JobManager\'s own disk)', application({}, { savepoint: { path: '/savepoints/sp-1', restoreOnEveryStart: true } }), 'job.savepoint.path', "a path without scheme is resolved against 'fs.default-scheme'", "write the savepoint's full URI, e.g. 's3://bucket/savepoints/savepoint-1a2b3c'"],
  ['a savepoint path as an option, relative', session({ flinkConfiguration: { 'execution.state-recovery.path': 'savepoints/sp-1' } }), "flinkConfiguration['execution.state-recovery.path']", 'a relative path is resolved against the JobManager process\' working directory', "write the savepoint's full URI"],
  ['the savepoint key of another version (1.19 key on 1.20)', application({ flinkConfiguration: { 'execution.savepoint.path': 's3://b/sp' } }), "flinkConfiguration['execution.savepoint.path']", "'execution.savepoint.path' is deprecated in Flink 1.20", "use 'execution.state-recovery.path' instead"],
  ['the job-hash annotation key', application({ jobManager: { annotations: { 'cdk8s-flink.dev/job-hash': 'x' } } }), 'jobManager.annotations', "'cdk8s-flink.dev/job-hash' is this library's key for the job's hash", 'use another key'],
  ['an init container named like the job-upgrade one', () => { const c = chart(); const podTemplate = new PodTemplate(c, 'tpl', { initContainers: [{ name: 'flink-job-upgrade', image: 'busybox' }] }); return new FlinkApplicationCluster(c, 'app', { version: V, clusterId: 'c', jobManager: { podTemplate }, job: { artifact: JAR } }); }, "PodTemplate 'test/tpl'", "the init container name 'flink-job-upgrade' is this library's", 'rename yours'],
  ['an entry class that is not a Java class name', application({}, { entryClass: 'com.example.My Job' }), 'job.entryClass', "'job.entryClass' is 'com.example.My Job': expected a Java class name", "expected a Java class name such as 'com.example.StreamingJob'"],
  ['a PyFlink flag as a job argument', application({}, { args: ['-py', 'job.py'] }), 'job.args', "'job.args' contains '-py', which makes Flink run the application as a PyFlink job", 'rename the argument of your Java job'],
  ['uploading local artifacts at deploy time', application({ flinkConfiguration: { 'kubernetes.artifacts.local-upload-enabled': 'true' } }), "flinkConfiguration['kubernetes.artifacts.local-upload-enabled']", "Flink's client uploads local artifacts at deploy time", 'upload the jar yourself and use JobArtifact.fromUrl()'],
  ['FKO #83 a jar path Java\'s URI parser rejects (spec.job.jarURI)', () => JobArtifact.fromImage('/opt/flink/usrlib/my job.jar'), "JobArtifact.fromImage('/opt/flink/usrlib/my job.jar')", 'expected the absolute path of a jar in the image', "e.g. '/opt/flink/usrlib/my-flink-job.jar'"],
  ['FKO #84 a jar path without scheme or leading slash (standalone jarURI without scheme)', () => JobArtifact.fromImage('usrlib/job.jar'), "JobArtifact.fromImage('usrlib/job.jar')", 'expected the absolute path of a jar in the image', 'expected the absolute path'],
  ['FKO #64 jarURI is not a valid URI (a space)', () => JobArtifact.fromUrl('s3://bucket/my job.jar'), "JobArtifact.fromUrl('s3://bucket/my job.jar')", "expected a remote URL such as 's3://bucket/job.jar'", 'expected a remote URL'],
  ['FKO #65 jarURI must include a scheme', () => JobArtifact.fromUrl('/opt/flink/usrlib/job.jar'), "JobArtifact.fromUrl('/opt/flink/usrlib/job.jar')", 'expected a remote URL', 'for a jar in the image use JobArtifact.fromImage()'],
  ['FKO #66 jarURI scheme not on the allowlist (file://)', () => JobArtifact.fromUrl('file:///opt/flink/usrlib/job.jar'), "JobArtifact.fromUrl('file:///opt/flink/usrlib/job.jar')", 'expected a remote URL', 'for a jar in the image use JobArtifact.fromImage()'],
  ['FKO #66 jarURI scheme not allowed (plain http without allowRawHttp)', application({}, { artifact: JobArtifact.fromUrl('http://repo.example.com/job.jar') }), 'job.artifact', "Flink fetches plain http:// only with 'user.artifacts.raw-http-enabled' (ArtifactFetchManager)", "use https://, or set 'job.allowRawHttp: true'"],
  ['FKO #67 jarURI must include a host for http/https', () => JobArtifact.fromUrl('https:///job.jar'), "JobArtifact.fromUrl('https:///job.jar')", "the URL has no host after 'https://'", "write it in full, e.g. 'https://repo.example.com/job.jar'"],
  ['an object-store jar URL without a bucket', () => JobArtifact.fromUrl('s3:///jobs/job.jar'), "JobArtifact.fromUrl('s3:///jobs/job.jar')", "the URL has no bucket or container after 's3://'", "write it in full, e.g. 's3://bucket/jobs/job.jar'"],
];

const STANDALONE_MODE: Bad[] = [
  ['TaskManager replicas in native mode', session({ taskManager: { replicas: 3 } }), 'taskManager.replicas', "'taskManager.replicas' cannot take effect in native mode", 'use mode: DeploymentMode.STANDALONE'],
  ['an autoscaler in native mode', session({ taskManager: { autoscaling: { maxReplicas: 3 } } }), 'taskManager.autoscaling', "'taskManager.autoscaling' cannot take effect in native mode", 'use mode: DeploymentMode.STANDALONE'],
  ['local recovery in native mode', session({ taskManager: { localRecovery: { storage: Size.gibibytes(10) } } }), 'taskManager.localRecovery', "'taskManager.localRecovery' cannot take effect in native mode", 'use mode: DeploymentMode.STANDALONE'],
  ['host networking in standalone mode', session({ ...STANDALONE, hostNetwork: true }), 'hostNetwork', "'hostNetwork' cannot take effect in standalone mode", 'remove it, or use mode: DeploymentMode.NATIVE'],
  ['owner-reference enforcement in standalone mode', session({ ...STANDALONE, ownerReferencesPermissionEnforcement: true }), 'ownerReferencesPermissionEnforcement', "'ownerReferencesPermissionEnforcement' cannot take effect in standalone mode", 'remove it, or use mode: DeploymentMode.NATIVE'],
  ['entrypoint arguments in standalone mode', session({ ...STANDALONE, jobManager: { entrypointArgs: '-Dkey=value' } }), 'jobManager.entrypointArgs', 'cannot take effect in standalone mode', "set Flink options in 'flinkConfiguration' instead"],
  ['an idle timeout in standalone mode', session({ ...STANDALONE, taskManager: { idleTimeout: Duration.minutes(5) } }), 'taskManager.idleTimeout', 'only an active resource manager releases idle TaskManagers', "size them with 'taskManager.replicas'"],
  ['a shared TaskManager resource id', session({ ...STANDALONE, flinkConfiguration: { 'taskmanager.resource-id': 'tm' } }), "flinkConfiguration['taskmanager.resource-id']", 'a shared value would make every standalone TaskManager the same one', 'remove it'],
  ['FKO #38, #90 standalone session TaskManager replicas 0', session({ ...STANDALONE, taskManager: { replicas: 0 } }), 'taskManager.replicas', "'taskManager.replicas' is 0: expected a whole number of at least 1", "set 'suspended: true'"],
  ['FKO #18 standalone application TaskManager replicas below 1', application({ ...STANDALONE, taskManager: { replicas: -1 } }), 'taskManager.replicas', "'taskManager.replicas' is -1", 'expected a whole number of at least 1'],
  ['TaskManager replicas beyond int32', session({ ...STANDALONE, taskManager: { replicas: 3e9 } }), 'taskManager.replicas', "'taskManager.replicas' is 3000000000", 'expected a whole number of at least 1 (and at most 2147483647'],
  ['FKO #89 standalone TaskManager RPC port 0', session({ ...STANDALONE, flinkConfiguration: { 'taskmanager.rpc.port': '0' } }), "flinkConfiguration['taskmanager.rpc.port']", 'a standalone cluster needs one fixed port from 1 to 65535', 'set e.g. 6122'],
  ['an autoscaler for a session cluster', session({ ...STANDALONE, taskManager: { autoscaling: { maxReplicas: 3 } } }), 'taskManager.autoscaling', "'taskManager.autoscaling' needs a job in reactive mode, which Flink runs in standalone application clusters only", 'use a FlinkApplicationCluster with job.reactiveMode'],
  ['an autoscaler without reactive mode', application({ ...STANDALONE, taskManager: { autoscaling: { maxReplicas: 3 } } }), 'taskManager.autoscaling', "'taskManager.autoscaling' needs reactive mode", "set 'job.reactiveMode: true'"],
  ['an autoscaler and fixed replicas', application({ ...STANDALONE, taskManager: { replicas: 2, autoscaling: { maxReplicas: 3 } } }, { reactiveMode: true }), 'taskManager.replicas', "'taskManager.replicas' (2) and 'taskManager.autoscaling' both set the number of TaskManagers", "remove 'taskManager.replicas' and set 'taskManager.autoscaling.minReplicas'"],
  ['an autoscaler whose maximum is below its minimum', application({ ...STANDALONE, taskManager: { autoscaling: { minReplicas: 4, maxReplicas: 2 } } }, { reactiveMode: true }), 'taskManager.autoscaling.maxReplicas', "'taskManager.autoscaling.maxReplicas' (2) is below 'taskManager.autoscaling.minReplicas' (4)", 'raise maxReplicas or lower minReplicas'],
  ['an autoscaler maximum of 0', application({ ...STANDALONE, taskManager: { autoscaling: { maxReplicas: 0 } } }, { reactiveMode: true }), 'taskManager.autoscaling.maxReplicas', "'taskManager.autoscaling.maxReplicas' is 0", 'expected a whole number of at least 1'],
  ['a fractional CPU target', application({ ...STANDALONE, taskManager: { autoscaling: { maxReplicas: 3, targetCpuUtilization: 0.8 } } }, { reactiveMode: true }), 'taskManager.autoscaling.targetCpuUtilization', "'taskManager.autoscaling.targetCpuUtilization' is 0.8: expected a whole percentage", 'e.g. 80'],
  ['reactive mode in native mode', application({ flinkConfiguration: CHECKPOINTING }, { reactiveMode: true }), 'job.reactiveMode', 'Flink runs reactive mode in standalone application clusters only', 'use mode: DeploymentMode.STANDALONE, or remove it'],
  ['reactive mode in a session cluster', session({ ...STANDALONE, flinkConfiguration: { 'scheduler-mode': 'reactive' } }), "flinkConfiguration['scheduler-mode']", 'Reactive mode is configured for an unsupported cluster type', 'run the job in a FlinkApplicationCluster with mode: DeploymentMode.STANDALONE'],
  ['reactive mode without checkpoints or restart strategy', application(STANDALONE, { reactiveMode: true }), 'job.reactiveMode', 'reactive mode will fail your job, instead of scaling it', "set 'execution.checkpointing.interval' in flinkConfiguration"],
  ['reactive mode with a parallelism', application({ ...STANDALONE, flinkConfiguration: CHECKPOINTING }, { reactiveMode: true, parallelism: 4 }), 'job.parallelism', "'job.parallelism' is 4, but reactive mode ignores the configured parallelism", "remove it, and bound the job with 'pipeline.max-parallelism'"],
  ['local recovery with a cluster id above 40 characters', session({ ...STANDALONE, clusterId: 'c'.repeat(41), taskManager: { localRecovery: { storage: Size.gibibytes(10) } } }), 'taskManager.localRecovery', 'whose pods Kubernetes cannot create above 52', 'use a cluster id of at most 40 characters'],
  ['local recovery volume of 0', session({ ...STANDALONE, taskManager: { localRecovery: { storage: Size.gibibytes(0) } } }), 'taskManager.localRecovery.storage', "'taskManager.localRecovery.storage' is 0 MiB", 'e.g. Size.gibibytes(50)'],
  ['local recovery running as root without an fsGroup', session({ ...STANDALONE, runAsNonRoot: false, taskManager: { localRecovery: { storage: Size.gibibytes(10) } } }), 'taskManager.localRecovery', 'mounts a new volume owned by root', "set the group of your image's Flink user as spec.securityContext.fsGroup"],
  ['local recovery with its local directories moved', session({ ...STANDALONE, taskManager: { localRecovery: { storage: Size.gibibytes(10) } }, flinkConfiguration: { 'execution.checkpointing.local-backup.dirs': '/tmp/local' } }), "flinkConfiguration['execution.checkpointing.local-backup.dirs']", 'which this would move or turn off', 'remove it'],
  ['additional artifacts in standalone mode', application(STANDALONE, { artifact: JobArtifact.fromUrl('s3://b/job.jar'), additionalArtifacts: [JobArtifact.fromUrl('s3://b/udf.jar')] }), 'job.additionalArtifacts', "'job.additionalArtifacts' cannot take effect in standalone mode", 'build the libraries into the job\'s jar or the image, or use mode: DeploymentMode.NATIVE'],
  ['shutting the standalone JobManager down on finish', application(STANDALONE, { shutdownOnFinish: true }), 'job.shutdownOnFinish', "'job.shutdownOnFinish' is true, but a standalone JobManager is a Deployment", 'remove it'],
  ['a -D job argument in standalone mode', application(STANDALONE, { args: ['-Dfoo=bar'] }), 'job.args[0]', 'standalone-job.sh reads every -D argument as a Flink option', 'pass it another way'],
  ['a claim mode the standalone entrypoint overwrites', application(STANDALONE, { savepoint: { path: 's3://b/sp', restoreOnEveryStart: true, claimMode: RecoveryClaimMode.CLAIM } }), 'job.savepoint.claimMode', 'the standalone entrypoint always restores in NO_CLAIM mode', 'remove it, or use mode: DeploymentMode.NATIVE'],
  ['a jar outside usrlib before 1.19 in standalone mode', application(STANDALONE, { artifact: JobArtifact.fromImage('/opt/jobs/job.jar') }, FlinkVersion.V1_18), 'job.artifact', 'the standalone entrypoint of Flink 1.18 has no \'--jars\'', 'copy the jar to /opt/flink/usrlib/ in the image'],
  ['the system classpath without an entry class in standalone mode', application(STANDALONE, { artifact: JobArtifact.systemClasspath() }), 'job.artifact', 'the standalone entrypoint would scan every jar in /opt/flink/lib', "set 'job.entryClass'"],
  ['the job jar as pipeline.jars in standalone mode', application({ ...STANDALONE, flinkConfiguration: { 'pipeline.jars': 'local:///opt/flink/usrlib/job.jar' } }), "flinkConfiguration['pipeline.jars']", 'the standalone entrypoint sets it from its own jars', "give the jar as 'job.artifact'"],
  ['Kubernetes client tuning for a standalone JobManager that never calls the API', session({ ...STANDALONE, kubernetesClient: { maxConcurrentRequests: 100 } }), 'kubernetesClient.maxConcurrentRequests', 'a standalone JobManager calls the Kubernetes API only for Kubernetes high availability', 'remove it'],
  ['ZooKeeper HA with an RPC port of its own in standalone mode', session({ ...STANDALONE, ...ZK_HA, flinkConfiguration: { 'high-availability.jobmanager.port': '6130' } }), "flinkConfiguration['high-availability.jobmanager.port']", 'its Services and liveness probe use jobmanager.rpc.port (6123)', 'set jobmanager.rpc.port instead, and remove this'],
];

const CATEGORIES: Record<string, Bad[]> = {
  'wrong types from plain JavaScript': WRONG_TYPES,
  'empty strings': EMPTY_STRINGS,
  'negative, fractional and huge numbers, sizes and ports': NUMBERS,
  'invalid names, labels and annotations (Kubernetes syntax)': NAMES_AND_LABELS,
  'unknown enum strings, versions and option keys': ENUMS_AND_KEYS,
  'conflicting options': CONFLICTS,
  'pod templates that break Flink\'s or Kubernetes\' rules': POD_TEMPLATES,
  'unsupported version and feature pairs': VERSIONS,
  'credentials in plain text': CREDENTIALS,
  'NetworkPolicy, PodMonitor, disruption budgets, Ingress, workload identity, high availability': OPERATIONS,
  'job lifecycle and job artifacts': LIFECYCLE,
  'standalone-mode misuse': STANDALONE_MODE,
};

/**
 * Words that start or carry a fix: what to do (use, set, remove …), or what is expected in place of the value. A
 * case's fix fragment must contain one as a whole word.
 */
const FIX_WORDS = [
  'use', 'set', 'remove', 'add', 'expected', 'choose', 'rename', 'give', 'write', 'turn', 'put', 'mount', 'enable', 'lower', 'raise',
  'quote', 'pin', 'copy', 'upload', 'pass', 'run', 'configure', 'size', 'declare', 'annotate', 'acknowledge', 'take', 'build', 'route',
  'fetch', 'leave', 'drop', 'read', 'keep', 'let', 'fix', 'e.g.', 'did you mean', 'create', 'Enable', 'Choose', 'Use',
];

function fixWordIn(fragment: string): boolean {
  return FIX_WORDS.some(w => new RegExp(`(^|[^A-Za-z])${w.replace(/\./g, '\\.')}($|[^A-Za-z])`).test(fragment));
}

/** The error `build` throws, or undefined. */
function thrown(build: Build): unknown {
  try {
    build();
  } catch (e) {
    return e;
  }
  return undefined;
}

const ALL_BAD = Object.values(CATEGORIES).flat();

describe.each(Object.entries(CATEGORIES))('bad input: %s', (_category, cases) => {
  test.each(cases)('%s', (_name, build, prop, message, fix) => {
    const error = thrown(build);
    expect(error).toBeDefined();
    // a plain Error: never a TypeError, RangeError or SyntaxError from deep inside
    expect((error as Error).constructor).toBe(Error);
    const text = (error as Error).message;
    expect(text).toContain(prop);
    expect(text).toContain(message);
    expect(text).toContain(fix);
    expect(fixWordIn(fix)).toBe(true);
    expect(text).not.toMatch(/\.$/);
  });
});

test(`the catalogue holds ${ALL_BAD.length} bad inputs with distinct names`, () => {
  expect(ALL_BAD.length).toBeGreaterThanOrEqual(150);
  expect(new Set(ALL_BAD.map(([name]) => name)).size).toBe(ALL_BAD.length);
});

// ---------------------------------------------------------------------------------------------------------------
// the Flink Kubernetes Operator's checks: covered above, or not applicable (one line each)
// ---------------------------------------------------------------------------------------------------------------

/** Rows of fko-validator-checks.md that do not apply to this library's props, and why. */
const FKO_NOT_APPLICABLE: Record<number, string> = {
  4: 'compares flinkVersion with the last deployed spec; at synth there is none (the job-upgrade init container refuses a LAST_STATE upgrade across versions at JobManager start)',
  8: 'rollback is an operator feature; its kubernetes.operator.* keys are refused as a whole (case "an option of the operator\'s reconciler")',
  9: 'cluster health checks are an operator feature (kubernetes.operator.* keys refused)',
  10: 'FlinkIngress has no template: host and path have defaults (every host, \'/\'), and its one required prop, cluster, is checked',
  14: 'the operator takes the savepoint itself; here the user stops the job with a savepoint (POST /jobs/<id>/stop with its targetDirectory) and commits the path, so no default savepoint directory is needed',
  15: 'savepointTriggerNonce is an operator field: nothing here triggers savepoints',
  16: 'periodic savepoints are an operator feature (kubernetes.operator.* keys refused)',
  17: 'the max-checkpoint-age upgrade is an operator feature (kubernetes.operator.* keys refused)',
  20: 'the JobManager memory is never missing: the distribution\'s 1600m default is always in the configuration',
  30: 'the TaskManager memory is never missing: the distribution\'s 1728m default is always in the configuration',
  39: 'compares with the deployed spec (session → application); at synth there is none',
  40: 'compares with the deployed spec (application → session); at synth there is none',
  41: 'compares with the deployed spec (native → standalone); at synth there is none',
  42: 'compares with the deployed spec (standalone → native); at synth there is none',
  43: 'savepointRedeployNonce is an operator field; a changed job without a new savepoint under UpgradeMode.SAVEPOINT is refused by the job-upgrade init container at start',
  44: 'a missing service account is not a mistake here: the cluster creates <clusterId>-jobmanager with least-privilege RBAC',
  45: 'the operator\'s autoscaler; job.autoscaler.* keys are refused as a whole (case "an option of the operator\'s autoscaler")',
  46: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  47: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  48: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  49: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  50: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  51: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  52: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  53: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  54: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  55: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  56: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  57: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  58: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  59: 'the operator\'s autoscaler (job.autoscaler.* refused)',
  60: 'the operator\'s autoscaler and reconcile interval (job.autoscaler.*, kubernetes.operator.* refused)',
  61: 'FlinkSessionJob.deploymentName: there is no session-job construct (jobs are submitted to a FlinkSessionCluster at runtime)',
  63: 'FlinkSessionJob.deploymentName change: no session-job construct, and no deployed state at synth',
  68: 'resolving the jar URL\'s host needs DNS at synth; the JobManager resolves it when it fetches the jar',
  69: 'the operator\'s SSRF guard for its own fetch; here the user\'s JobManager fetches with its own rights',
  70: 'FlinkSessionJob against an application cluster: no session-job construct',
  71: 'FlinkSessionJob cluster id: no session-job construct',
  72: 'rows 13–17 and 19 for FlinkSessionJob: no session-job construct',
  73: 'autoscaler rows for FlinkSessionJob: no session-job construct, no autoscaler',
  74: 'FlinkStateSnapshot: no snapshot construct (savepoints are taken through the REST API)',
  75: 'FlinkStateSnapshot: no snapshot construct',
  76: 'FlinkStateSnapshot: no snapshot construct',
  77: 'FlinkStateSnapshot: no snapshot construct',
  78: 'FlinkStateSnapshot manual checkpoints: no snapshot construct',
  79: 'operator-triggered checkpoints (checkpointTriggerNonce, periodic checkpoints): operator features',
  80: 'FlinkStateSnapshot disposal: no snapshot construct',
  81: 'the operator\'s webhook and its resource kinds',
  96: 'the operator\'s own leader election',
};

test('every row of the Flink operator\'s validator is a case above or listed as not applicable, never both', () => {
  const covered = new Set<number>();
  for (const [name] of ALL_BAD) {
    const rows = /^FKO ((?:#\d+(?:, )?)+)/.exec(name)?.[1];
    for (const row of rows?.match(/\d+/g) ?? []) covered.add(Number(row));
  }
  const rows = Array.from({ length: 96 }, (_, i) => i + 1);
  expect(rows.filter(n => covered.has(n) === (FKO_NOT_APPLICABLE[n] !== undefined))).toStrictEqual([]);
  expect([...covered].filter(n => n < 1 || n > 96)).toStrictEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// near-miss valid inputs: the boundaries, each synthesized and every object schema-validated by synth()
// ---------------------------------------------------------------------------------------------------------------

/** [name, the construction, what must hold of the validated manifests] */
type Good = [string, (c: Chart) => void, (manifests: any[]) => void];

const deploymentOf = (m: any[], name = 'c') => find(m, 'Deployment', name);

const GOOD: Good[] = [
  ['the smallest JobManager memory Flink accepts (577m)', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', jobManager: { memory: Size.mebibytes(577) } }),
    m => expect(mainContainer(deploymentOf(m)).resources.requests.memory).toBe('577Mi')],
  ['the smallest TaskManager memory Flink accepts (982m)', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', taskManager: { memory: Size.mebibytes(982) } }),
    m => expect(shippedConfig(m, 'c')['taskmanager.memory.process.size']).toBe('982m')],
  ['a cluster id of exactly 45 characters', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'a'.repeat(45) }),
    m => expect(deploymentOf(m, 'a'.repeat(45)).metadata.name).toHaveLength(45)],
  ['a one-letter cluster id', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'a' }), m => expect(find(m, 'Service', 'a-rest').spec.type).toBe('ClusterIP')],
  ['a namespace of exactly 63 characters', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', namespace: 'n'.repeat(63) }),
    m => expect(deploymentOf(m).metadata.namespace).toHaveLength(63)],
  ['the REST port 65535', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', flinkConfiguration: { 'rest.port': '65535' } }),
    m => expect(find(m, 'Service', 'c-rest').spec.ports[0].port).toBe(65535)],
  ['the Prometheus port 65535 and a one-second scrape interval', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', prometheus: { port: 65535 }, podMonitor: { interval: Duration.seconds(1) } }),
    m => expect(find(m, 'PodMonitor', 'c').spec.podMetricsEndpoints[0].interval).toBe('1s')],
  ['label values of 63 characters, an empty one and a prefixed key of 253 + 63 characters', c => new FlinkSessionCluster(c, 's', {
    version: V, clusterId: 'c', jobManager: { labels: { a: 'v'.repeat(63), b: '', [`${'p'.repeat(61)}.${'q'.repeat(63)}.${'r'.repeat(63)}.${'s'.repeat(63)}/${'n'.repeat(63)}`]: 'x' } },
  }), m => expect(deploymentOf(m).spec.template.metadata.labels.a).toHaveLength(63)],
  ['annotation values with any text (only keys are restricted)', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', jobManager: { annotations: { 'example.com/note': 'Any text, with spaces and üñíçødé!' } } }),
    m => expect(deploymentOf(m).spec.template.metadata.annotations['example.com/note']).toContain('üñíçødé')],
  ['a parallelism of exactly 32768', c => new FlinkApplicationCluster(c, 'a', { version: V, clusterId: 'c', job: { artifact: JAR, parallelism: 32768 } }),
    m => expect(shippedConfig(m, 'c')['parallelism.default']).toBe('32768')],
  ['cpu 0.001 (1m) and limit factors of exactly 1', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', jobManager: { cpu: 0.001, cpuLimitFactor: 1, memoryLimitFactor: 1 } }),
    m => expect(mainContainer(deploymentOf(m)).resources.limits.cpu).toBe('0.001')],
  ['two JobManagers, the first count standby needs, with high availability', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', ...HA, jobManager: { replicas: 2 } }),
    m => expect(deploymentOf(m).spec.replicas).toBe(2)],
  ['a toleration of every taint (Exists without key) and tolerationSeconds with NoExecute', c => new FlinkSessionCluster(c, 's', {
    version: V, clusterId: 'c', jobManager: { tolerations: [{ operator: 'Exists' }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }] },
  }), m => expect(deploymentOf(m).spec.template.spec.tolerations).toHaveLength(2)],
  ['a template resource request equal to its limit, and a GPU with its domain', c => new FlinkSessionCluster(c, 's', {
    version: V, clusterId: 'c', podTemplate: new PodTemplate(c, 't', { mainContainer: { resources: { requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '1024Mi', 'nvidia.com/gpu': '1' } } } }),
  }), m => expect(mainContainer(deploymentOf(m)).resources.limits['nvidia.com/gpu']).toBe('1')],
  ['an image with a registry port and a full digest', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', image: `registry.example.com:5000/team/flink:1.20.4@sha256:${'a'.repeat(64)}` }),
    m => expect(mainContainer(deploymentOf(m)).image).toContain('@sha256:')],
  ['standalone local recovery with a 40-character cluster id (a 52-character StatefulSet)', c => new FlinkSessionCluster(c, 's', {
    version: V, clusterId: 'l'.repeat(40), ...STANDALONE, taskManager: { replicas: 2, localRecovery: { storage: Size.mebibytes(1), storageClassName: 'fast.ssd' } },
  }), m => expect(find(m, 'StatefulSet', `${'l'.repeat(40)}-taskmanager`).metadata.name).toHaveLength(52)],
  ['an autoscaler with its minimum equal to its maximum', c => new FlinkApplicationCluster(c, 'a', {
    version: V, clusterId: 'c', ...STANDALONE, flinkConfiguration: CHECKPOINTING, taskManager: { autoscaling: { minReplicas: 3, maxReplicas: 3 } }, job: { artifact: JAR, reactiveMode: true },
  }), m => expect(find(m, 'HorizontalPodAutoscaler', 'c-taskmanager').spec.maxReplicas).toBe(3)],
  ['a disruption budget of replicas − 1', c => new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', ...STANDALONE, taskManager: { replicas: 3, disruptionBudget: { maxUnavailable: 2 } } }),
    m => expect(find(m, 'PodDisruptionBudget', 'c-taskmanager').spec.maxUnavailable).toBe(2)],
  ['a wildcard Ingress host and an IPv6 source range', c => {
    const cluster = new FlinkSessionCluster(c, 's', { version: V, clusterId: 'c', restService: { exposedType: RestServiceExposedType.LOAD_BALANCER, loadBalancerSourceRanges: ['2001:db8::/32'] } });
    new FlinkIngress(c, 'ui', { cluster, host: '*.example.com', className: 'nginx' });
  }, m => expect(find(m, 'Ingress', 'c').spec.rules[0].host).toBe('*.example.com')],
  ['the oldest release, FlinkVersion.of(\'1.16.0\'), with its default image', c => new FlinkSessionCluster(c, 's', { version: FlinkVersion.of('1.16.0'), clusterId: 'c' }),
    m => expect(mainContainer(deploymentOf(m)).image).toBe('apache/flink:1.16.0-scala_2.12')],
  ['LAST_STATE with the checkpoint directory of 1.19 (state.checkpoints.dir)', c => new FlinkApplicationCluster(c, 'a', {
    version: FlinkVersion.V1_19, clusterId: 'c', ...HA, flinkConfiguration: checkpointDirectory(FlinkVersion.V1_19), job: { artifact: JAR, upgradeMode: UpgradeMode.LAST_STATE },
  }), m => expect(shippedConfig(m, 'c')['state.checkpoints.dir']).toBe('s3://flink/checkpoints')],
  ['a job argument with # on 2.x, whose config.yaml carries it', c => new FlinkApplicationCluster(c, 'a', { version: FlinkVersion.V2_1, clusterId: 'c', job: { artifact: JAR, args: ['--tag', '#blue'] } }),
    m => expect(shippedConfig(m, 'c')['$internal.application.program-args']).toContain('#blue')],
];

describe('near-miss valid inputs synthesize objects the Kubernetes schemas accept', () => {
  test.each(GOOD)('%s', (_name, build, check) => {
    const c = chart();
    build(c);
    // synth() validates every object against the Kubernetes (and Prometheus operator, Traefik) schemas
    check(synth(c));
  });
});
