import { Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkPlugin, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion, HighAvailability, JobArtifact,
  PodTemplate, RbacBinding,
} from '../src';

function build(props: Partial<FlinkSessionClusterProps>, version = FlinkVersion.V1_20) {
  return () => new FlinkSessionCluster(chart(), 'session', { version, clusterId: 'c', ...props });
}

describe('bad input is an error at synth time, naming the prop, the value and the fix', () => {
  test('fails on a cluster id that is not a DNS-1035 label (reference §5)', () => {
    expect(build({ clusterId: 'My_Cluster' })).toThrow("clusterId is 'My_Cluster': a cluster id must be lowercase letters, digits and '-', start with a letter");
    expect(build({ clusterId: '1cluster' })).toThrow("clusterId is '1cluster'");
    expect(build({ clusterId: 'cluster-' })).toThrow("clusterId is 'cluster-'");
  });

  test('fails on a cluster id longer than 45 characters (Constants.MAXIMUM_CHARACTERS_OF_CLUSTER_ID)', () => {
    const long = 'a'.repeat(46);
    expect(build({ clusterId: long })).toThrow(`clusterId is '${long}' (46 characters): kubernetes.cluster-id must be no more than 45 characters; choose a shorter id`);
  });

  test('fails on a cluster id set through flinkConfiguration, naming that key', () => {
    expect(build({ clusterId: undefined, flinkConfiguration: { 'kubernetes.cluster-id': 'Bad' } }))
      .toThrow("flinkConfiguration['kubernetes.cluster-id'] is 'Bad'");
  });

  test('fails on a derived cluster id that is not valid, pointing to clusterId', () => {
    expect(() => new FlinkSessionCluster(chart(), '9lives', { version: FlinkVersion.V1_20 })).not.toThrow();
    const c = new Chart(Testing.app(), '1chart');
    expect(() => new FlinkSessionCluster(c, 'x', { version: FlinkVersion.V1_20 })).toThrow('clusterId (derived from the construct path) is');
  });

  test('fails on jobManager.replicas < 1 (KubernetesJobManagerParameters.getReplicas)', () => {
    expect(build({ jobManager: { replicas: 0 } })).toThrow("'jobManager.replicas' is 0: it must be a whole number of at least 1");
    expect(build({ flinkConfiguration: { 'kubernetes.jobmanager.replicas': '0' } }))
      .toThrow("flinkConfiguration['kubernetes.jobmanager.replicas'] is '0': 'kubernetes.jobmanager.replicas' should not be configured less than one");
  });

  test('fails on jobManager.replicas > 1 without high availability', () => {
    expect(build({ jobManager: { replicas: 2 } }))
      .toThrow("jobManager.replicas is '2': standby JobManagers need high availability (\"High availability should be enabled when starting standby JobManagers.\"); set replicas to 1 or enable high availability");
  });

  test('fails on a limit factor < 1', () => {
    expect(build({ jobManager: { cpuLimitFactor: 0.5 } })).toThrow("'jobManager.cpuLimitFactor' is 0.5: a limit factor must be at least 1");
    expect(build({ taskManager: { memoryLimitFactor: 0.9 } })).toThrow("'taskManager.memoryLimitFactor' is 0.9: a limit factor must be at least 1");
    expect(build({ flinkConfiguration: { 'kubernetes.taskmanager.cpu.limit-factor': '0.5' } }))
      .toThrow("flinkConfiguration['kubernetes.taskmanager.cpu.limit-factor'] is '0.5': kubernetes.taskmanager.cpu.limit-factor should be greater or equal to 1");
  });

  test('fails on cpu ≤ 0', () => {
    expect(build({ jobManager: { cpu: 0 } })).toThrow("'jobManager.cpu' is 0: the JobManager needs more than 0 CPU; set e.g. 0.5 or 1");
    expect(build({ taskManager: { cpu: -1 } })).toThrow("'taskManager.cpu' is -1: a TaskManager needs more than 0 CPU");
    expect(build({ flinkConfiguration: { 'kubernetes.jobmanager.cpu.amount': '0' } }))
      .toThrow("flinkConfiguration['kubernetes.jobmanager.cpu.amount'] is '0': the JobManager needs more than 0 CPU");
  });

  test('fails on a non-numeric value where Flink expects a number', () => {
    expect(build({ flinkConfiguration: { 'kubernetes.jobmanager.cpu.amount': 'two' } }))
      .toThrow("flinkConfiguration['kubernetes.jobmanager.cpu.amount'] is 'two': expected a number");
  });

  test('fails on a memory too small for Flink\'s model', () => {
    expect(build({ jobManager: { memory: Size.mebibytes(400) } }))
      .toThrow('jobManager.memory (400m): JobManager memory configuration failed: the JVM Metaspace (256.000mb (268435456 bytes)) and JVM Overhead (192.000mb (201326592 bytes)) exceed the Total Process Memory (400.000mb (419430400 bytes)); with the default options it must be at least 577m');
    expect(build({ jobManager: { memory: Size.mebibytes(576) } }))
      .toThrow('jobManager.memory (576m): JobManager memory configuration failed: the Total Flink Memory (128.000mb (134217728 bytes)) is not more than the Off-heap Memory (128.000mb (134217728 bytes))');
    expect(build({ jobManager: { memory: Size.mebibytes(577) } })).not.toThrow();
    expect(build({ taskManager: { memory: Size.mebibytes(981) } }))
      .toThrow('taskManager.memory (981m): TaskManager memory configuration failed: framework (256.000mb (268435456 bytes)), task off-heap (0 bytes), managed');
    expect(build({ taskManager: { memory: Size.mebibytes(982) } })).not.toThrow();
  });

  test('fails on a memory that is not a whole number of MiB', () => {
    expect(build({ jobManager: { memory: Size.kibibytes(1500) } })).toThrow("'jobManager.memory' is 1.46484375 MiB: Flink's memory sizes here must be a positive whole number of mebibytes");
  });

  test('fails on a typed prop and the same key in flinkConfiguration', () => {
    expect(build({ taskManager: { taskSlots: 2 }, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4' } }))
      .toThrow("flinkConfiguration['taskmanager.numberOfTaskSlots'] sets the Flink option 'taskmanager.numberOfTaskSlots', which taskManager.taskSlots already sets; set it in one place only");
    expect(build({ image: 'a', flinkConfiguration: { 'kubernetes.container.image.ref': 'b' } }))
      .toThrow('which image already sets');
  });

  test('fails on an unknown version string', () => {
    expect(() => FlinkVersion.of('1.15')).toThrow("FlinkVersion.of('1.15'): unknown Flink version; supported are 1.16, 1.17, 1.18, 1.19, 1.20, 2.0, 2.1, 2.2");
    expect(() => FlinkVersion.of('latest')).toThrow("FlinkVersion.of('latest'): unknown Flink version");
  });

  test('fails on an unknown patch release with the default image, whose tag does not exist (apache/flink-docker releases)', () => {
    expect(build({}, FlinkVersion.of('1.20.9')))
      .toThrow("'version' is FlinkVersion.of('1.20.9'), but Flink 1.20 has the releases 1.20.0 to 1.20.4 (apache/flink-docker), so the default image 'apache/flink:1.20.9-scala_2.12' does not exist; give a released version (e.g. FlinkVersion.of('1.20.4')), or set 'image' to an image that runs Flink 1.20.9");
    expect(build({}, FlinkVersion.of('2.2.2'))).toThrow("'version' is FlinkVersion.of('2.2.2')");
  });

  test('accepts an unknown patch release with an image of the user\'s, as the image or in the JobManager\'s template', () => {
    expect(build({ image: 'registry.example.com/flink:1.20.9' }, FlinkVersion.of('1.20.9'))).not.toThrow();
    expect(build({ flinkConfiguration: { 'kubernetes.container.image.ref': 'registry.example.com/flink:1.20.9' } }, FlinkVersion.of('1.20.9'))).not.toThrow();
    const c = chart();
    const podTemplate = new PodTemplate(c, 't', { mainContainer: { image: 'registry.example.com/flink:1.20.9' } });
    expect(() => new FlinkSessionCluster(c, 'session', { version: FlinkVersion.of('1.20.9'), clusterId: 'c', jobManager: { podTemplate } })).not.toThrow();
  });

  test('every known patch release has the default image (0 to the newest)', () => {
    for (const release of ['1.16.0', '1.17.2', '1.18.1', '1.19.0', '1.20.4', '2.0.0', '2.1.2', '2.2.1']) {
      expect(build({}, FlinkVersion.of(release))).not.toThrow();
    }
  });

  test('fails on execution.target asking for per-job mode (KubernetesClusterDescriptor.deployJobCluster)', () => {
    expect(build({ flinkConfiguration: { 'execution.target': 'kubernetes-per-job' } }))
      .toThrow("flinkConfiguration['execution.target'] is 'kubernetes-per-job': per-job mode does not exist on native Kubernetes (KubernetesClusterDescriptor.deployJobCluster); run the job in a FlinkApplicationCluster instead");
    expect(build({ flinkConfiguration: { 'execution.target': 'kubernetes-application' } }))
      .toThrow("a FlinkSessionCluster always runs 'kubernetes-session'; remove the option");
  });

  test('accepts execution.target kubernetes-session, case-insensitively (KubernetesDeploymentTarget)', () => {
    expect(build({ flinkConfiguration: { 'execution.target': 'Kubernetes-Session' } })).not.toThrow();
  });

  test('fails on a deprecated or not-yet-existing key, naming the key to use (FLINK-29372)', () => {
    expect(build({ flinkConfiguration: { 'kubernetes.container.image': 'x' } }))
      .toThrow("flinkConfiguration['kubernetes.container.image']: 'kubernetes.container.image' is deprecated in Flink 1.20; use 'kubernetes.container.image.ref' instead");
    expect(build({ flinkConfiguration: { 'kubernetes.container.image.ref': 'x' } }, FlinkVersion.V1_16))
      .toThrow("'kubernetes.container.image.ref' does not exist in Flink 1.16; use 'kubernetes.container.image' instead");
    expect(build({ flinkConfiguration: { 'kubernetes.rest-service.labels': 'a:b' } }))
      .toThrow("'kubernetes.rest-service.labels' does not exist before Flink 2.2 (this cluster runs 1.20), so Flink would ignore it");
    expect(build({ flinkConfiguration: { 'jobmanager.heap.size': '1g' } }))
      .toThrow("'jobmanager.heap.size' is deprecated in Flink 1.20; use 'jobmanager.memory.process.size' instead");
    expect(build({ flinkConfiguration: { 'recovery.mode': 'zookeeper' } }))
      .toThrow("'recovery.mode' is deprecated in Flink 1.20; use 'high-availability.type' instead");
  });

  test('fails on pod-template-file options, which name a file on the client machine', () => {
    expect(build({ flinkConfiguration: { 'kubernetes.pod-template-file.taskmanager': '/tmp/tm.yaml' } }))
      .toThrow("flinkConfiguration['kubernetes.pod-template-file.taskmanager']: 'kubernetes.pod-template-file.taskmanager' names a file on the machine that runs Flink's client, which a synth does not read; load it with PodTemplate.fromFile() and pass it as 'podTemplate'");
  });

  test('fails on keys Flink\'s client removes before shipping', () => {
    expect(build({ flinkConfiguration: { 'taskmanager.host': 'x' } }))
      .toThrow("flinkConfiguration['taskmanager.host']: Flink's client removes 'taskmanager.host' before shipping the configuration (FlinkConfMountDecorator), so it would have no effect; remove it");
    expect(build({ flinkConfiguration: { 'web.address': 'localhost' } })).toThrow("Flink's client removes 'web.address'");
  });

  test('fails on jobmanager.rpc.address without HA, which Flink overwrites (InternalServiceDecorator)', () => {
    expect(build({ flinkConfiguration: { 'jobmanager.rpc.address': 'elsewhere' } }))
      .toThrow("flinkConfiguration['jobmanager.rpc.address'] is 'elsewhere': without high availability Flink's client sets it to the internal Service 'c.flink'");
  });

  test('fails on a port range where Flink needs a fixed port (KubernetesUtils.parsePort)', () => {
    expect(build({ flinkConfiguration: { 'blob.server.port': '6124-6130' } }))
      .toThrow("flinkConfiguration['blob.server.port'] is '6124-6130': Flink on Kubernetes needs a fixed port, not a range or list");
  });

  test.each([
    ['blob.server.port', 6124, {}],
    ['taskmanager.rpc.port', 6122, {}],
    ['rest.bind-port', 8081, {}],
    ['high-availability.jobmanager.port', 6123, { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' }],
  ])('fails on %s: 0 in native mode, which Flink\'s client replaces by %d (KubernetesUtils.checkAndUpdatePortConfigOption)', (key, port, extra) => {
    expect(build({ flinkConfiguration: { ...extra, [key]: '0' }, plugins: [FlinkPlugin.S3_PRESTO] }))
      .toThrow(`flinkConfiguration['${key}'] is '0': Flink's client replaces port 0 by ${port} ("Kubernetes deployment requires a fixed port", KubernetesUtils.checkAndUpdatePortConfigOption); set ${port}, or remove the option`);
  });

  test('fails on a malformed map, list or enum value', () => {
    expect(build({ flinkConfiguration: { 'kubernetes.jobmanager.labels': 'novalue' } }))
      .toThrow("flinkConfiguration['kubernetes.jobmanager.labels'] is 'novalue': map item 'novalue' is not a key-value pair (missing ':'?); expected Flink's map format 'k1:v1,k2:v2'");
    expect(build({ flinkConfiguration: { 'kubernetes.rest-service.exposed.type': 'Ingress' } }))
      .toThrow("flinkConfiguration['kubernetes.rest-service.exposed.type'] is 'Ingress': expected one of ClusterIP, NodePort, LoadBalancer, Headless_ClusterIP");
    expect(build({ flinkConfiguration: { 'kubernetes.container.image.pull-policy': 'Sometimes' } }))
      .toThrow("is 'Sometimes': expected one of IfNotPresent, Always, Never");
    expect(build({ flinkConfiguration: { 'kubernetes.env.secretKeyRef': 'env:A,secret:s' } }))
      .toThrow('every entry needs env, secret and key');
  });

  test('fails on high availability without a storage dir', () => {
    expect(build({ flinkConfiguration: { 'high-availability.type': 'kubernetes' } }))
      .toThrow("flinkConfiguration['high-availability.type'] is 'kubernetes': high availability needs 'high-availability.storageDir'");
  });

  test('fails on high availability without an explicit clusterId: the derived one moves with the construct and would orphan the HA state', () => {
    const ha = { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' };
    expect(() => new FlinkSessionCluster(chart(), 'session', { version: FlinkVersion.V1_20, flinkConfiguration: ha, plugins: [FlinkPlugin.S3_PRESTO] }))
      .toThrow("flinkConfiguration['high-availability.type'] is 'kubernetes': high availability needs an explicit 'clusterId': the HA state (job graphs, checkpoint pointers, leader information) is kept under the cluster id, and the default one, derived from the construct path ('test-session-c84a0d5d'), changes when the construct moves or is renamed, which would start the cluster without its jobs and orphan their state; set clusterId: 'test-session-c84a0d5d'");
    expect(() => new FlinkSessionCluster(chart(), 'session', {
      version: FlinkVersion.V1_20, plugins: [FlinkPlugin.S3_PRESTO], highAvailability: HighAvailability.zookeeper({ storageDir: 's3://b/ha', quorum: 'zk:2181' }),
    })).toThrow("highAvailability is 'zookeeper': high availability needs an explicit 'clusterId'");
    expect(() => new FlinkSessionCluster(chart(), 'session', { version: FlinkVersion.V1_20, flinkConfiguration: { ...ha, 'kubernetes.cluster-id': 'orders' }, plugins: [FlinkPlugin.S3_PRESTO] }))
      .not.toThrow();
  });

  test.each([
    ['/savepoints/savepoint-1', "a path without scheme is resolved against 'fs.default-scheme', by default the local file system (FileSystem.getUnguardedFileSystem), i.e. the JobManager pod's own disk, where no savepoint is; write the savepoint's full URI, e.g. 's3://bucket/savepoints/savepoint-1a2b3c' (or 'file:///…' for a volume mounted into the pods)"],
    ['savepoints/savepoint-1', "a relative path is resolved against the JobManager process' working directory (/opt/flink in the official images) on the local file system (FileSystem.getUnguardedFileSystem), i.e. the JobManager pod's own disk"],
    ['file:savepoints/savepoint-1', 'a relative path is resolved'],
  ])('fails on the savepoint path %j, which is not an absolute URI (AbstractFsCheckpointStorageAccess.resolveCheckpointPointer)', (path, message) => {
    const job = { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), savepoint: { path } };
    for (const mode of [DeploymentMode.NATIVE, DeploymentMode.STANDALONE]) {
      expect(() => new FlinkApplicationCluster(chart(), 'app', { version: FlinkVersion.V1_20, clusterId: 'c', mode, job }))
        .toThrow(`'job.savepoint.path' is '${path}': ${message}`);
    }
    expect(build({ flinkConfiguration: { 'execution.state-recovery.path': path } })).toThrow(`flinkConfiguration['execution.state-recovery.path'] is '${path}': ${message}`);
    expect(build({ flinkConfiguration: { 'execution.savepoint.path': path } }, FlinkVersion.V1_19)).toThrow(`flinkConfiguration['execution.savepoint.path'] is '${path}': ${message}`);
  });

  test('accepts savepoint paths that are absolute URIs', () => {
    for (const path of ['s3://bucket/savepoints/savepoint-1', 'file:///mnt/savepoints/savepoint-1', 'hdfs://namenode:8020/savepoints/x']) {
      const job = { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), savepoint: { path, restoreOnEveryStart: true } };
      expect(() => new FlinkApplicationCluster(chart(), 'app', { version: FlinkVersion.V1_20, clusterId: 'c', job })).not.toThrow();
    }
  });

  test('fails on HADOOP_CONF_DIR or HADOOP_HOME in the JobManager\'s env without hadoopConfigMap: TaskManagers would mount hadoop-config-<clusterId> (HadoopConfMountDecorator, reference §1.5)', () => {
    expect(build({ jobManager: { env: { HADOOP_CONF_DIR: '/etc/hadoop/conf' } } }))
      .toThrow("jobManager.env.HADOOP_CONF_DIR is '/etc/hadoop/conf': the JobManager would create every TaskManager pod with a volume of ConfigMap 'hadoop-config-c' for the Hadoop configuration it finds there (HadoopConfMountDecorator), which nothing creates, and the TaskManagers would wait in ContainerCreating; put core-site.xml and hdfs-site.xml into a ConfigMap and set 'hadoopConfigMap' (Flink then mounts it and sets HADOOP_CONF_DIR itself), or set 'decorators.hadoopConfMount: false'");
    expect(build({ flinkConfiguration: { 'containerized.master.env.HADOOP_HOME': '/opt/hadoop' } }))
      .toThrow("flinkConfiguration['containerized.master.env.HADOOP_HOME'] is '/opt/hadoop': the JobManager would create every TaskManager pod with a volume of ConfigMap 'hadoop-config-c'");
    expect(build({ jobManager: { env: { HADOOP_HOME: '/opt/hadoop' } } }, FlinkVersion.V1_16)).toThrow('Flink 1.16 cannot turn the decorator off');
  });

  test('accepts HADOOP_HOME with hadoopConfigMap or the decorator off, in TaskManagers\' env, and in standalone mode, where no JobManager decorates TaskManagers', () => {
    const c = chart();
    const hadoopConfigMap = kplus.ConfigMap.fromConfigMapName(c, 'h', 'hadoop');
    expect(() => new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: 'c', hadoopConfigMap, jobManager: { env: { HADOOP_HOME: '/opt/hadoop' } } })).not.toThrow();
    expect(build({ decorators: { hadoopConfMount: false }, jobManager: { env: { HADOOP_CONF_DIR: '/etc/hadoop/conf' } } })).not.toThrow();
    expect(build({ taskManager: { env: { HADOOP_CONF_DIR: '/etc/hadoop/conf' } } })).not.toThrow();
    expect(build({ mode: DeploymentMode.STANDALONE, jobManager: { env: { HADOOP_CONF_DIR: '/etc/hadoop/conf' } } })).not.toThrow();
  });

  describe('state directories: HA storage, checkpoints and savepoints on a file system the pods have and share (FileSystem.getUnguardedFileSystem)', () => {
    const ha = (storageDir: string, props: Partial<FlinkSessionClusterProps> = {}) =>
      build({ highAvailability: HighAvailability.kubernetes({ storageDir }), ...props });

    test('fails on a scheme whose plugin is not enabled in the official image (FileSystem.DIRECTLY_SUPPORTED_FILESYSTEM)', () => {
      expect(ha('s3://bucket/ha'))
        .toThrow("highAvailability.storageDir is 's3://bucket/ha': Flink serves 's3://' only through the plugin flink-s3-fs-hadoop or flink-s3-fs-presto (\"Could not find a file system implementation for scheme 's3'\", FileSystem.getUnguardedFileSystem), which is not enabled for both the JobManager and the TaskManagers; add FlinkPlugin.S3_HADOOP or FlinkPlugin.S3_PRESTO to 'plugins'");
      expect(ha('s3a://bucket/ha', { plugins: [FlinkPlugin.S3_PRESTO] })).toThrow("add FlinkPlugin.S3_HADOOP to 'plugins'");
      expect(ha('s3p://bucket/ha', { plugins: [FlinkPlugin.S3_HADOOP] })).toThrow("add FlinkPlugin.S3_PRESTO to 'plugins'");
      expect(ha('gs://bucket/ha', { plugins: [FlinkPlugin.S3_HADOOP] })).toThrow("add FlinkPlugin.GCS to 'plugins'");
      expect(ha('abfss://c@account.dfs.core.windows.net/ha')).toThrow("add FlinkPlugin.AZURE to 'plugins'");
      expect(ha('oss://bucket/ha')).toThrow("add FlinkPlugin.OSS to 'plugins'");
      expect(build({ flinkConfiguration: { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' } }))
        .toThrow("flinkConfiguration['high-availability.storageDir'] is 's3://b/ha': Flink serves 's3://' only through the plugin");
    });

    test('accepts each scheme with its plugin enabled for both components', () => {
      for (const [dir, plugin] of [
        ['s3://b/ha', FlinkPlugin.S3_PRESTO], ['s3://b/ha', FlinkPlugin.S3_HADOOP], ['s3a://b/ha', FlinkPlugin.S3_HADOOP], ['s3p://b/ha', FlinkPlugin.S3_PRESTO],
        ['gs://b/ha', FlinkPlugin.GCS], ['wasbs://c@a.blob.core.windows.net/ha', FlinkPlugin.AZURE], ['abfs://c@a.dfs.core.windows.net/ha', FlinkPlugin.AZURE],
        ['oss://b/ha', FlinkPlugin.OSS],
      ] as const) {
        expect(ha(dir, { plugins: [plugin] })).not.toThrow();
      }
      const jar = 'flink-s3-fs-presto-1.20.4.jar';
      expect(ha('s3://b/ha', { jobManager: { env: { ENABLE_BUILT_IN_PLUGINS: jar } }, taskManager: { env: { ENABLE_BUILT_IN_PLUGINS: jar } } })).not.toThrow();
    });

    test('fails on a plugin enabled for the JobManager only: TaskManagers read HA blobs and write checkpoints', () => {
      expect(ha('s3://b/ha', { jobManager: { env: { ENABLE_BUILT_IN_PLUGINS: 'flink-s3-fs-presto-1.20.4.jar' } } }))
        .toThrow('which is not enabled for both the JobManager and the TaskManagers');
    });

    test('fails on hdfs:// and unknown schemes in the official image, which has no Hadoop (apache/flink-docker)', () => {
      expect(ha('hdfs://namenode:8020/ha', { plugins: [FlinkPlugin.S3_PRESTO] }))
        .toThrow("highAvailability.storageDir is 'hdfs://namenode:8020/ha': the official Flink image serves no file system for 'hdfs://': it has no Hadoop (apache/flink-docker), only the local file system and the plugins of /opt/flink/opt (s3, s3a, s3p, gs, wasb, wasbs, abfs, abfss, oss), so Flink would fail with UnsupportedFileSystemSchemeException; use one of those, or an image of your own that has the file system");
      expect(ha('viewfs://cluster/ha')).toThrow("serves no file system for 'viewfs://'");
    });

    test('does not judge the scheme where the image is not the official one, or where plugins or Hadoop are added to it', () => {
      expect(ha('hdfs://namenode:8020/ha', { image: 'registry.example.com/flink-hadoop:1.20.4' })).not.toThrow();
      expect(ha('s3://b/ha', { image: 'registry.example.com/flink-s3:1.20.4' })).not.toThrow();
      expect(ha('hdfs://namenode:8020/ha', { flinkConfiguration: { 'containerized.master.env.HADOOP_CLASSPATH': '/opt/hadoop/lib/*', 'containerized.taskmanager.env.HADOOP_CLASSPATH': '/opt/hadoop/lib/*' } })).not.toThrow();
      const c = chart();
      const podTemplate = new PodTemplate(c, 't', {
        volumes: [{ name: 'plugins', emptyDir: {} }],
        mainContainer: { volumeMounts: [{ name: 'plugins', mountPath: '/opt/flink/plugins/s3' }] },
      });
      expect(() => new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: 'c', highAvailability: HighAvailability.kubernetes({ storageDir: 's3://b/ha' }), podTemplate })).not.toThrow();
    });

    test.each([
      ['file:///flink/ha', 'the local file system'],
      ['/flink/ha', "a path without scheme is on 'fs.default-scheme', by default the local file system: FileSystem.getUnguardedFileSystem"],
      ['flink/ha', "a path without scheme is on 'fs.default-scheme', by default the local file system: FileSystem.getUnguardedFileSystem"],
    ])('fails on the pod-local HA storage %j, with any image', (dir, local) => {
      for (const image of [undefined, 'registry.example.com/team/flink:1.20.4']) {
        expect(ha(dir, { image }))
          .toThrow(`highAvailability.storageDir is '${dir}': the HA state (job graphs, checkpoint pointers, blobs) would be on each pod's own disk (${local}): every JobManager and TaskManager would see a directory of its own, lost with the pod; use a durable file system that all pods share, e.g. 's3://bucket/flink' with plugins: [FlinkPlugin.S3_PRESTO], or mount a shared volume (persistentVolumeClaim, nfs) at that path into the JobManager's and the TaskManagers' main containers`);
      }
    });

    test('a local path on a shared volume mounted into the JobManager and the TaskManagers is not pod-local', () => {
      const shared = (c: Chart, mountPath: string) => new PodTemplate(c, `t${c.node.children.length}`, {
        volumes: [{ name: 'ha', persistentVolumeClaim: { claimName: 'flink-ha' } }],
        mainContainer: { volumeMounts: [{ name: 'ha', mountPath }] },
      });
      const cluster = (c: Chart, props: Partial<FlinkSessionClusterProps>) => () => new FlinkSessionCluster(c, 'session', {
        version: FlinkVersion.V1_20, clusterId: 'c', highAvailability: HighAvailability.kubernetes({ storageDir: 'file:///mnt/ha/flink' }), ...props,
      });
      const c1 = chart();
      expect(cluster(c1, { podTemplate: shared(c1, '/mnt/ha') })).not.toThrow();
      const c2 = chart();
      expect(cluster(c2, { jobManager: { podTemplate: shared(c2, '/mnt/ha') } })).toThrow("would be on each pod's own disk");
      const c3 = chart();
      expect(cluster(c3, { podTemplate: shared(c3, '/mnt/other') })).toThrow("would be on each pod's own disk");
    });

    test('a path without scheme takes fs.default-scheme\'s file system', () => {
      expect(ha('/flink/ha', { flinkConfiguration: { 'fs.default-scheme': 's3://bucket/' } })).toThrow("Flink serves 's3://' only through the plugin");
      expect(ha('/flink/ha', { flinkConfiguration: { 'fs.default-scheme': 's3://bucket/' }, plugins: [FlinkPlugin.S3_PRESTO] })).not.toThrow();
    });

    test('the same for checkpoint and savepoint directories, under each version\'s key (CheckpointingOptions)', () => {
      expect(build({ flinkConfiguration: { 'execution.checkpointing.dir': 'file:///tmp/checkpoints' } }))
        .toThrow("flinkConfiguration['execution.checkpointing.dir'] is 'file:///tmp/checkpoints': the checkpoints would be on each pod's own disk");
      expect(build({ flinkConfiguration: { 'state.checkpoints.dir': '/tmp/checkpoints' } }, FlinkVersion.V1_19))
        .toThrow("flinkConfiguration['state.checkpoints.dir'] is '/tmp/checkpoints': the checkpoints would be on each pod's own disk");
      expect(build({ flinkConfiguration: { 'execution.checkpointing.savepoint-dir': 'gs://b/savepoints' } }, FlinkVersion.V2_1))
        .toThrow("flinkConfiguration['execution.checkpointing.savepoint-dir'] is 'gs://b/savepoints': Flink serves 'gs://' only through the plugin flink-gs-fs-hadoop");
      expect(build({ flinkConfiguration: { 'state.savepoints.dir': 'file:///savepoints' } }, FlinkVersion.V1_18)).toThrow('the savepoints would be on each pod\'s own disk');
      expect(build({ flinkConfiguration: { 'execution.checkpointing.dir': 's3://b/cp', 'execution.checkpointing.savepoint-dir': 's3://b/sp' }, plugins: [FlinkPlugin.S3_PRESTO] })).not.toThrow();
    });

    test('the HA storage directory is not judged without high availability, which does not use it', () => {
      expect(build({ flinkConfiguration: { 'high-availability.storageDir': 'file:///ha' } })).not.toThrow();
    });
  });

  describe('object names are unique per kind and namespace across all clusters of an app, checked in the constructor of the second', () => {
    const cluster = (scope: Chart, id: string, props: Partial<FlinkSessionClusterProps>) =>
      () => new FlinkSessionCluster(scope, id, { version: FlinkVersion.V1_20, ...props });

    test('fails on two clusters with one clusterId in one namespace, naming both constructs', () => {
      const c = chart();
      cluster(c, 'a', { clusterId: 'orders' })();
      expect(cluster(c, 'b', { clusterId: 'orders' }))
        .toThrow("'test/b': its Deployment 'orders' in namespace 'flink' has the name of a Deployment of 'test/a'; Kubernetes keeps one object per kind, namespace and name, so one would replace the other; give one of the clusters another 'clusterId' (or 'namespace')");
    });

    test('fails on clusters x and x-rest: Service x-rest twice', () => {
      const c = chart();
      cluster(c, 'a', { clusterId: 'x' })();
      expect(cluster(c, 'b', { clusterId: 'x-rest' })).toThrow("'test/b': its Service 'x-rest' in namespace 'flink' has the name of a Service of 'test/a'");
    });

    test('fails across charts and modes: a standalone cluster x and a native cluster x-taskmanager', () => {
      const app = Testing.app();
      cluster(new Chart(app, 'one', { namespace: 'flink' }), 'a', { clusterId: 'x', mode: DeploymentMode.STANDALONE })();
      expect(cluster(new Chart(app, 'two', { namespace: 'flink' }), 'b', { clusterId: 'x-taskmanager' }))
        .toThrow("'two/b': its Deployment 'x-taskmanager' in namespace 'flink' has the name of a Deployment of 'one/a'");
    });

    test('accepts one clusterId in other namespaces, or in another app', () => {
      const app = Testing.app();
      cluster(new Chart(app, 'one', { namespace: 'team-a' }), 'a', { clusterId: 'orders' })();
      expect(cluster(new Chart(app, 'two', { namespace: 'team-b' }), 'a', { clusterId: 'orders' })).not.toThrow();
      expect(cluster(new Chart(app, 'three', { namespace: 'team-c' }), 'a', { clusterId: 'orders', namespace: 'team-a' })).toThrow("its Deployment 'orders' in namespace 'team-a'");
      expect(cluster(new Chart(Testing.app(), 'one', { namespace: 'team-a' }), 'a', { clusterId: 'orders' })).not.toThrow();
    });

    test('fails on an RbacBinding for service accounts the cluster binds itself', () => {
      const c = chart();
      const session = new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: 'c' });
      expect(() => new RbacBinding(c, 'rbac', { cluster: session }))
        .toThrow("'test/rbac': its Role 'c-jobmanager' in namespace 'flink' has the name of a Role of 'test/session/Rbac'; Kubernetes keeps one object per kind, namespace and name, so one would replace the other; a cluster binds the service accounts it creates itself: create an RbacBinding only for service accounts you bring ('serviceAccount', 'taskManager.serviceAccount'), once per cluster");
    });
  });

  test('fails on Kerberos options whose Secret and ConfigMap Flink builds from client files (KerberosMountDecorator)', () => {
    const kerberos = { 'security.kerberos.login.keytab': '/etc/krb/flink.keytab', 'security.kerberos.login.principal': 'flink@EXAMPLE.COM' };
    expect(build({ flinkConfiguration: kerberos }))
      .toThrow("flinkConfiguration['security.kerberos.login.keytab'] is '/etc/krb/flink.keytab': Flink's KerberosMountDecorator would make the pods mount Secret 'kerberos-keytab-<clusterId>'");
    expect(build({ flinkConfiguration: { ...kerberos, 'kubernetes.decorator.kerberos-mount.enabled': 'false' } })).not.toThrow();
    expect(build({ flinkConfiguration: { 'security.kerberos.krb5-conf.path': '/etc/krb5.conf' } }, FlinkVersion.V1_16))
      .toThrow('Flink 1.16 cannot turn this off');
  });

  test('fails on kubernetes.flink.conf.dir without FLINK_CONF_DIR for both components', () => {
    expect(build({ flinkConfiguration: { 'kubernetes.flink.conf.dir': '/etc/flink' } }))
      .toThrow("flinkConfiguration['kubernetes.flink.conf.dir'] is '/etc/flink': the Flink scripts read $FLINK_CONF_DIR (default /opt/flink/conf); also set 'containerized.master.env.FLINK_CONF_DIR' to '/etc/flink'");
  });

  test('fails on YAML collections in 1.x, whose pods read flink-conf.yaml with the legacy parser', () => {
    expect(build({ flinkConfiguration: { 'kubernetes.container.image.pull-secrets': '[s1, s2]' } }))
      .toThrow("flinkConfiguration['kubernetes.container.image.pull-secrets'] is '[s1, s2]': Flink 1.20 reads flink-conf.yaml with its legacy parser, which does not read YAML lists or maps; write 'a;b;c'");
    expect(build({ flinkConfiguration: { 'kubernetes.container.image.pull-secrets': '[s1, s2]' } }, FlinkVersion.V2_1)).not.toThrow();
  });

  test('fails on a Flink-reserved JobManager env name', () => {
    expect(build({ flinkConfiguration: { 'containerized.master.env._POD_IP_ADDRESS': '1.2.3.4' } }))
      .toThrow("flinkConfiguration['containerized.master.env._POD_IP_ADDRESS']: Flink sets the JobManager's environment variable _POD_IP_ADDRESS itself; remove it");
  });

  test('fails on values flink-conf.yaml cannot carry', () => {
    expect(build({ flinkConfiguration: { 'my.password': 'abc#def' } }))
      .toThrow("flinkConfiguration['my.password']: the value contains '#' (a comment starts there), which flink-conf.yaml cannot carry");
    expect(build({ flinkConfiguration: { 'my.option': '' } })).toThrow('the value is empty');
  });

  test('config.yaml (2.x) carries what flink-conf.yaml cannot', () => {
    expect(build({ flinkConfiguration: { 'my.password': 'abc#def' }, allowCredentialsInConfigMap: true }, FlinkVersion.V2_1)).not.toThrow();
  });

  test('fails on a key that is a prefix of another in config.yaml (2.x)', () => {
    // two options of a job's own (deprecated Flink pairs such as state.backend are refused first, naming the key to use)
    expect(build({ flinkConfiguration: { 'job.window': '5 min', 'job.window.slide': '1 min' } }, FlinkVersion.V2_1))
      .toThrow("flinkConfiguration['job.window.slide'] and flinkConfiguration['job.window']: the key 'job.window' is a prefix of 'job.window.slide', which config.yaml cannot hold");
  });

  test('fails on a non-string flinkConfiguration value (from JavaScript)', () => {
    expect(build({ flinkConfiguration: { 'parallelism.default': 4 as any } }))
      .toThrow("flinkConfiguration['parallelism.default'] is 4: Flink options are strings, as on the command line; write '4'");
  });

  test('fails on a log configuration file the version does not ship', () => {
    expect(build({ logConfigFiles: { 'log4j-cli.properties': 'x' } }, FlinkVersion.V1_20))
      .toThrow("'logConfigFiles' has 'log4j-cli.properties', which Flink 1.20 does not ship; use one of logback-console.xml, log4j-console.properties");
  });
});

describe('unknown, deprecated and removed options, from Flink\'s option history 1.16–2.2 (src/private/data/flink-options.ts)', () => {
  test.each([
    ['kubernetes.taskmanager.cpu.ammount', FlinkVersion.V1_20, "'kubernetes.taskmanager.cpu.ammount' is not an option of Flink 1.20, which would ignore it; did you mean 'kubernetes.taskmanager.cpu.amount'?"],
    ['high-availability.storagedir', FlinkVersion.V2_2, "did you mean 'high-availability.storageDir'?"],
    ['taskmanager.memory.proces.size', FlinkVersion.V1_16, "did you mean 'taskmanager.memory.process.size'?"],
    ['rest.bind-adress', FlinkVersion.V1_18, "did you mean 'rest.bind-address'?"],
    ['blob.server.prot', FlinkVersion.V2_0, "did you mean 'blob.server.port'?"],
    ['jobmanager.memory.heap', FlinkVersion.V1_19, "did you mean 'jobmanager.memory.heap.size'?"],
  ])('fails on the misspelt %s (Flink %s), with a did-you-mean from that version\'s options', (key, version, message) => {
    expect(build({ flinkConfiguration: { [key]: '1' } }, version)).toThrow(`flinkConfiguration['${key}']: '${key}' is not an option of Flink ${version.minorVersion}, which would ignore it; `);
    expect(build({ flinkConfiguration: { [key]: '1' } }, version)).toThrow(message);
  });

  test.each([
    // the example: handled the same way as execution.savepoint.path on 1.20
    ['state.checkpoints.dir', FlinkVersion.V2_1, "'state.checkpoints.dir' is deprecated in Flink 2.1; use 'execution.checkpointing.dir' instead"],
    ['state.checkpoints.dir', FlinkVersion.V1_20, "'state.checkpoints.dir' is deprecated in Flink 1.20; use 'execution.checkpointing.dir' instead"],
    ['web.port', FlinkVersion.V1_16, "'web.port' is deprecated in Flink 1.16; use 'rest.bind-port' or 'rest.port' instead"],
    ['taskmanager.network.memory.min', FlinkVersion.V1_18, "'taskmanager.network.memory.min' is deprecated in Flink 1.18; use 'taskmanager.memory.network.min' instead"],
  ])('fails on the deprecated %s (Flink %s), naming the key to use, in every version alike', (key, version, message) => {
    expect(build({ flinkConfiguration: { [key]: '1' } }, version)).toThrow(`flinkConfiguration['${key}']: ${message}`);
  });

  test('accepts the same key where it is Flink\'s own: state.checkpoints.dir on 1.19, execution.checkpointing.dir on 1.20', () => {
    expect(build({ plugins: [FlinkPlugin.S3_PRESTO], flinkConfiguration: { 'state.checkpoints.dir': 's3://b/c' } }, FlinkVersion.V1_19)).not.toThrow();
    expect(build({ plugins: [FlinkPlugin.S3_PRESTO], flinkConfiguration: { 'execution.checkpointing.dir': 's3://b/c' } }, FlinkVersion.V1_20)).not.toThrow();
  });

  test('fails on a key Flink 2.0 removed', () => {
    expect(build({ flinkConfiguration: { 'akka.watch.threshold': '12' } }, FlinkVersion.V2_0)).toThrow("flinkConfiguration['akka.watch.threshold']: 'akka.watch.threshold' does not exist in Flink 2.0 (it was removed), so Flink would ignore it; remove it");
  });

  test('fails on a key that arrives in a later version', () => {
    expect(build({ flinkConfiguration: { 'execution.checkpointing.dir': 's3://b/c' } }, FlinkVersion.V1_19))
      .toThrow("'execution.checkpointing.dir' does not exist before Flink 1.20 (this cluster runs 1.19)");
  });

  test('accepts map options in their prefixed form (ConfigurationUtils), and unknown keys outside the fully known prefixes', () => {
    expect(build({ flinkConfiguration: { 'kubernetes.jobmanager.labels.team': 'data', 'my.job.window': '5 min' } }, FlinkVersion.V1_20)).not.toThrow();
  });
});

test('accepts the file-system plugins\' pass-through keys in every version (FLINK_CONFIG_PREFIXES), whatever Flink\'s own option table says', () => {
  const cluster = (version: FlinkVersion) => () => new FlinkSessionCluster(chart(), 'c', {
    version, plugins: [FlinkPlugin.S3_PRESTO], flinkConfiguration: { 's3.endpoint': 'http://minio:9000', 's3.path.style.access': 'true' },
  });
  expect(cluster(FlinkVersion.V1_16)).not.toThrow();
  expect(cluster(FlinkVersion.V2_2)).not.toThrow();
});

describe('found by the fuzzer: props that failed without need or without naming themselves, or arrived changed', () => {
  test('an empty map or list prop is none (it used to set an empty option value, which flink-conf.yaml cannot carry)', () => {
    expect(build({
      jobManager: { labels: {}, annotations: {}, nodeSelector: {}, tolerations: [], ownerReferences: [] },
      taskManager: { labels: {}, tolerations: [] },
      restService: { annotations: {} },
      imagePullSecrets: [],
      secrets: [],
      secretEnv: [],
    }, FlinkVersion.V1_18)).not.toThrow();
    expect(() => new FlinkApplicationCluster(chart(), 'app', {
      version: FlinkVersion.V1_19, clusterId: 'c', job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), artifactHttpHeaders: {} },
    })).not.toThrow();
  });

  test('annotation values with surrounding spaces or empty arrive as given (Flink\'s splitter would trim or drop them unquoted)', () => {
    for (const version of [FlinkVersion.V1_20, FlinkVersion.V2_2]) {
      const c = chart();
      new FlinkSessionCluster(c, 's', { version, clusterId: 'c', jobManager: { annotations: { 'example.com/note': ' spaced ', 'example.com/empty': '' } } });
      const deployment = Testing.synth(c).find((m: any) => m.kind === 'Deployment');
      expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'example.com/note': ' spaced ', 'example.com/empty': '' });
    }
  });

});
