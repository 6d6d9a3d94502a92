import { parseMap } from './encoding';
import { MASTER_ENV_PREFIX, Options, TASKMANAGER_ENV_PREFIX } from './options';
import type { Json } from './pod';
import { quotePath } from './prop-types';
import type { ClusterProps } from './resolve';

/**
 * Credentials never land in the synthesized manifests by accident. Flink's configuration is shipped in plain
 * text in ConfigMap `flink-config-<clusterId>` (native and standalone), pod templates in `pod-template-<clusterId>`,
 * environment variables and program arguments also in the pod specs: readable by anyone who may read ConfigMaps or pods in the namespace, and by
 * everyone who reads the manifests in Git. A prop that carries a credential is an error naming the Secret-backed
 * way instead, unless the cluster sets `allowCredentialsInConfigMap: true`.
 *
 * The rules match names, never values (values are never printed either), case-insensitively and conservatively:
 * a key must end in the credential's name, so paths and switches next to it (`security.ssl.rest.keystore`,
 * `s3.entropy.key`, `presto.s3.use-instance-credentials`, `security.kerberos.login.keytab` — a keytab is a file,
 * mounted with `secrets`) pass. Flink itself hides the values of keys containing `password`, `secret`,
 * `fs.azure.account.key` and `apikey` in its logs (`GlobalConfiguration.isSensitive`).
 */

/** A kind of credential, and the way to keep it in a Secret. */
export interface CredentialRule {
  /** what the credential is, for the message: "an S3 access key" */
  readonly what: string;
  /** matched against the name (option key, variable name, argument, header), case-insensitively */
  readonly pattern: RegExp;
  /** the Secret-backed alternative */
  readonly instead: string;
}

const SECRET_ENV_OR_FILE = 'keep it in a Secret and give it to the pods with \'secretEnv\' (an environment variable) or \'secrets\' (a file)';

/**
 * Flink options: `flinkConfiguration` keys and the `-D` options of entrypoint arguments, most specific first.
 * The file systems read their options under Flink's prefixes (`S3FileSystemFactory`: `s3.`, `s3a.`, `fs.s3a.`
 * for flink-s3-fs-hadoop, `s3.`, `presto.s3.` for flink-s3-fs-presto; `GSFileSystemFactory`: `gs.`, `fs.gs.`;
 * `OSSFileSystemFactory`: `fs.oss.`; the Azure file system: `fs.azure.`), and Hadoop's own file systems under
 * `flink.hadoop.`.
 */
export const CREDENTIAL_OPTIONS: readonly CredentialRule[] = [
  {
    what: 'an S3 access key',
    pattern: /^(flink\.hadoop\.)?(s3|s3a|fs\.s3a|presto\.s3)\.(bucket\.[^.]+\.)?(access[.-]key|secret[.-]key|session[.-]token)$/i,
    instead: 'give AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with \'secretEnv\', which both S3 file systems read by themselves (flink-s3-fs-hadoop through S3A\'s EnvironmentVariableCredentialsProvider, flink-s3-fs-presto through the AWS default credential chain); or, better, an IAM role for the service account (IRSA), which flink-s3-fs-presto picks up by itself and flink-s3-fs-hadoop with \'fs.s3a.aws.credentials.provider\' set to the AWS SDK\'s web identity provider',
  },
  {
    what: 'an access key of a delegation token provider',
    pattern: /^security\.delegation\.token\.provider\.[^.]+\.(access[.-]key|secret[.-]key)$/i,
    instead: 'let each pod authenticate itself instead of distributing delegation tokens: an IAM role for the service account (IRSA), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with \'secretEnv\'',
  },
  {
    what: 'an Azure storage credential',
    pattern: /^(flink\.hadoop\.)?fs\.azure\.(account\.key\..+|sas\.(?!token\.provider\.type$).+|account\.oauth2\.client\.secret(\..+)?)$/i,
    instead: 'for wasb(s):// set \'fs.azure.account.keyprovider.<account>.blob.core.windows.net\' to \'org.apache.flink.fs.azurefs.EnvironmentVariableKeyProvider\' and give AZURE_STORAGE_KEY with \'secretEnv\', which it reads; for abfs(s):// use a managed identity (\'fs.azure.account.auth.type: OAuth\' with \'fs.azure.account.oauth.provider.type: org.apache.hadoop.fs.azurebfs.oauth2.MsiTokenProvider\')',
  },
  {
    what: 'a Google Cloud credential',
    pattern: /^(flink\.hadoop\.)?(fs\.gs|gs|google\.cloud)\.auth\.(service\.account\.private\.key|client\.secret|refresh\.token)$/i,
    instead: 'mount the service account\'s JSON key with \'secrets\' and point GOOGLE_APPLICATION_CREDENTIALS at the file (jobManager.env and taskManager.env), which flink-gs-fs-hadoop reads by itself; or, better, GKE Workload Identity',
  },
  {
    what: 'an Aliyun OSS access key',
    pattern: /^(flink\.hadoop\.)?fs\.oss\.(accessKeyId|accessKeySecret|securityToken)$/i,
    instead: 'set \'fs.oss.credentials.provider\' to \'com.aliyun.oss.common.auth.EnvironmentVariableCredentialsProvider\' and give OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET with \'secretEnv\'',
  },
  {
    what: 'an SSL keystore or truststore password',
    pattern: /^security\.ssl\.((internal|rest)\.)?(keystore|truststore|key)-password$/i,
    instead: 'mount the keystore and truststore with \'secrets\'; Flink reads their passwords from its configuration only (SecurityOptions), so if they must be set, accept them in the ConfigMap knowingly and keep read access to ConfigMaps in the namespace to those who may see them',
  },
  {
    what: 'a credential of a metric, trace or event reporter',
    pattern: /^(metrics|traces|events)\.reporter\.[^.]+\..*(password|passwd|secret|token|api[-_]?key)$/i,
    instead: 'expose the metrics without a credential and let an agent holding its own Secret collect them, e.g. the Prometheus reporter (\'metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory\') scraped by Prometheus, the Datadog agent or Telegraf',
  },
  {
    what: 'a JAAS configuration (SASL credentials)',
    pattern: /(^|\.)sasl\.jaas\.config$/i,
    instead: `${SECRET_ENV_OR_FILE}, and read it in the job`,
  },
  {
    what: 'a credential',
    pattern: /(password|passwd|secret|token|api[-_]?key|private[-_.]key)$/i,
    instead: SECRET_ENV_OR_FILE,
  },
];

/** Environment variables (`jobManager.env`, `containerized.*.env.*`): the ones that hold a credential by name. */
export const CREDENTIAL_ENV: CredentialRule = {
  what: 'a credential',
  // GOOGLE_APPLICATION_CREDENTIALS is the path of a key file, not the key
  pattern: /^(?!GOOGLE_APPLICATION_CREDENTIALS$).*(^|_)(PASSWORD|PASSWD|SECRET|SECRET_KEY|TOKEN|API_?KEY|ACCESS_KEY(_ID)?|ACCOUNT_KEY|STORAGE_KEY|PRIVATE_KEY|CREDENTIALS)$/i,
  instead: 'give the variable with \'secretEnv\', from a Secret (kubernetes.env.secretKeyRef)',
};

/** Environment variables with a literal value in a pod template, shipped in ConfigMap `pod-template-<clusterId>` and the pod specs. */
export const CREDENTIAL_TEMPLATE_ENV: CredentialRule = {
  what: 'a credential',
  pattern: CREDENTIAL_ENV.pattern,
  instead: 'take it from a Secret with \'valueFrom: { secretKeyRef: … }\' (for Flink\'s own container also \'secretEnv\')',
};

/** JVM system properties (`-D` in `env.java.opts*`), which are on the process's command line. */
export const CREDENTIAL_JVM_PROPERTY: CredentialRule = {
  what: 'a credential',
  pattern: /(password|passwd|secret|token|api[-_.]?key)$/i,
  instead: 'read the credential in your code from an environment variable set with \'secretEnv\', or from a file mounted with \'secrets\' (JVM options are on the command line of the process, visible to ps and in Flink\'s start-up log)',
};

/** Program arguments (`job.args`) by their option name: `--password=…`, `--db.password …`, `token=…`. */
export const CREDENTIAL_ARGUMENT: CredentialRule = {
  what: 'a credential',
  pattern: /^-{0,2}[\w.-]*(password|passwd|secret|token|api[-_.]?key|secret[-_.]?key|access[-_.]?key)$/i,
  instead: 'read it in main() from an environment variable set with \'secretEnv\', or from a file mounted with \'secrets\'',
};

const FETCH_WITHOUT_CREDENTIAL = 'fetch the jar without a credential in the manifests: from object storage with workload identity (e.g. s3:// with IRSA), or build it into the image and use JobArtifact.fromImage()';

/** HTTP headers for fetching artifacts (`job.artifactHttpHeaders`, `user.artifacts.http-headers`). */
export const CREDENTIAL_HEADER: CredentialRule = {
  what: 'a credential',
  pattern: /^(proxy-)?authorization$|^cookie$|(token|secret|api[-_]?key|password)$/i,
  instead: FETCH_WITHOUT_CREDENTIAL,
};

/** URLs with a password (`s3://key:secret@bucket`) or a signature (pre-signed S3 and GCS URLs, Azure SAS URLs). */
export const CREDENTIAL_URL: CredentialRule = {
  what: 'a URL with a password or a signature',
  pattern: /[a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]+:[^/?#@\s]+@|[?&](x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|sig)=/i,
  instead: `${FETCH_WITHOUT_CREDENTIAL}; reach other stores with workload identity or the file system's variables from 'secretEnv'`,
};

const ENV_PREFIXES = [MASTER_ENV_PREFIX, TASKMANAGER_ENV_PREFIX];
const JVM_OPTIONS = /^env\.java\.(default-)?opts(\..+)?$/i;
const ENTRYPOINT_ARGS = /^kubernetes\.(jobmanager|taskmanager)\.entrypoint\.args$/i;

/** Fails if any prop of the cluster carries a credential that would be written into the manifests. */
export function checkCredentials(props: ClusterProps): void {
  if (props.allowCredentialsInConfigMap === true) return;
  for (const [key, value] of Object.entries(props.flinkConfiguration ?? {})) {
    checkOption(`flinkConfiguration['${key}']`, key, value);
  }
  for (const component of ['jobManager', 'taskManager'] as const) {
    const options = props[component];
    for (const name of Object.keys(options?.env ?? {})) check(`${component}.env['${name}']`, name, CREDENTIAL_ENV);
    if (options?.entrypointArgs !== undefined) checkDynamicProperties(`${component}.entrypointArgs`, options.entrypointArgs);
  }
  const job = props.job;
  if (job !== undefined) {
    checkArguments('job.args', job.args ?? []);
    for (const name of Object.keys(job.artifactHttpHeaders ?? {})) check(`job.artifactHttpHeaders['${name}']`, name, CREDENTIAL_HEADER);
    checkUrl('job.artifact', job.artifact.uri);
    (job.additionalArtifacts ?? []).forEach((a, i) => checkUrl(`job.additionalArtifacts[${i}]`, a.uri));
    checkUrl('job.savepoint.path', job.savepoint?.path);
  }
  checkUrl('highAvailability.storageDir', props.highAvailability?.storageDir);
  for (const template of [props.podTemplate, props.jobManager?.podTemplate, props.taskManager?.podTemplate]) {
    if (template !== undefined) checkTemplate(template._source.where, template._source.json);
  }
}

/** A template's containers' literal environment values (`valueFrom` refers to a Secret or ConfigMap and is fine). */
function checkTemplate(where: string, pod: Json): void {
  for (const field of ['initContainers', 'containers']) {
    const containers: unknown = pod.spec?.[field];
    for (const container of Array.isArray(containers) ? containers : []) {
      const env: unknown = container?.env;
      for (const e of Array.isArray(env) ? env : []) {
        if (typeof e?.name === 'string' && e.value !== undefined) check(`${where} (spec.${field}[${container.name}].env ${e.name})`, e.name, CREDENTIAL_TEMPLATE_ENV);
      }
    }
  }
}

/** The credential a Flink option holds by its key, if any: an environment variable's by its name, else the first rule that matches. */
export function optionCredential(key: string): CredentialRule | undefined {
  const env = ENV_PREFIXES.find(p => key.startsWith(p));
  if (env !== undefined) return CREDENTIAL_ENV.pattern.test(key.substring(env.length)) ? CREDENTIAL_ENV : undefined;
  return CREDENTIAL_OPTIONS.find(r => r.pattern.test(key));
}

function checkOption(prop: string, key: string, value: string): void {
  const rule = optionCredential(key);
  if (rule !== undefined) fail(prop, rule);
  if (JVM_OPTIONS.test(key)) {
    for (const [name] of systemProperties(value)) check(`${prop} (-D${name})`, name, CREDENTIAL_JVM_PROPERTY);
  }
  if (ENTRYPOINT_ARGS.test(key)) checkDynamicProperties(prop, value);
  if (key === Options.USER_ARTIFACTS_HTTP_HEADERS.key) {
    for (const name of headerNames(value)) check(`${prop} (${name})`, name, CREDENTIAL_HEADER);
  }
  checkUrl(prop, value);
}

/**
 * The header names of `user.artifacts.http-headers` as Flink reads the map (`Name:value,…`, quoted, or YAML on
 * 2.x); a value that is no map is judged by the names as written.
 */
function headerNames(value: string): string[] {
  try {
    return Object.keys(parseMap(value, true));
  } catch {
    return value.split(',').map(item => item.split(':')[0].trim().replace(/^['"]|['"]$/g, ''));
  }
}

/** `-Dkey=value` and `-D key=value`, as Flink's and the JVM's command lines read them. */
function systemProperties(args: string): Array<[string, string]> {
  return [...args.matchAll(/(?:^|\s)-D\s*([^=\s]+)=(\S*)/g)].map(m => [m[1], m[2]]);
}

/** Entrypoint arguments are Flink dynamic properties: the same rules as `flinkConfiguration`. */
function checkDynamicProperties(prop: string, args: string): void {
  for (const [key, value] of systemProperties(args)) checkOption(`${quotePath(prop)} (-D${key})`, key, value);
}

/** Options of the program's own command line: `--name=value`, `name=value`, or `--name` followed by the value. */
function checkArguments(prop: string, args: readonly string[]): void {
  args.forEach((arg, i) => {
    const name = arg.includes('=') ? arg.substring(0, arg.indexOf('=')) : arg;
    if (arg.includes('=') || arg.startsWith('-')) check(`${prop}[${i}]`, name, CREDENTIAL_ARGUMENT);
  });
}

function checkUrl(prop: string, value: string | undefined): void {
  if (value !== undefined) check(prop, value, CREDENTIAL_URL);
}

function check(prop: string, name: string, rule: CredentialRule): void {
  if (rule.pattern.test(name)) fail(prop, rule);
}

function fail(prop: string, rule: CredentialRule): never {
  throw new Error(`${quotePath(prop)} holds ${rule.what}, which would be written in plain text into the manifests (ConfigMap flink-config-<clusterId>, pod specs), readable by anyone who can read them; instead, ${rule.instead}; or set 'allowCredentialsInConfigMap: true' to accept that`);
}
