import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as kplus from 'cdk8s-plus-28';
import { chart, shippedConfig, synth } from './util';
import {
  FlinkApplicationCluster, FlinkApplicationClusterProps, FlinkJobOptions, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion,
  FlinkPlugin, HighAvailability, JobArtifact, PodTemplate, UpgradeMode,
} from '../src';
import { CREDENTIAL_ENV, optionCredential } from '../src/private/credentials';

/**
 * Credentials never land in the manifests by accident (src/private/credentials.ts): each family of
 * credential-carrying props is an error naming the Secret-backed way, unless allowCredentialsInConfigMap.
 */

const JAR = JobArtifact.fromImage('/opt/flink/usrlib/job.jar');
const session = (props: Partial<FlinkSessionClusterProps>) => () =>
  new FlinkSessionCluster(chart(), 'session', { version: FlinkVersion.V1_20, clusterId: 'c', ...props });
const application = (job: Partial<FlinkJobOptions>, props: Partial<FlinkApplicationClusterProps> = {}) => () =>
  new FlinkApplicationCluster(chart(), 'app', { version: FlinkVersion.V1_20, clusterId: 'a', ...props, job: { artifact: JAR, ...job } });

/** [flinkConfiguration key, what the message calls it, a piece of the alternative it names] */
const OPTION_FAMILIES: Array<[string, string, string]> = [
  // flink-s3-fs-hadoop (S3FileSystemFactory: s3., s3a., fs.s3a.; access-key/secret-key mirrored to access.key/secret.key)
  ['s3.access-key', 'an S3 access key', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with \'secretEnv\''],
  ['s3.secret-key', 'an S3 access key', 'S3A\'s EnvironmentVariableCredentialsProvider'],
  ['S3.Secret-Key', 'an S3 access key', 'IRSA'],
  ['s3a.secret-key', 'an S3 access key', 'AWS_SECRET_ACCESS_KEY'],
  ['fs.s3a.access.key', 'an S3 access key', 'AWS_ACCESS_KEY_ID'],
  ['fs.s3a.secret.key', 'an S3 access key', 'AWS_SECRET_ACCESS_KEY'],
  ['fs.s3a.session.token', 'an S3 access key', 'AWS_SECRET_ACCESS_KEY'],
  ['fs.s3a.bucket.logs.secret.key', 'an S3 access key', 'AWS_SECRET_ACCESS_KEY'],
  ['flink.hadoop.fs.s3a.secret.key', 'an S3 access key', 'AWS_SECRET_ACCESS_KEY'],
  // flink-s3-fs-presto (s3., presto.s3.)
  ['presto.s3.access-key', 'an S3 access key', 'the AWS default credential chain'],
  ['presto.s3.secret.key', 'an S3 access key', 'flink-s3-fs-presto picks up by itself'],
  ['security.delegation.token.provider.s3-hadoop.secret-key', 'an access key of a delegation token provider', 'IRSA'],
  // flink-azure-fs-hadoop (fs.azure.)
  ['fs.azure.account.key.acct.blob.core.windows.net', 'an Azure storage credential', 'org.apache.flink.fs.azurefs.EnvironmentVariableKeyProvider\' and give AZURE_STORAGE_KEY'],
  ['fs.azure.account.key.acct.dfs.core.windows.net', 'an Azure storage credential', 'MsiTokenProvider'],
  ['fs.azure.sas.logs.acct.blob.core.windows.net', 'an Azure storage credential', 'AZURE_STORAGE_KEY'],
  ['fs.azure.sas.fixed.token', 'an Azure storage credential', 'managed identity'],
  ['fs.azure.account.oauth2.client.secret', 'an Azure storage credential', 'managed identity'],
  ['fs.azure.account.oauth2.client.secret.acct.dfs.core.windows.net', 'an Azure storage credential', 'managed identity'],
  // flink-gs-fs-hadoop (gs., fs.gs.)
  ['gs.auth.service.account.private.key', 'a Google Cloud credential', 'GOOGLE_APPLICATION_CREDENTIALS'],
  ['fs.gs.auth.client.secret', 'a Google Cloud credential', 'GKE Workload Identity'],
  ['gs.auth.refresh.token', 'a Google Cloud credential', 'GOOGLE_APPLICATION_CREDENTIALS'],
  // flink-oss-fs-hadoop (fs.oss.)
  ['fs.oss.accessKeyId', 'an Aliyun OSS access key', 'EnvironmentVariableCredentialsProvider\' and give OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET'],
  ['fs.oss.accessKeySecret', 'an Aliyun OSS access key', 'OSS_ACCESS_KEY_SECRET'],
  ['fs.oss.securityToken', 'an Aliyun OSS access key', 'OSS_ACCESS_KEY_SECRET'],
  // SecurityOptions
  ...['', 'internal.', 'rest.'].flatMap(scope => ['keystore', 'truststore', 'key'].map(store =>
    [`security.ssl.${scope}${store}-password`, 'an SSL keystore or truststore password', 'mount the keystore and truststore with \'secrets\''] as [string, string, string])),
  // metric reporters (InfluxDB, Datadog …)
  ['metrics.reporter.influxdb.password', 'a credential of a metric, trace or event reporter', 'the Prometheus reporter'],
  ['metrics.reporter.dghttp.apikey', 'a credential of a metric, trace or event reporter', 'the Datadog agent'],
  ['traces.reporter.otel.exporter.token', 'a credential of a metric, trace or event reporter', 'Prometheus'],
  // SASL (Kafka)
  ['properties.sasl.jaas.config', 'a JAAS configuration (SASL credentials)', 'and read it in the job'],
  ['kafka.sasl.jaas.config', 'a JAAS configuration (SASL credentials)', '\'secrets\' (a file)'],
  // any other option named as a credential
  ['my.db.password', 'a credential', 'keep it in a Secret'],
  ['lookup.service.api-key', 'a credential', 'keep it in a Secret'],
  ['webhook.secret', 'a credential', 'keep it in a Secret'],
  ['connector.token', 'a credential', 'keep it in a Secret'],
];

/** Typed props and values that carry a credential: [label, how to build the cluster with it, the prop the message names] */
const PROP_CASES: Array<[string, (allow: boolean) => () => unknown, string]> = [
  ...OPTION_FAMILIES.map(([key]) => [`flinkConfiguration['${key}']`, (allow: boolean) =>
    session({ flinkConfiguration: { [key]: 'x' }, allowCredentialsInConfigMap: allow }), `flinkConfiguration['${key}']`] as [string, (allow: boolean) => () => unknown, string]),
  ...['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', 'AZURE_STORAGE_KEY', 'AZURE_CLIENT_SECRET', 'OSS_ACCESS_KEY_SECRET', 'DB_PASSWORD', 'GITHUB_TOKEN', 'DATADOG_API_KEY', 'SERVICE_PRIVATE_KEY', 'db_passwd']
    .map(name => [`jobManager.env['${name}']`, (allow: boolean) => session({ jobManager: { env: { [name]: 'x' } }, allowCredentialsInConfigMap: allow }), `jobManager.env['${name}']`] as [string, (allow: boolean) => () => unknown, string]),
  ['taskManager.env', allow => session({ taskManager: { env: { KAFKA_PASSWORD: 'x' } }, allowCredentialsInConfigMap: allow }), 'taskManager.env[\'KAFKA_PASSWORD\']'],
  ['containerized.master.env.*', allow => session({ flinkConfiguration: { 'containerized.master.env.DB_PASSWORD': 'x' }, allowCredentialsInConfigMap: allow }), 'flinkConfiguration[\'containerized.master.env.DB_PASSWORD\']'],
  ['containerized.taskmanager.env.*', allow => session({ flinkConfiguration: { 'containerized.taskmanager.env.API_TOKEN': 'x' }, allowCredentialsInConfigMap: allow }), 'flinkConfiguration[\'containerized.taskmanager.env.API_TOKEN\']'],
  ['JVM options', allow => session({ flinkConfiguration: { 'env.java.opts.all': '-Xss1m -Djavax.net.ssl.trustStorePassword=changeit' }, allowCredentialsInConfigMap: allow }),
    'flinkConfiguration[\'env.java.opts.all\'] (-Djavax.net.ssl.trustStorePassword)'],
  ['JobManager JVM options', allow => session({ flinkConfiguration: { 'env.java.opts.jobmanager': '-D db.password=x' }, allowCredentialsInConfigMap: allow }),
    'flinkConfiguration[\'env.java.opts.jobmanager\'] (-Ddb.password)'],
  ['jobManager.entrypointArgs', allow => session({ jobManager: { entrypointArgs: '-Dparallelism.default=2 -Ds3.secret-key=x' }, allowCredentialsInConfigMap: allow }), '\'jobManager.entrypointArgs\' (-Ds3.secret-key)'],
  ['taskManager.entrypointArgs', allow => session({ taskManager: { entrypointArgs: '-Dmetrics.reporter.influxdb.password=x' }, allowCredentialsInConfigMap: allow }), '\'taskManager.entrypointArgs\' (-Dmetrics.reporter.influxdb.password)'],
  ['kubernetes.taskmanager.entrypoint.args', allow => session({ flinkConfiguration: { 'kubernetes.taskmanager.entrypoint.args': '-Dfs.azure.account.key.a.blob.core.windows.net=x' }, allowCredentialsInConfigMap: allow }),
    'flinkConfiguration[\'kubernetes.taskmanager.entrypoint.args\'] (-Dfs.azure.account.key.a.blob.core.windows.net)'],
  ['job.args --password value', allow => application({ args: ['--input', 's3://b/in', '--password', 'x'] }, { allowCredentialsInConfigMap: allow }), '\'job.args[2]\''],
  ['job.args --db.password=value', allow => application({ args: ['--db.password=x'] }, { allowCredentialsInConfigMap: allow }), '\'job.args[0]\''],
  ['job.args token=value', allow => application({ args: ['token=abc'] }, { allowCredentialsInConfigMap: allow }), '\'job.args[0]\''],
  ['job.args --api-key', allow => application({ args: ['--api-key', 'k'] }, { allowCredentialsInConfigMap: allow }), '\'job.args[0]\''],
  ...['Authorization', 'proxy-authorization', 'Cookie', 'X-Api-Key', 'X-Auth-Token', 'Private-Token'].map(header => [`job.artifactHttpHeaders['${header}']`, (allow: boolean) =>
    application({ artifact: JobArtifact.fromUrl('https://repo/job.jar'), artifactHttpHeaders: { [header]: 'x' } }, { allowCredentialsInConfigMap: allow }),
  `job.artifactHttpHeaders['${header}']`] as [string, (allow: boolean) => () => unknown, string]),
  ['user.artifacts.http-headers', allow => application({ artifact: JobArtifact.fromUrl('https://repo/job.jar') },
    { flinkConfiguration: { 'user.artifacts.http-headers': 'Accept:application/java-archive,Authorization:Bearer x' }, allowCredentialsInConfigMap: allow }),
  'flinkConfiguration[\'user.artifacts.http-headers\'] (Authorization)'],
  // as Flink's map reader reads it (ConfigurationUtils.convertToProperties): quoted names, and the YAML map of 2.x
  ['user.artifacts.http-headers, a quoted name', allow => application({ artifact: JobArtifact.fromUrl('https://repo/job.jar') },
    { flinkConfiguration: { 'user.artifacts.http-headers': '\'Authorization\':\'Bearer x\'' }, allowCredentialsInConfigMap: allow }),
  'flinkConfiguration[\'user.artifacts.http-headers\'] (Authorization)'],
  ['user.artifacts.http-headers, a YAML map (2.x)', allow => application({ artifact: JobArtifact.fromUrl('https://repo/job.jar') },
    { version: FlinkVersion.V2_1, flinkConfiguration: { 'user.artifacts.http-headers': '{"Accept": "application/java-archive", "Authorization": "Bearer x"}' }, allowCredentialsInConfigMap: allow }),
  'flinkConfiguration[\'user.artifacts.http-headers\'] (Authorization)'],
  ['a jar URL with a password', allow => application({ artifact: JobArtifact.fromUrl('https://ci:hunter2@repo.example.com/job.jar') }, { allowCredentialsInConfigMap: allow }), '\'job.artifact\''],
  ['a pre-signed S3 URL', allow => application({ artifact: JobArtifact.fromUrl('https://b.s3.amazonaws.com/job.jar?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc') },
    { allowCredentialsInConfigMap: allow }), '\'job.artifact\''],
  ['a pre-signed GCS URL', allow => application({ artifact: JobArtifact.fromUrl('s3://b/job.jar'), additionalArtifacts: [JobArtifact.fromUrl('https://storage.googleapis.com/b/udf.jar?X-Goog-Signature=abc')] },
    { allowCredentialsInConfigMap: allow }), '\'job.additionalArtifacts[0]\''],
  ['an Azure SAS URL', allow => application({ artifact: JobArtifact.fromUrl('https://acct.blob.core.windows.net/c/job.jar?sv=2022-11-02&sig=abc') }, { allowCredentialsInConfigMap: allow }), '\'job.artifact\''],
  ['a savepoint URL with a password', allow => application({ savepoint: { path: 's3://AKIA:secret@bucket/savepoints/sp-1', restoreOnEveryStart: true } }, { allowCredentialsInConfigMap: allow }), '\'job.savepoint.path\''],
  ['an HA storage URL with a password', allow => session({ highAvailability: HighAvailability.kubernetes({ storageDir: 's3://AKIA:secret@bucket/ha' }), plugins: [FlinkPlugin.S3_PRESTO], allowCredentialsInConfigMap: allow }),
    '\'highAvailability.storageDir\''],
  ['a pod template\'s sidecar env value', allow => () => {
    const c = chart();
    const podTemplate = new PodTemplate(c, 'tpl', { sidecars: [{ name: 'proxy', image: 'envoy', env: [{ name: 'UPSTREAM_TOKEN', value: 'x' }] }] });
    return new FlinkSessionCluster(c, 's', { version: FlinkVersion.V1_20, clusterId: 'c', podTemplate, allowCredentialsInConfigMap: allow });
  }, 'PodTemplate \'test/tpl\' (spec.containers[proxy].env UPSTREAM_TOKEN)'],
  ['a TaskManager template file\'s main container env value', allow => () => {
    const c = chart();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'creds-')), 'tm.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: flink-main-container\n      env:\n        - name: DB_PASSWORD\n          value: x\n');
    return new FlinkSessionCluster(c, 's', { version: FlinkVersion.V1_20, clusterId: 'c', taskManager: { podTemplate: PodTemplate.fromFile(c, 'tm', file) }, allowCredentialsInConfigMap: allow });
  }, '(spec.containers[flink-main-container].env DB_PASSWORD)'],
  ['an option value with a password', allow => session({ flinkConfiguration: { 'execution.checkpointing.dir': 's3://AKIA:secret@bucket/cp' }, plugins: [FlinkPlugin.S3_PRESTO], allowCredentialsInConfigMap: allow }),
    'flinkConfiguration[\'execution.checkpointing.dir\']'],
];

describe('a prop that carries a credential is an error naming the Secret-backed way', () => {
  test.each(OPTION_FAMILIES)('flinkConfiguration[%j] holds %s; instead: …%s…', (key, what, instead) => {
    const build = session({ flinkConfiguration: { [key]: 'x' } });
    expect(build).toThrow(`flinkConfiguration['${key}'] holds ${what}, which would be written in plain text into the manifests (ConfigMap flink-config-<clusterId>, pod specs)`);
    expect(build).toThrow(instead);
    expect(build).toThrow('; or set \'allowCredentialsInConfigMap: true\' to accept that');
  });

  test.each(PROP_CASES)('%s', (_label, build, prop) => {
    expect(build(false)).toThrow(`${prop} holds `);
  });

  test('the message never shows the value', () => {
    let message = '';
    try {
      session({ flinkConfiguration: { 's3.secret-key': 'wJalrXUtnFEMI' } })();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('holds an S3 access key');
    expect(message).not.toContain('wJalrXUtnFEMI');
  });

  test('the alternative for an environment variable is secretEnv', () => {
    expect(session({ jobManager: { env: { DB_PASSWORD: 'x' } } })).toThrow('instead, give the variable with \'secretEnv\', from a Secret (kubernetes.env.secretKeyRef)');
  });

  test('the other checks come first: a credential is the last gate', () => {
    expect(session({ flinkConfiguration: { 'my.password': 'abc#def' } })).toThrow('the value contains \'#\'');
  });
});

describe('allowCredentialsInConfigMap accepts them, in plain text where the user put them', () => {
  test.each(PROP_CASES)('%s', (_label, build) => {
    expect(build(true)).not.toThrow();
  });

  test('the option is shipped as given', () => {
    const c = chart();
    new FlinkSessionCluster(c, 's', { version: FlinkVersion.V1_20, clusterId: 'c', flinkConfiguration: { 's3.secret-key': 'x' }, allowCredentialsInConfigMap: true });
    expect(shippedConfig(synth(c), 'c')['s3.secret-key']).toBe('x');
  });
});

describe('no false positives', () => {
  /** Options next to credentials that are paths, names, switches or classes (~40). */
  const NOT_SECRET = [
    'security.ssl.rest.keystore', 'security.ssl.internal.keystore', 'security.ssl.internal.truststore', 'security.ssl.rest.truststore',
    'security.ssl.rest.enabled', 'security.ssl.internal.cert.fingerprint', 'security.ssl.keystore-password-file', 'security.ssl.protocol',
    'security.kerberos.login.keytab', 'security.kerberos.login.principal', 'security.kerberos.login.use-ticket-cache', 'security.kerberos.login.contexts',
    'security.delegation.tokens.enabled', 'security.delegation.token.provider.hadoopfs.renewer',
    's3.entropy.key', 's3.endpoint', 's3.path.style.access', 'fs.s3a.aws.credentials.provider', 'presto.s3.use-instance-credentials', 'fs.s3a.assumed.role.arn',
    'fs.azure.account.keyprovider.acct.blob.core.windows.net', 'fs.azure.account.auth.type', 'fs.azure.account.oauth.provider.type',
    'fs.azure.sas.token.provider.type', 'fs.azure.account.oauth2.client.id',
    'gs.auth.service.account.json.keyfile', 'google.cloud.auth.service.account.json.keyfile', 'gs.auth.service.account.private.key.id', 'gs.writer.temporary.bucket.name',
    'fs.oss.endpoint', 'fs.oss.credentials.provider',
    'state.backend.rocksdb.localdir', 'state.backend.rocksdb.timer-service.factory', 'state.backend.rocksdb.memory.managed', 'state.backend.rocksdb.use-bloom-filter',
    'state.backend.type', 'execution.checkpointing.dir', 'pipeline.max-parallelism', 'taskmanager.numberOfTaskSlots',
    'kubernetes.secrets', 'kubernetes.env.secretKeyRef', 'kubernetes.service-account',
    'metrics.reporter.prom.factory.class', 'metrics.reporter.prom.port', 'metrics.reporter.influxdb.username', 'metrics.reporter.dghttp.tags',
    'containerized.master.env.GOOGLE_APPLICATION_CREDENTIALS', 'containerized.taskmanager.env.AWS_WEB_IDENTITY_TOKEN_FILE',
    'containerized.master.env.AWS_ROLE_ARN', 'containerized.master.env.SECRET_NAME', 'containerized.master.env.TOKEN_TTL',
  ];

  test.each(NOT_SECRET)('%s', key => {
    expect(optionCredential(key)).toBeUndefined();
  });

  test('environment variables that name a file or a role', () => {
    for (const name of ['GOOGLE_APPLICATION_CREDENTIALS', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ROLE_ARN', 'AWS_REGION', 'PASSWORD_FILE',
      'KEYSTORE_PATH', 'SECRET_NAME', 'TOKEN_TTL', 'HADOOP_CONF_DIR', 'ENABLE_BUILT_IN_PLUGINS', 'TZ', 'PASSWORDLESS']) {
      expect([name, CREDENTIAL_ENV.pattern.test(name)]).toStrictEqual([name, false]);
    }
  });

  test('a realistic production cluster: S3 with IRSA, SSL with keystores from Secrets, Kerberos keytab, Prometheus, Azure key from the environment', () => {
    const c = chart();
    const secret = kplus.Secret.fromSecretName(c, 'tls', 'flink-tls');
    expect(() => new FlinkApplicationCluster(c, 'app', {
      version: FlinkVersion.V1_20,
      clusterId: 'prod',
      highAvailability: HighAvailability.kubernetes({ storageDir: 's3://bucket/flink-ha' }),
      plugins: [FlinkPlugin.S3_PRESTO],
      secrets: [{ secret, mountPath: '/opt/flink/tls' }],
      secretEnv: [{ name: 'AZURE_STORAGE_KEY', secret, key: 'azure' }, { name: 'DB_PASSWORD', secret, key: 'db' }],
      jobManager: { env: { GOOGLE_APPLICATION_CREDENTIALS: '/opt/flink/tls/gcp.json', AWS_REGION: 'eu-west-1' }, entrypointArgs: '-Dparallelism.default=2' },
      flinkConfiguration: {
        'fs.s3a.aws.credentials.provider': 'com.amazonaws.auth.WebIdentityTokenCredentialsProvider',
        's3.entropy.key': '_entropy_',
        'security.ssl.internal.enabled': 'true',
        'security.ssl.internal.keystore': '/opt/flink/tls/internal.keystore',
        'security.ssl.internal.truststore': '/opt/flink/tls/internal.truststore',
        'security.ssl.rest.keystore': '/opt/flink/tls/rest.keystore',
        'fs.azure.account.keyprovider.acct.blob.core.windows.net': 'org.apache.flink.fs.azurefs.EnvironmentVariableKeyProvider',
        'metrics.reporter.prom.factory.class': 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory',
        'state.backend.rocksdb.localdir': '/tmp/rocksdb',
        'execution.checkpointing.dir': 's3://bucket/checkpoints',
        'env.java.opts.all': '-XX:+UseG1GC -Dlog4j2.formatMsgNoLookups=true',
      },
      job: {
        artifact: JobArtifact.fromUrl('https://repo.example.com/job.jar?version=1.2'),
        args: ['--input', 's3://bucket/in', '--token-ttl', '30', '--password-file', '/opt/flink/tls/db', '--mode', 'token'],
        artifactHttpHeaders: { Accept: 'application/java-archive' },
        upgradeMode: UpgradeMode.LAST_STATE,
      },
    })).not.toThrow();
  });
});

test('a pod template\'s env from a Secret is fine', () => {
  const c = chart();
  const podTemplate = new PodTemplate(c, 'tpl', {
    sidecars: [{ name: 'proxy', image: 'envoy', env: [{ name: 'UPSTREAM_TOKEN', valueFrom: { secretKeyRef: { name: 'proxy', key: 'token' } } }] }],
    mainContainer: { env: [{ name: 'TZ', value: 'UTC' }] },
  });
  expect(() => new FlinkSessionCluster(c, 's', { version: FlinkVersion.V1_20, clusterId: 'c', podTemplate })).not.toThrow();
});
