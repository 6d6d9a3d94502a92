import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, find, mainContainer, shippedConfig, synth } from './util';
import {
  FlinkApplicationCluster, FlinkPlugin, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion, HighAvailability,
  JobArtifact, LogLevel, PodSecurityStandard, PodTemplate, RestServiceExposedType,
} from '../src';

const ID = 'cap';

function session(props: Partial<FlinkSessionClusterProps> | ((c: any) => Partial<FlinkSessionClusterProps>), version = FlinkVersion.V1_20) {
  const c = chart();
  const cluster = new FlinkSessionCluster(c, 'session', { version, clusterId: ID, ...(typeof props === 'function' ? props(c) : props) });
  return { cluster, manifests: synth(c) };
}

const secret = (c: any, name: string) => kplus.Secret.fromSecretName(c, name, name);

describe('secrets as files and as environment variables (reference §1.1, §2.4)', () => {
  const { manifests } = session(c => ({
    secrets: [{ secret: secret(c, 'db-credentials'), mountPath: '/opt/secrets/db' }],
    secretEnv: [{ name: 'DB_PASSWORD', secret: secret(c, 'db'), key: 'password' }],
  }));
  const deployment = find(manifests, 'Deployment', ID);

  test('MountSecretsDecorator: <secret>-volume and its mount in the JobManager', () => {
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'db-credentials-volume', secret: { secretName: 'db-credentials' } });
    expect(mainContainer(deployment).volumeMounts).toContainEqual({ name: 'db-credentials-volume', mountPath: '/opt/secrets/db' });
  });

  test('EnvSecretsDecorator: a secretKeyRef env var in the JobManager', () => {
    expect(mainContainer(deployment).env).toContainEqual({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } });
  });

  test('the options are shipped, so TaskManagers get them too, in Flink\'s encodings', () => {
    const conf = shippedConfig(manifests, ID);
    expect(conf['kubernetes.secrets']).toBe('db-credentials:/opt/secrets/db');
    expect(conf['kubernetes.env.secretKeyRef']).toBe('env:DB_PASSWORD,secret:db,key:password');
  });

  test('the same through flinkConfiguration gives the same objects', () => {
    expect(session({ flinkConfiguration: { 'kubernetes.secrets': 'db-credentials:/opt/secrets/db', 'kubernetes.env.secretKeyRef': 'env:DB_PASSWORD,secret:db,key:password' } }).manifests)
      .toStrictEqual(manifests);
  });
});

describe('environment variables per component (containerized.master.env.*, containerized.taskmanager.env.*)', () => {
  test('JobManager env vars in its container, TaskManager env vars in the shipped configuration', () => {
    const { manifests } = session({ jobManager: { env: { TZ: 'UTC' } }, taskManager: { env: { TZ: 'UTC', MALLOC_ARENA_MAX: '2' } } });
    expect(mainContainer(find(manifests, 'Deployment', ID)).env[0]).toStrictEqual({ name: 'TZ', value: 'UTC' });
    const conf = shippedConfig(manifests, ID);
    expect(conf['containerized.master.env.TZ']).toBe('UTC');
    expect(conf['containerized.taskmanager.env.MALLOC_ARENA_MAX']).toBe('2');
  });

  test.each([
    ['jobManager', '_POD_IP_ADDRESS', "jobManager.env._POD_IP_ADDRESS: Flink sets the JobManager's environment variable _POD_IP_ADDRESS itself; remove it"],
    ['taskManager', '_POD_NODE_ID', "taskManager.env._POD_NODE_ID: Flink sets the TaskManagers' environment variable _POD_NODE_ID itself; remove it"],
    ['taskManager', 'FLINK_TM_JVM_MEM_OPTS', "Flink sets the TaskManagers' environment variable FLINK_TM_JVM_MEM_OPTS itself"],
  ])('fails on a Flink-reserved env name: %s %s', (component, name, message) => {
    expect(() => session({ [component]: { env: { [name]: 'x' } } })).toThrow(message);
  });

  test('fails on an env name a secretKeyRef already sets', () => {
    expect(() => session(c => ({ secretEnv: [{ name: 'TOKEN', secret: secret(c, 's'), key: 'k' }], jobManager: { env: { TOKEN: 'x' } } })))
      .toThrow("jobManager.env.TOKEN: Flink sets the JobManager's environment variable TOKEN itself");
  });

  test('fails on an option set both typed and raw', () => {
    expect(() => session({ jobManager: { env: { TZ: 'UTC' } }, flinkConfiguration: { 'containerized.master.env.TZ': 'CET' } }))
      .toThrow("flinkConfiguration['containerized.master.env.TZ'] sets the Flink option 'containerized.master.env.TZ', which jobManager.env.TZ already sets; set it in one place only");
  });
});

describe('built-in plugins (ENABLE_BUILT_IN_PLUGINS, apache/flink-docker docker-entrypoint.sh)', () => {
  test('the exact jars of the version, for both components', () => {
    const { manifests } = session({ plugins: [FlinkPlugin.S3_PRESTO, FlinkPlugin.of('flink-gs-fs-hadoop')] });
    const jars = 'flink-s3-fs-presto-1.20.4.jar;flink-gs-fs-hadoop-1.20.4.jar';
    expect(mainContainer(find(manifests, 'Deployment', ID)).env[0]).toStrictEqual({ name: 'ENABLE_BUILT_IN_PLUGINS', value: jars });
    expect(shippedConfig(manifests, ID)['containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS']).toBe(jars);
  });

  test('a pinned patch release pins the jar names', () => {
    expect(FlinkPlugin.GCS.jarFor(FlinkVersion.of('1.19.1'))).toBe('flink-gs-fs-hadoop-1.19.1.jar');
  });

  test('fails on a plugin the version does not ship in opt/ (flink-dist opt.xml), and on reporters, which are active already', () => {
    expect(() => session({ plugins: [FlinkPlugin.of('flink-s3-fs-native')] }, FlinkVersion.V2_2))
      .toThrow("FlinkPlugin 'flink-s3-fs-native' is not in /opt/flink/opt of Flink 2.2, which ships flink-s3-fs-hadoop, flink-s3-fs-presto, flink-gs-fs-hadoop, flink-azure-fs-hadoop, flink-oss-fs-hadoop");
    expect(() => session({ plugins: [FlinkPlugin.of('flink-metrics-prometheus')] }))
      .toThrow("FlinkPlugin 'flink-metrics-prometheus': every Flink image already has it in /opt/flink/plugins, active without ENABLE_BUILT_IN_PLUGINS");
  });

  // the jar names carry the image's release; docker-entrypoint.sh exits with "Plugin … does not exist." otherwise
  test('fails when the image\'s tag names another release than \'version\' (or a floating minor tag)', () => {
    expect(() => session({ plugins: [FlinkPlugin.S3_PRESTO], image: 'apache/flink:1.20.1-scala_2.12-java17' }))
      .toThrow("'plugins' links flink-s3-fs-presto-1.20.4.jar from /opt/flink/opt, the jars of Flink 1.20.4 ('version'), but 'image' is 'apache/flink:1.20.1-scala_2.12-java17': its tag names Flink 1.20.1, and the image's entrypoint would exit with \"Plugin … does not exist.\"; pin the image to a release and give the same release as 'version' (e.g. FlinkVersion.of('1.20.1'))");
    expect(() => session({ plugins: [FlinkPlugin.S3_PRESTO], image: 'registry.example.com:5000/flink:1.20' }))
      .toThrow("its tag '1.20' follows the newest 1.20 patch release, whose jars may be named otherwise");
  });

  test('fails on another release given as the raw image option or in the JobManager\'s template', () => {
    expect(() => session({ plugins: [FlinkPlugin.S3_PRESTO], flinkConfiguration: { 'kubernetes.container.image.ref': 'flink:1.19.1' } }))
      .toThrow("but flinkConfiguration['kubernetes.container.image.ref'] is 'flink:1.19.1': its tag names Flink 1.19.1");
    expect(() => session(c => ({ plugins: [FlinkPlugin.S3_PRESTO], jobManager: { podTemplate: new PodTemplate(c, 'jm', { mainContainer: { image: 'flink:1.20.3' } }) } })))
      .toThrow("but PodTemplate 'test/jm' is 'flink:1.20.3': its tag names Flink 1.20.3");
  });

  test('an official image of the same release, or a tag that names no release, is accepted with plugins', () => {
    for (const image of ['apache/flink:1.20.4-java17', 'docker.io/library/flink:2024-06-01', `flink@sha256:${'ab'.repeat(32)}`, 'flink']) {
      const { manifests } = session({ plugins: [FlinkPlugin.S3_PRESTO], image });
      expect(mainContainer(find(manifests, 'Deployment', ID)).image).toBe(image);
    }
  });

  test('only official images are judged, through Docker Hub or a mirror: an image of the user\'s may carry any tag (its own version)', () => {
    for (const image of ['docker.io/flink:1.19.1', 'mirror.gcr.io/library/flink:1.19.1', 'harbor.example.com/dockerhub/apache/flink:1.19.1', 'localhost:5000/flink:1.19.1']) {
      expect(() => session({ plugins: [FlinkPlugin.S3_PRESTO], image })).toThrow(`but 'image' is '${image}': its tag names Flink 1.19.1`);
    }
    for (const image of ['registry.example.com/app:1.4.0', 'registry.example.com:5000/team/flink:1.4.0', 'example/flink:1.19.1', 'apache/flink-kubernetes-operator:1.9.0']) {
      const { manifests } = session({ plugins: [FlinkPlugin.S3_PRESTO], image });
      expect(mainContainer(find(manifests, 'Deployment', ID)).image).toBe(image);
    }
  });

  test('fails on a malformed plugin', () => {
    expect(() => FlinkPlugin.of('flink-s3-fs-hadoop-1.20.4.jar')).toThrow("FlinkPlugin.of('flink-s3-fs-hadoop-1.20.4.jar'): expected an artifact id such as 'flink-s3-fs-hadoop', without version or '.jar'");
  });
});

describe('logging', () => {
  test('root and logger levels and the reload interval are rendered into the console files', () => {
    const { manifests } = session({
      logging: { rootLevel: LogLevel.WARN, loggers: { 'org.apache.flink.runtime.checkpoint': LogLevel.DEBUG }, reloadInterval: Duration.seconds(10) },
    });
    const cm = find(manifests, 'ConfigMap', `flink-config-${ID}`);
    const log4j = cm.data['log4j-console.properties'];
    expect(log4j).toContain('monitorInterval = 10\n');
    expect(log4j).toContain('rootLogger.level = WARN\n');
    expect(log4j).toContain('logger.l7.name = org.apache.flink.runtime.checkpoint\nlogger.l7.level = DEBUG\n');
    expect(cm.data['logback-console.xml']).toContain('<configuration scan="true" scanPeriod="10 seconds">');
    expect(cm.data['logback-console.xml']).toContain('<logger name="org.apache.flink.runtime.checkpoint" level="DEBUG"/>');
    expect(cm.data['logback-console.xml']).toContain('<root level="WARN">');
  });

  test('by default the root level follows ROOT_LOG_LEVEL, else INFO (Flink 1.19+), reloaded every 30 s', () => {
    const log4j = find(session({}).manifests, 'ConfigMap', `flink-config-${ID}`).data['log4j-console.properties'];
    expect(log4j).toContain('rootLogger.level = ${env:ROOT_LOG_LEVEL:-INFO}\n');
    expect(log4j).toContain('monitorInterval = 30\n');
  });

  test('a level for a logger Flink\'s defaults set replaces it: each logger once (Log4j keeps one of two)', () => {
    const log4j = find(session({ logging: { loggers: { 'org.apache.hadoop': LogLevel.DEBUG } } }).manifests, 'ConfigMap', `flink-config-${ID}`).data['log4j-console.properties'];
    expect(log4j.match(/name = org\.apache\.hadoop\n/g)).toHaveLength(1);
    expect(log4j).toContain('logger.l3.name = org.apache.hadoop\nlogger.l3.level = DEBUG\n');
  });

  test('a replacement file is shipped as given', () => {
    const cm = find(session({ logConfigFiles: { 'log4j-console.properties': 'rootLogger.level = INFO\n' } }).manifests, 'ConfigMap', `flink-config-${ID}`);
    expect(cm.data['log4j-console.properties']).toBe('rootLogger.level = INFO\n');
  });

  test('fails on levels together with a replaced console file', () => {
    expect(() => session({ logging: { rootLevel: LogLevel.DEBUG }, logConfigFiles: { 'log4j-console.properties': 'x' } }))
      .toThrow("'logging' and 'logConfigFiles' both set the JobManager and TaskManager logging (log4j-console.properties)");
  });

  test('taskManager.idleTimeout is resourcemanager.taskmanager-timeout in milliseconds', () => {
    expect(shippedConfig(session({ taskManager: { idleTimeout: Duration.hours(1) } }).manifests, ID)['resourcemanager.taskmanager-timeout']).toBe('3600000');
  });
});

describe('high availability (reference §1.2, §2.2, §6.4)', () => {
  test('HighAvailability.kubernetes: version keys, cluster id and port, no internal Service, standby JobManagers, RBAC', () => {
    for (const [version, typeKey] of [[FlinkVersion.V1_16, 'high-availability'], [FlinkVersion.V1_20, 'high-availability.type']] as const) {
      const { manifests } = session({ highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink/ha' }), plugins: [FlinkPlugin.S3_PRESTO], jobManager: { replicas: 2 } }, version);
      const conf = shippedConfig(manifests, ID);
      expect(conf[typeKey]).toBe('kubernetes');
      expect(conf['high-availability.storageDir']).toBe('s3://flink/ha');
      expect(conf['high-availability.cluster-id']).toBe(ID);
      expect(conf['high-availability.jobmanager.port']).toBe('6123');
      expect(find(manifests, 'Deployment', ID).spec.replicas).toBe(2);
      expect(manifests.filter(m => m.kind === 'Service').map(m => m.metadata.name)).toStrictEqual([`${ID}-rest`]);
      expect(find(manifests, 'Role', `${ID}-taskmanager`).rules).toStrictEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]);
    }
  });

  test('HighAvailability.zookeeper: quorum and root path; no ConfigMap rights', () => {
    const { manifests } = session({ image: 'registry.example.com/flink-hadoop:1.20.4', highAvailability: HighAvailability.zookeeper({ storageDir: 'hdfs:///flink/ha', quorum: 'zk:2181', rootPath: '/flink-prod' }) });
    const conf = shippedConfig(manifests, ID);
    expect([conf['high-availability.type'], conf['high-availability.zookeeper.quorum'], conf['high-availability.zookeeper.path.root']])
      .toStrictEqual(['zookeeper', 'zk:2181', '/flink-prod']);
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules).toHaveLength(2);
    expect(manifests.filter(m => m.metadata.name === `${ID}-taskmanager` && m.kind === 'Role')).toHaveLength(0);
  });

  test('fails on HA without a storage dir, and on the option set both ways', () => {
    expect(() => HighAvailability.kubernetes({ storageDir: '' })).toThrow("HighAvailability.kubernetes(): 'storageDir' is required");
    expect(() => HighAvailability.zookeeper({ storageDir: 's3://x', quorum: '' })).toThrow("HighAvailability.zookeeper(): 'quorum' is required");
    expect(() => session({ highAvailability: HighAvailability.kubernetes({ storageDir: 's3://a' }), flinkConfiguration: { 'high-availability.storageDir': 's3://b' } }))
      .toThrow('which highAvailability.storageDir already sets');
  });

  test('fails on standby JobManagers without HA', () => {
    expect(() => session({ jobManager: { replicas: 3 } })).toThrow('standby JobManagers need high availability');
  });
});

describe('REST exposure', () => {
  test('a LoadBalancer with source ranges', () => {
    const svc = find(session({ restService: { exposedType: RestServiceExposedType.LOAD_BALANCER, loadBalancerSourceRanges: ['10.0.0.0/8'] } }).manifests, 'Service', `${ID}-rest`);
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.spec.loadBalancerSourceRanges).toStrictEqual(['10.0.0.0/8']);
  });

  test('a NodePort with the acknowledgement', () => {
    const svc = find(session({ restService: { exposedType: RestServiceExposedType.NODE_PORT, allowExternalAccess: true } }).manifests, 'Service', `${ID}-rest`);
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.loadBalancerSourceRanges).toBeUndefined();
  });

  test('labels (2.2+), winning over Flink\'s on the same key', () => {
    const svc = find(session({ restService: { labels: { team: 'data' } } }, FlinkVersion.V2_2).manifests, 'Service', `${ID}-rest`);
    expect(svc.metadata.labels).toStrictEqual({ type: 'flink-native-kubernetes', app: ID, team: 'data' });
    expect(() => session({ restService: { labels: { team: 'data' } } }, FlinkVersion.V2_1))
      .toThrow("'restService.labels' needs Flink 2.2 or later (kubernetes.rest-service.labels (FLINK-37478)); this cluster runs 2.1");
  });

  test('fails on a public exposure without the opt-in, typed or raw', () => {
    expect(() => session({ restService: { exposedType: RestServiceExposedType.LOAD_BALANCER } }))
      .toThrow("restService.exposedType is 'LoadBalancer': a LoadBalancer Service exposes Flink's REST API, which runs any job submitted to it, beyond the Kubernetes cluster; set 'restService.loadBalancerSourceRanges'");
    expect(() => session({ flinkConfiguration: { 'kubernetes.rest-service.exposed.type': 'NodePort' } }))
      .toThrow("flinkConfiguration['kubernetes.rest-service.exposed.type'] is 'NodePort': a NodePort Service exposes Flink's REST API");
    expect(() => session({ restService: { loadBalancerSourceRanges: ['10.0.0.0/8'] } }))
      .toThrow("'restService.loadBalancerSourceRanges' applies to a LoadBalancer Service only; the REST Service is ClusterIP");
  });
});

describe('scheduling, metadata and client tuning', () => {
  test('owner references, host network, entrypoint args', () => {
    const { manifests } = session({
      hostNetwork: true,
      podSecurity: PodSecurityStandard.PRIVILEGED,
      jobManager: { ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'FlinkTenant', name: 't', uid: 'u-1', controller: true }], entrypointArgs: '-Dfoo=bar' },
      taskManager: { entrypointArgs: '-Dbaz=qux' },
    });
    const deployment = find(manifests, 'Deployment', ID);
    expect(deployment.metadata.ownerReferences).toStrictEqual([{ apiVersion: 'example.com/v1', kind: 'FlinkTenant', name: 't', uid: 'u-1', controller: true }]);
    expect(deployment.spec.template.spec.hostNetwork).toBe(true);
    expect(mainContainer(deployment).args[2]).toBe('kubernetes-jobmanager.sh kubernetes-session -Dfoo=bar');
    expect(shippedConfig(manifests, ID)['kubernetes.taskmanager.entrypoint.args']).toBe('-Dbaz=qux');
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules).toContainEqual({ apiGroups: [''], resources: ['services'], verbs: ['get', 'update'] });
  });

  test('kubernetesClient.maxConcurrentRequests sets the env and the system property of Flink\'s documentation', () => {
    const { manifests } = session({ kubernetesClient: { maxConcurrentRequests: 200 } });
    expect(mainContainer(find(manifests, 'Deployment', ID)).env[0]).toStrictEqual({ name: 'KUBERNETES_MAX_CONCURRENT_REQUESTS', value: '200' });
    expect(shippedConfig(manifests, ID)['env.java.opts.jobmanager']).toBe('-Dkubernetes.max.concurrent.requests=200');
  });

  test('hadoopConfigMap mounts an existing ConfigMap; the 1.17+ decorator switches', () => {
    const { manifests } = session(c => ({
      hadoopConfigMap: kplus.ConfigMap.fromConfigMapName(c, 'h', 'hadoop-conf'),
      decorators: { kerberosMount: false },
    }));
    expect(find(manifests, 'Deployment', ID).spec.template.spec.volumes[1]).toStrictEqual({ name: 'hadoop-config-volume', configMap: { name: 'hadoop-conf' } });
    expect(shippedConfig(manifests, ID)['kubernetes.decorator.kerberos-mount.enabled']).toBe('false');
    expect(() => session({ decorators: { hadoopConfMount: false } }, FlinkVersion.V1_16))
      .toThrow("'decorators.hadoopConfMount' needs Flink 1.17 or later");
  });

  test('facts for composition', () => {
    const c = chart();
    const app = new FlinkApplicationCluster(c, 'app', { version: FlinkVersion.V2_1, clusterId: 'facts', job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/j.jar') } });
    expect([app.restServiceName, app.restPort, app.restUrl, app.configMapName, app.jobManagerServiceAccount.name, app.taskManagerServiceAccount.name])
      .toStrictEqual(['facts-rest', 8081, 'http://facts-rest.flink:8081', 'flink-config-facts', 'facts-jobmanager', 'facts-taskmanager']);
  });
});

describe('review findings: inputs the API server or Flink would reject', () => {
  test('fails on Secrets whose volume or mount path collides, or whose volume name is not a DNS label', () => {
    expect(() => session(c => ({ secrets: [{ secret: secret(c, 'flink-config'), mountPath: '/opt/x' }] })))
      .toThrow("the volume of Secret 'flink-config' would be 'flink-config-volume', which is Flink's own; rename the Secret");
    expect(() => session(c => ({ secrets: [{ secret: secret(c, 'a'), mountPath: '/opt/flink/conf' }] })))
      .toThrow("the mount path '/opt/flink/conf' of Secret 'a' is already used (by Flink or another Secret)");
    expect(() => session(c => ({ secrets: [{ secret: secret(c, 'a'), mountPath: '/s' }, { secret: secret(c, 'b'), mountPath: '/s' }] })))
      .toThrow("the mount path '/s' of Secret 'b' is already used");
    expect(() => session({ flinkConfiguration: { 'kubernetes.secrets': 'db.creds:/opt/db' } }))
      .toThrow("Flink names the volume of Secret 'db.creds' 'db.creds-volume', which must be a DNS-1123 label");
  });

  test('fails on secret env vars Flink sets itself, invalid or repeated', () => {
    expect(() => session(c => ({ secretEnv: [{ name: '_POD_IP_ADDRESS', secret: secret(c, 's'), key: 'k' }] })))
      .toThrow('Flink sets the environment variable _POD_IP_ADDRESS itself; choose another name');
    expect(() => session(c => ({ secretEnv: [{ name: 'A', secret: secret(c, 's'), key: 'k' }, { name: 'A', secret: secret(c, 't'), key: 'k' }] })))
      .toThrow('the environment variable A is set twice');
  });

  test('maxConcurrentRequests joins JVM options given in flinkConfiguration', () => {
    const conf = shippedConfig(session({ kubernetesClient: { maxConcurrentRequests: 100 }, flinkConfiguration: { 'env.java.opts.jobmanager': '-XX:+UseG1GC' } }).manifests, ID);
    expect(conf['env.java.opts.jobmanager']).toBe('-XX:+UseG1GC -Dkubernetes.max.concurrent.requests=100');
  });

  test('fails on a Hadoop ConfigMap with the Hadoop decorator off', () => {
    expect(() => session(c => ({ hadoopConfigMap: kplus.ConfigMap.fromConfigMapName(c, 'h', 'hc'), decorators: { hadoopConfMount: false } })))
      .toThrow("hadoopConfigMap is 'hc': the Hadoop decorator is off");
  });

  test('fails on application args that would turn the job into a PyFlink job (PackagedProgramUtils.isPython)', () => {
    const c = chart();
    expect(() => new FlinkApplicationCluster(c, 'app', { version: FlinkVersion.V1_20, job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/j.jar'), args: ['--python', 'x'] } }))
      .toThrow("'job.args' contains '--python', which makes Flink run the application as a PyFlink job");
  });

  test('fails on jar paths Java\'s URI parser rejects', () => {
    expect(() => JobArtifact.fromImage('/opt/flink/usrlib/my job.jar')).toThrow('expected the absolute path of a jar in the image');
    expect(() => JobArtifact.fromImage('/opt/flink/usrlib/job#1.jar')).toThrow('expected the absolute path of a jar in the image');
  });

  test('user.artifacts.* on 1.19/1.20 use the legacy encodings of flink-conf.yaml', () => {
    const c = chart();
    new FlinkApplicationCluster(c, 'app', {
      version: FlinkVersion.V1_19,
      clusterId: ID,
      job: {
        artifact: JobArtifact.fromUrl('s3://b/job.jar'),
        additionalArtifacts: [JobArtifact.fromUrl('s3://b/a;b.jar')],
        artifactHttpHeaders: { Authorization: 'Basic a:b' },
      },
      allowCredentialsInConfigMap: true,
    });
    const conf = shippedConfig(synth(c), ID);
    expect(conf['pipeline.jars']).toBe('\'s3://b/job.jar\'');
    expect(conf['user.artifacts.artifact-list']).toBe('\'s3://b/a;b.jar\'');
    expect(conf['user.artifacts.http-headers']).toBe('\'Authorization:\'\'Basic a:b\'\'\'');
  });
});
