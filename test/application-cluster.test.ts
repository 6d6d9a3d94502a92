import * as YAML from 'yaml';
import { chart, find, mainContainer, shippedConfig, synth } from './util';
import { FlinkApplicationCluster, FlinkApplicationClusterProps, FlinkJobOptions, FlinkVersion, JobArtifact, RecoveryClaimMode } from '../src';
import { splitEscaped } from '../src/private/encoding';

const ID = 'my-app';
const JAR = JobArtifact.fromImage('/opt/flink/usrlib/my-flink-job.jar');

function application(version: FlinkVersion, job: Partial<FlinkJobOptions> = {}, props: Partial<FlinkApplicationClusterProps> = {}) {
  const c = chart();
  const cluster = new FlinkApplicationCluster(c, 'app', { version, clusterId: ID, ...props, job: { artifact: JAR, ...job } });
  return { cluster, manifests: synth(c) };
}

/** A list option read back as the JobManager reads the shipped file (ConfigurationUtils.convertToList). */
function readList(version: FlinkVersion, value: string): string[] {
  if (version.major >= 2) {
    const parsed = YAML.parse(value);
    if (Array.isArray(parsed)) return parsed.map(String);
  }
  return splitEscaped(value, ';');
}

describe.each([
  ['1.16', FlinkVersion.V1_16],
  ['1.18', FlinkVersion.V1_18],
  ['1.20', FlinkVersion.V1_20],
  ['2.1', FlinkVersion.V2_1],
])('Flink %s: what flink run-application / flink run --target kubernetes-application creates', (_name, version) => {
  const { manifests } = application(version, {
    entryClass: 'com.example.StreamingJob',
    args: ['--input', 'a;b', 'it\'s "quoted"', 'with space', ''],
    parallelism: 4,
    // without high availability every JobManager start restores it, which the cluster must acknowledge
    savepoint: { path: 's3://bucket/savepoints/sp-1', allowNonRestoredState: true, claimMode: RecoveryClaimMode.NO_CLAIM, restoreOnEveryStart: true },
  });
  const conf = shippedConfig(manifests, ID);

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('§1.1: the JobManager runs kubernetes-jobmanager.sh kubernetes-application', () => {
    expect(mainContainer(find(manifests, 'Deployment', ID)).args).toStrictEqual(['bash', '-c', 'kubernetes-jobmanager.sh kubernetes-application ']);
  });

  test('§2.2: execution.target, entrypoint class, pipeline.jars, main class, parallelism', () => {
    expect(conf['execution.target']).toBe('kubernetes-application');
    expect(conf['kubernetes.internal.jobmanager.entrypoint.class']).toBe('org.apache.flink.kubernetes.entrypoint.KubernetesApplicationClusterEntrypoint');
    expect(readList(version, conf['pipeline.jars'])).toStrictEqual(['local:///opt/flink/usrlib/my-flink-job.jar']);
    expect(conf['$internal.application.main']).toBe('com.example.StreamingJob');
    expect(conf['parallelism.default']).toBe('4');
  });

  test('program args survive ;, quotes, spaces and empty strings (ApplicationConfiguration.fromConfiguration)', () => {
    expect(readList(version, conf['$internal.application.program-args'])).toStrictEqual(['--input', 'a;b', 'it\'s "quoted"', 'with space', '']);
  });

  test('savepoint keys of the version: execution.savepoint.* before 1.20, execution.state-recovery.* from 1.20 (StateRecoveryOptions)', () => {
    const [path, ignore, mode] = version.isAtLeast(FlinkVersion.V1_20)
      ? ['execution.state-recovery.path', 'execution.state-recovery.ignore-unclaimed-state', 'execution.state-recovery.claim-mode']
      : ['execution.savepoint.path', 'execution.savepoint.ignore-unclaimed-state', 'execution.savepoint-restore-mode'];
    expect([conf[path], conf[ignore], conf[mode]]).toStrictEqual(['s3://bucket/savepoints/sp-1', 'true', 'NO_CLAIM']);
  });

  test('what the CLI always writes: execution.attached true, shutdown-on-attached-exit false', () => {
    expect([conf['execution.attached'], conf['execution.shutdown-on-attached-exit']]).toStrictEqual(['true', 'false']);
  });

  test('§6.6: the cluster is kept when the job finishes, and the JobManager may not delete its Deployment', () => {
    expect(conf['execution.shutdown-on-application-finish']).toBe('false');
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules).toStrictEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
    ]);
  });

  test('the same objects as a session cluster otherwise (reference §1.0)', () => {
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`).sort()).toStrictEqual([
      `ConfigMap/flink-config-${ID}`, `ConfigMap/pod-template-${ID}`, `Deployment/${ID}`,
      `NetworkPolicy/${ID}-jobmanager`, `NetworkPolicy/${ID}-taskmanager`, `Role/${ID}-jobmanager`, `RoleBinding/${ID}-jobmanager`, `Service/${ID}`, `Service/${ID}-rest`,
      `ServiceAccount/${ID}-jobmanager`, `ServiceAccount/${ID}-taskmanager`,
    ]);
  });
});

describe('job options', () => {
  test('without a savepoint the CLI still writes the claim mode and ignore-unclaimed-state defaults', () => {
    const conf = shippedConfig(application(FlinkVersion.V1_20).manifests, ID);
    expect(conf['execution.state-recovery.claim-mode']).toBe('NO_CLAIM');
    expect(conf['execution.state-recovery.ignore-unclaimed-state']).toBe('false');
    expect(conf['execution.state-recovery.path']).toBeUndefined();
    expect(conf['$internal.application.main']).toBeUndefined();
    expect(conf['$internal.application.program-args']).toBeUndefined();
  });

  test('shutdownOnFinish: true lets the JobManager delete its own Deployment (and grants it)', () => {
    const { manifests } = application(FlinkVersion.V1_20, { shutdownOnFinish: true });
    expect(shippedConfig(manifests, ID)['execution.shutdown-on-application-finish']).toBe('true');
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules[1].verbs).toStrictEqual(['get', 'delete']);
  });

  test('the same through flinkConfiguration shapes the RBAC the same way', () => {
    const { manifests } = application(FlinkVersion.V1_20, {}, { flinkConfiguration: { 'execution.shutdown-on-application-finish': 'true' } });
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules[1].verbs).toStrictEqual(['get', 'delete']);
  });

  test('remote jars, additional artifacts and HTTP headers (user.artifacts.*, 1.19+)', () => {
    const conf = shippedConfig(application(FlinkVersion.V2_1, {
      artifact: JobArtifact.fromUrl('https://repo.example.com/jobs/my-flink-job-1.0.jar'),
      additionalArtifacts: [JobArtifact.fromUrl('s3://bucket/udf.jar'), JobArtifact.fromUrl('http://artifacts.internal/format.jar')],
      artifactHttpHeaders: { Authorization: 'Bearer token' },
      allowRawHttp: true,
    }, { allowCredentialsInConfigMap: true }).manifests, ID);
    expect(readList(FlinkVersion.V2_1, conf['pipeline.jars'])).toStrictEqual(['https://repo.example.com/jobs/my-flink-job-1.0.jar']);
    expect(readList(FlinkVersion.V2_1, conf['user.artifacts.artifact-list'])).toStrictEqual(['s3://bucket/udf.jar', 'http://artifacts.internal/format.jar']);
    expect(conf['user.artifacts.http-headers']).toBe('Authorization:Bearer token');
    expect(conf['user.artifacts.raw-http-enabled']).toBe('true');
  });

  test('the system classpath (2.0+) leaves pipeline.jars unset (FLINK-33926)', () => {
    const conf = shippedConfig(application(FlinkVersion.V2_1, { artifact: JobArtifact.systemClasspath(), entryClass: 'com.example.Main' }).manifests, ID);
    expect(conf['pipeline.jars']).toBeUndefined();
    expect(conf['$internal.application.main']).toBe('com.example.Main');
  });

  test('a job that lives in usrlib of the image, on 1.20 (the documentation\'s FROM flink example)', () => {
    const { manifests } = application(FlinkVersion.V1_20, {}, { image: 'custom-image-name' });
    const conf = shippedConfig(manifests, ID);
    expect(mainContainer(find(manifests, 'Deployment', ID)).image).toBe('custom-image-name');
    expect(conf['kubernetes.container.image.ref']).toBe('custom-image-name');
    expect(conf['pipeline.jars']).toBe('\'local:///opt/flink/usrlib/my-flink-job.jar\'');
  });
});

describe('application mode errors', () => {
  const fails = (version: FlinkVersion, job: Partial<FlinkJobOptions>, props: Partial<FlinkApplicationClusterProps> = {}) =>
    () => application(version, job, props);

  test('fails on a jar that is not in the image on 1.16–1.18 (KubernetesUtils.checkJarFileForApplicationMode)', () => {
    expect(fails(FlinkVersion.V1_18, { artifact: JobArtifact.fromUrl('s3://bucket/job.jar') }))
      .toThrow("'job.artifact' is 's3://bucket/job.jar': Flink 1.18 runs only jars inside the image (\"Only \"local\" is supported as schema for application mode.\"");
  });

  test('fails on a second jar before 2.0: additional artifacts need 1.19+', () => {
    expect(fails(FlinkVersion.V1_18, { additionalArtifacts: [JobArtifact.fromImage('/opt/flink/usrlib/udf.jar')] }))
      .toThrow("'job.additionalArtifacts' needs Flink 1.19 or later (user.artifacts.*, FLINK-28915); this cluster runs 1.18");
  });

  test('fails on two jars on 1.20 ("Should only have one jar"): pipeline.jars is job.artifact alone', () => {
    expect(fails(FlinkVersion.V1_20, {}, { flinkConfiguration: { 'pipeline.jars': 'local:///a.jar;local:///b.jar' } }))
      .toThrow("flinkConfiguration['pipeline.jars'] sets the Flink option 'pipeline.jars', which job.artifact already sets; set it in one place only");
  });

  test('fails on two jars written by hand on 2.x ("Should only have at most one jar.")', () => {
    expect(fails(FlinkVersion.V2_1, { artifact: JobArtifact.systemClasspath() }, { flinkConfiguration: { 'pipeline.jars': 'local:///a.jar;local:///b.jar' } }))
      .toThrow("flinkConfiguration['pipeline.jars'] is 'local:///a.jar;local:///b.jar': Flink 2.x runs at most one jar in application mode (\"Should only have at most one jar.\")");
  });

  test('fails on no artifact before 2.0 ("Should only have one jar")', () => {
    expect(fails(FlinkVersion.V1_20, { artifact: JobArtifact.systemClasspath() }))
      .toThrow("'job.artifact' is JobArtifact.systemClasspath(), but Flink 1.20 needs exactly one job jar in application mode (\"Should only have one jar\")");
  });

  test('fails on http:// without the raw-HTTP opt-in (ArtifactFetchManager)', () => {
    expect(fails(FlinkVersion.V1_20, { artifact: JobArtifact.fromUrl('http://repo/job.jar') }))
      .toThrow("'job.artifact' is 'http://repo/job.jar': Flink fetches plain http:// only with 'user.artifacts.raw-http-enabled' (ArtifactFetchManager); use https://, or set 'job.allowRawHttp: true'");
    expect(fails(FlinkVersion.V1_20, { artifact: JobArtifact.fromUrl('http://repo/job.jar'), allowRawHttp: true })).not.toThrow();
  });

  test('fails on job.parallelism < 1', () => {
    expect(fails(FlinkVersion.V1_20, { parallelism: 0 })).toThrow("'job.parallelism' is 0: the parallelism must be a whole number of at least 1");
  });

  test('fails on an entry class that is not a Java class name', () => {
    expect(fails(FlinkVersion.V1_20, { entryClass: 'com.example.My Job' }))
      .toThrow("'job.entryClass' is 'com.example.My Job': expected a Java class name such as 'com.example.StreamingJob'");
    expect(fails(FlinkVersion.V1_20, { entryClass: 'com.example.Outer$Inner' })).not.toThrow();
  });

  test('fails on per-job mode, which native Kubernetes does not have', () => {
    expect(fails(FlinkVersion.V1_20, {}, { flinkConfiguration: { 'execution.target': 'kubernetes-per-job' } }))
      .toThrow("flinkConfiguration['execution.target'] is 'kubernetes-per-job': per-job mode does not exist on native Kubernetes; this FlinkApplicationCluster already runs one job per cluster");
  });

  test('fails on a savepoint key of another version', () => {
    expect(fails(FlinkVersion.V1_18, {}, { flinkConfiguration: { 'execution.state-recovery.path': 's3://b/sp' } }))
      .toThrow("'execution.state-recovery.path' does not exist in Flink 1.18; use 'execution.savepoint.path' instead");
    expect(fails(FlinkVersion.V2_1, {}, { flinkConfiguration: { 'execution.savepoint.path': 's3://b/sp' } }))
      .toThrow("'execution.savepoint.path' is deprecated in Flink 2.1; use 'execution.state-recovery.path' instead");
  });

  test('fails on an argument flink-conf.yaml cannot carry (1.x)', () => {
    expect(fails(FlinkVersion.V1_20, { args: ['--color', '#ff0000'] }))
      .toThrow("'job.args[1]' is \"#ff0000\": Flink 1.20 reads flink-conf.yaml line by line and cuts values at '#'");
    expect(fails(FlinkVersion.V2_1, { args: ['--color', '#ff0000'] })).not.toThrow();
  });

  test('fails on additional artifacts with the system classpath, which Flink would ignore (FLINK-33926)', () => {
    expect(fails(FlinkVersion.V2_1, { artifact: JobArtifact.systemClasspath(), additionalArtifacts: [JobArtifact.fromUrl('s3://b/udf.jar')] }))
      .toThrow("'job.additionalArtifacts' with JobArtifact.systemClasspath(): Flink fetches additional artifacts only together with a job jar (FLINK-33926)");
  });

  test('fails on Flink\'s client-side upload of local artifacts', () => {
    expect(fails(FlinkVersion.V1_20, {}, { flinkConfiguration: { 'kubernetes.artifacts.local-upload-enabled': 'true' } }))
      .toThrow("Flink's client uploads local artifacts at deploy time (DefaultKubernetesArtifactUploader), which a synth cannot do");
  });

  test('fails without a job', () => {
    expect(() => new FlinkApplicationCluster(chart(), 'app', { version: FlinkVersion.V1_20 } as any))
      .toThrow("'job.artifact' is required: a FlinkApplicationCluster runs one application");
  });

  test('fails on malformed artifacts', () => {
    expect(() => JobArtifact.fromImage('usrlib/job.jar')).toThrow("JobArtifact.fromImage('usrlib/job.jar'): expected the absolute path of a jar in the image");
    expect(() => JobArtifact.fromUrl('local:///opt/job.jar')).toThrow("JobArtifact.fromUrl('local:///opt/job.jar'): expected a remote URL");
    expect(() => JobArtifact.fromUrl('bucket/job.jar')).toThrow('expected a remote URL');
  });
});
