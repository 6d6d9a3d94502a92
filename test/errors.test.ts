import { Chart, Size, Testing } from 'cdk8s';
import { chart } from './util';
import { FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion } from '../src';

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
    expect(build({ flinkConfiguration: { 'state.backend': 'rocksdb', 'state.backend.incremental': 'true' } }, FlinkVersion.V2_1))
      .toThrow("flinkConfiguration['state.backend.incremental'] and flinkConfiguration['state.backend']: the key 'state.backend' is a prefix of 'state.backend.incremental', which config.yaml cannot hold");
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
