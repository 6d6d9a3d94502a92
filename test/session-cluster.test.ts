import { ApiObject, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as YAML from 'yaml';
import { chart, find, mainContainer, shippedConfig, synth } from './util';
import { FlinkPlugin, FlinkSessionCluster, FlinkVersion, ImagePullPolicy, PodSecurityStandard, RestServiceExposedType } from '../src';

const ID = 'my-cluster';

function session(version: FlinkVersion, props: Partial<ConstructorParameters<typeof FlinkSessionCluster>[2]> = {}, namespace = 'flink') {
  const c = chart(namespace);
  const cluster = new FlinkSessionCluster(c, 'session', { version, clusterId: ID, ...props });
  return { chart: c, cluster, manifests: synth(c) };
}

describe.each([
  ['1.16', FlinkVersion.V1_16],
  ['1.18', FlinkVersion.V1_18],
  ['1.20', FlinkVersion.V1_20],
  ['2.1', FlinkVersion.V2_1],
])('Flink %s: the objects kubernetes-session.sh creates (reference §1)', (_name, version) => {
  const { manifests } = session(version);
  const deployment = find(manifests, 'Deployment', ID);
  const container = mainContainer(deployment);
  const selector = { type: 'flink-native-kubernetes', app: ID, component: 'jobmanager' };
  const common = { type: 'flink-native-kubernetes', app: ID };

  test('snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('§1.0: every object sets metadata.namespace, equal to kubernetes.namespace', () => {
    for (const m of manifests) expect(m.metadata.namespace).toBe('flink');
    expect(shippedConfig(manifests, ID)['kubernetes.namespace']).toBe('flink');
  });

  test('§1.1: Deployment <clusterId> with the JobManager selector labels', () => {
    expect(deployment.metadata.labels).toStrictEqual(selector);
    expect(deployment.spec.selector).toStrictEqual({ matchLabels: selector });
    expect(deployment.spec.template.metadata.labels).toStrictEqual(selector);
    expect(deployment.spec.replicas).toBe(1);
    // ours: Flink's client sets no strategy, but it never updates a Deployment; a GitOps rollout must not run two
    // JobManagers side by side (job-lifecycle reference §10.2)
    expect(deployment.spec.strategy).toStrictEqual({ type: 'Recreate' });
    expect(deployment.metadata.annotations).toBeUndefined();
    expect(deployment.metadata.ownerReferences).toBeUndefined();
  });

  test('§1.1: pod spec — both service-account fields, hostNetwork false, dnsPolicy ClusterFirst, no restartPolicy', () => {
    const spec = deployment.spec.template.spec;
    expect(spec.serviceAccount).toBe(`${ID}-jobmanager`);
    expect(spec.serviceAccountName).toBe(`${ID}-jobmanager`);
    expect(spec.hostNetwork).toBe(false);
    expect(spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.restartPolicy).toBeUndefined();
    expect(spec.containers.map((c: any) => c.name)).toStrictEqual(['flink-main-container']);
  });

  test('§1.1: main container command, args with the trailing space, image and pull policy', () => {
    expect(container.command).toStrictEqual(['/docker-entrypoint.sh']);
    expect(container.args).toStrictEqual(['bash', '-c', 'kubernetes-jobmanager.sh kubernetes-session ']);
    expect(container.image).toBe(version.defaultImage);
    expect(container.imagePullPolicy).toBe('IfNotPresent');
  });

  test('§1.1: ports rest, jobmanager-rpc, blobserver without protocol', () => {
    expect(container.ports).toStrictEqual([
      { name: 'rest', containerPort: 8081 },
      { name: 'jobmanager-rpc', containerPort: 6123 },
      { name: 'blobserver', containerPort: 6124 },
    ]);
  });

  test('§1.1: _POD_IP_ADDRESS from the downward API', () => {
    expect(container.env).toStrictEqual([
      { name: '_POD_IP_ADDRESS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    ]);
  });

  test('§1.8: resources from jobmanager.memory.process.size 1600m and cpu 1.0', () => {
    expect(container.resources).toStrictEqual({
      requests: { cpu: '1.0', memory: '1600Mi' },
      limits: { cpu: '1.0', memory: '1600Mi' },
    });
  });

  test('§1.1/§1.4/§1.7: volumes and mounts — user-artifacts-volume from 1.19, flink-config-volume with log files then the conf file, pod-template-volume', () => {
    const files = [...version.logConfigFileNames, version.configFileName];
    const volumes = [
      ...(version.isAtLeast(FlinkVersion.V1_19) ? [{ name: 'user-artifacts-volume', emptyDir: {} }] : []),
      { name: 'flink-config-volume', configMap: { name: `flink-config-${ID}`, items: files.map(f => ({ key: f, path: f })) } },
      { name: 'pod-template-volume', configMap: { name: `pod-template-${ID}`, items: [{ key: 'taskmanager-pod-template.yaml', path: 'taskmanager-pod-template.yaml' }] } },
    ];
    const mounts = [
      ...(version.isAtLeast(FlinkVersion.V1_19) ? [{ name: 'user-artifacts-volume', mountPath: '/opt/flink/artifacts' }] : []),
      { name: 'flink-config-volume', mountPath: '/opt/flink/conf' },
      { name: 'pod-template-volume', mountPath: '/opt/flink/pod-template' },
    ];
    expect(deployment.spec.template.spec.volumes).toStrictEqual(volumes);
    expect(container.volumeMounts).toStrictEqual(mounts);
  });

  test('secure by default: the JobManager pod runs as the image\'s non-root flink user, restricted', () => {
    expect(deployment.spec.template.spec.securityContext).toStrictEqual({
      runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, fsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toStrictEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  test('§1.7: TaskManagers get the same through ConfigMap pod-template-<clusterId> and kubernetes.pod-template-file.taskmanager', () => {
    const cm = find(manifests, 'ConfigMap', `pod-template-${ID}`);
    expect(cm.metadata.labels).toStrictEqual(common);
    expect(YAML.parse(cm.data['taskmanager-pod-template.yaml'])).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {},
      spec: {
        // ours: no token without Kubernetes HA, whatever the TaskManagers' account says (Flink keeps the field)
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, fsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{ name: 'flink-main-container', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
      },
    });
    expect(shippedConfig(manifests, ID)['kubernetes.pod-template-file.taskmanager']).toBe('/opt/flink/pod-template/taskmanager-pod-template.yaml');
  });

  test('§1.2: headless internal Service <clusterId> for rpc and blobs', () => {
    const svc = find(manifests, 'Service', ID);
    expect(svc.metadata.labels).toStrictEqual(common);
    expect(svc.metadata.annotations).toBeUndefined();
    expect(svc.spec).toStrictEqual({
      clusterIP: 'None',
      selector,
      ports: [{ name: 'jobmanager-rpc', port: 6123 }, { name: 'blobserver', port: 6124 }],
    });
  });

  test('§1.3: REST Service <clusterId>-rest, ClusterIP, 8081 → 8081', () => {
    const svc = find(manifests, 'Service', `${ID}-rest`);
    expect(svc.metadata.labels).toStrictEqual(common);
    expect(svc.spec).toStrictEqual({
      type: 'ClusterIP',
      selector,
      ports: [{ name: 'rest', port: 8081, targetPort: 8081 }],
    });
  });

  test('§1.4: ConfigMap flink-config-<clusterId> holds the log files and the conf file', () => {
    const cm = find(manifests, 'ConfigMap', `flink-config-${ID}`);
    expect(cm.metadata.labels).toStrictEqual(common);
    expect(Object.keys(cm.data).sort()).toStrictEqual([...version.logConfigFileNames, version.configFileName].sort());
    expect(cm.data['log4j-console.properties']).toContain('${sys:log.file}');
  });

  test('§2.2: the shipped configuration holds the distribution defaults and the keys the client adds', () => {
    const conf = shippedConfig(manifests, ID);
    expect(conf).toMatchObject({
      'kubernetes.cluster-id': ID,
      'kubernetes.namespace': 'flink',
      'execution.target': 'kubernetes-session',
      'internal.cluster.execution-mode': 'NORMAL',
      'kubernetes.internal.jobmanager.entrypoint.class': 'org.apache.flink.kubernetes.entrypoint.KubernetesSessionClusterEntrypoint',
      'jobmanager.rpc.address': `${ID}.flink`,
      'jobmanager.rpc.port': '6123',
      'blob.server.port': '6124',
      'taskmanager.rpc.port': '6122',
      'jobmanager.memory.process.size': '1600m',
      'taskmanager.memory.process.size': '1728m',
      'taskmanager.numberOfTaskSlots': '1',
      'parallelism.default': '1',
      'jobmanager.execution.failover-strategy': 'region',
      'rest.address': 'localhost',
      'kubernetes.jobmanager.service-account': `${ID}-jobmanager`,
      'kubernetes.taskmanager.service-account': `${ID}-taskmanager`,
    });
    const imageKey = version.isAtLeast(FlinkVersion.V1_17) ? 'kubernetes.container.image.ref' : 'kubernetes.container.image';
    expect(conf[imageKey]).toBe(version.defaultImage);
    for (const removed of ['jobmanager.bind-host', 'taskmanager.bind-host', 'taskmanager.host', 'rest.bind-address']) {
      expect(conf[removed]).toBeUndefined();
    }
    if (version.isAtLeast(FlinkVersion.V1_18)) {
      expect(conf['env.java.opts.all']).toContain('--add-opens=java.base/java.util=ALL-UNNAMED');
    } else {
      expect(conf['env.java.opts.all']).toBeUndefined();
    }
  });

  test('§6.4: a JobManager ServiceAccount bound to a namespaced Role with exactly the non-HA rules', () => {
    const sa = find(manifests, 'ServiceAccount', `${ID}-jobmanager`);
    expect(sa.automountServiceAccountToken).toBe(true);
    const role = find(manifests, 'Role', `${ID}-jobmanager`);
    expect(role.rules).toStrictEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'delete'] },
    ]);
    const binding = find(manifests, 'RoleBinding', `${ID}-jobmanager`);
    expect(binding.roleRef).toStrictEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${ID}-jobmanager` });
    expect(binding.subjects).toStrictEqual([{ kind: 'ServiceAccount', name: `${ID}-jobmanager`, namespace: 'flink' }]);
    expect(manifests.filter(m => m.kind === 'ClusterRoleBinding' || m.kind === 'ClusterRole')).toHaveLength(0);
  });

  test('§6.4: TaskManagers get their own ServiceAccount, no API rights and no token', () => {
    const sa = find(manifests, 'ServiceAccount', `${ID}-taskmanager`);
    expect(sa.automountServiceAccountToken).toBe(false);
    expect(manifests.filter(m => m.kind === 'Role' && m.metadata.name === `${ID}-taskmanager`)).toHaveLength(0);
  });
});

describe('file format per version (reference §2.1)', () => {
  test('1.16–1.20 ship flat flink-conf.yaml lines', () => {
    for (const version of [FlinkVersion.V1_16, FlinkVersion.V1_17, FlinkVersion.V1_18, FlinkVersion.V1_19, FlinkVersion.V1_20]) {
      const cm = find(session(version).manifests, 'ConfigMap', `flink-config-${ID}`);
      expect(cm.data['config.yaml']).toBeUndefined();
      expect(cm.data['flink-conf.yaml']).toContain(`kubernetes.cluster-id: ${ID}\n`);
      expect(cm.data['flink-conf.yaml']).toContain('blob.server.port: 6124\n');
    }
  });

  test('2.x ships config.yaml with flat dotted keys and Flink-quoted strings', () => {
    for (const version of [FlinkVersion.V2_0, FlinkVersion.V2_1, FlinkVersion.V2_2]) {
      const cm = find(session(version).manifests, 'ConfigMap', `flink-config-${ID}`);
      expect(cm.data['flink-conf.yaml']).toBeUndefined();
      expect(cm.data['config.yaml']).toContain(`kubernetes.cluster-id: ${ID}\n`);
      expect(cm.data['config.yaml']).toContain('blob.server.port: \'6124\'\n');
    }
  });

  test('keys are written in sorted order', () => {
    const cm = find(session(FlinkVersion.V1_20).manifests, 'ConfigMap', `flink-config-${ID}`);
    const keys = cm.data['flink-conf.yaml'].trim().split('\n').map((l: string) => l.split(': ')[0]);
    expect(keys).toStrictEqual([...keys].sort());
  });

  test('up to 2.0 the two console log files are shipped, from 2.1 all seven (Constants.CONFIG_FILE_NAME_LIST)', () => {
    expect(FlinkVersion.V2_0.logConfigFileNames).toStrictEqual(['logback-console.xml', 'log4j-console.properties']);
    expect(FlinkVersion.V2_1.logConfigFileNames).toHaveLength(7);
  });
});

describe('typed props are sugar over the same Flink options', () => {
  const typed = {
    image: 'registry.example.com/flink:1.20',
    imagePullPolicy: ImagePullPolicy.ALWAYS,
    jobManager: {
      memory: Size.mebibytes(2048),
      cpu: 0.5,
      cpuLimitFactor: 2,
      memoryLimitFactor: 1.5,
      labels: { team: 'data' },
      annotations: { 'prometheus.io/scrape': 'true' },
      nodeSelector: { pool: 'flink' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'flink', effect: 'NoSchedule' }],
    },
    taskManager: {
      memory: Size.gibibytes(4),
      cpu: 2,
      taskSlots: 4,
      cpuLimitFactor: 1.5,
      memoryLimitFactor: 1.2,
      labels: { team: 'data' },
      annotations: { a: 'b' },
      nodeSelector: { pool: 'flink' },
      tolerations: [{ key: 'spot', operator: 'Exists' }],
    },
    restService: { exposedType: RestServiceExposedType.HEADLESS_CLUSTER_IP, annotations: { x: 'y' } },
  };
  const raw = {
    'kubernetes.container.image.ref': 'registry.example.com/flink:1.20',
    'kubernetes.container.image.pull-policy': 'Always',
    'jobmanager.memory.process.size': '2048m',
    'kubernetes.jobmanager.cpu.amount': '0.5',
    'kubernetes.jobmanager.cpu.limit-factor': '2',
    'kubernetes.jobmanager.memory.limit-factor': '1.5',
    'kubernetes.jobmanager.labels': 'team:data',
    'kubernetes.jobmanager.annotations': 'prometheus.io/scrape:true',
    'kubernetes.jobmanager.node-selector': 'pool:flink',
    'kubernetes.jobmanager.tolerations': 'key:dedicated,operator:Equal,value:flink,effect:NoSchedule',
    'taskmanager.memory.process.size': '4096m',
    'kubernetes.taskmanager.cpu.amount': '2',
    'taskmanager.numberOfTaskSlots': '4',
    'kubernetes.taskmanager.cpu.limit-factor': '1.5',
    'kubernetes.taskmanager.memory.limit-factor': '1.2',
    'kubernetes.taskmanager.labels': 'team:data',
    'kubernetes.taskmanager.annotations': 'a:b',
    'kubernetes.taskmanager.node-selector': 'pool:flink',
    'kubernetes.taskmanager.tolerations': 'key:spot,operator:Exists',
    'kubernetes.rest-service.exposed.type': 'Headless_ClusterIP',
    'kubernetes.rest-service.annotations': 'x:y',
  };

  test('the typed props and the same -D options synthesize identical manifests', () => {
    const a = session(FlinkVersion.V1_20, typed).manifests;
    const b = session(FlinkVersion.V1_20, { flinkConfiguration: raw }).manifests;
    expect(a).toStrictEqual(b);
  });

  test('the JobManager Deployment follows them (reference §1.1, §1.8, §2.4)', () => {
    const { manifests } = session(FlinkVersion.V1_20, typed);
    const deployment = find(manifests, 'Deployment', ID);
    const pod = deployment.spec.template;
    const container = mainContainer(deployment);
    expect(container.image).toBe('registry.example.com/flink:1.20');
    expect(container.imagePullPolicy).toBe('Always');
    expect(container.resources).toStrictEqual({
      requests: { cpu: '0.5', memory: '2048Mi' },
      limits: { cpu: '1.0', memory: '3072Mi' },
    });
    // user labels first, then Flink's selector labels
    expect(deployment.metadata.labels).toStrictEqual({ team: 'data', type: 'flink-native-kubernetes', app: ID, component: 'jobmanager' });
    expect(pod.metadata.labels).toStrictEqual(deployment.metadata.labels);
    expect(deployment.metadata.annotations).toStrictEqual({ 'prometheus.io/scrape': 'true' });
    expect(pod.metadata.annotations).toStrictEqual({ 'prometheus.io/scrape': 'true', 'cdk8s-flink.dev/config-hash': expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(pod.spec.nodeSelector).toStrictEqual({ pool: 'flink' });
    expect(pod.spec.tolerations).toStrictEqual([{ key: 'dedicated', operator: 'Equal', value: 'flink', effect: 'NoSchedule' }]);
  });

  test('Headless_ClusterIP is a ClusterIP Service with clusterIP None (ServiceType.buildUpExternalRestService)', () => {
    const svc = find(session(FlinkVersion.V1_20, typed).manifests, 'Service', `${ID}-rest`);
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.clusterIP).toBe('None');
    expect(svc.metadata.annotations).toStrictEqual({ x: 'y' });
  });

  test.each([
    [RestServiceExposedType.NODE_PORT, 'NodePort'],
    [RestServiceExposedType.LOAD_BALANCER, 'LoadBalancer'],
    [RestServiceExposedType.CLUSTER_IP, 'ClusterIP'],
  ])('exposed type %s is Service type %s, with no nodePort', (exposedType, type) => {
    const svc = find(session(FlinkVersion.V1_20, { restService: { exposedType, allowExternalAccess: true } }).manifests, 'Service', `${ID}-rest`);
    expect(svc.spec.type).toBe(type);
    expect(svc.spec.clusterIP).toBeUndefined();
    expect(svc.spec.ports[0].nodePort).toBeUndefined();
  });

  test('TaskManager options are shipped for the JobManager to build TaskManager pods (reference §6.1.5)', () => {
    const conf = shippedConfig(session(FlinkVersion.V1_20, typed).manifests, ID);
    expect(conf).toMatchObject({
      'taskmanager.memory.process.size': '4096m',
      'kubernetes.taskmanager.cpu.amount': '2',
      'taskmanager.numberOfTaskSlots': '4',
      'kubernetes.taskmanager.labels': 'team:data',
      'kubernetes.taskmanager.tolerations': 'key:spot,operator:Exists',
      'kubernetes.container.image.ref': 'registry.example.com/flink:1.20',
    });
  });

  test('1.16 writes the keys it knows: kubernetes.container.image and kubernetes.jobmanager.cpu (FLINK-29372 came in 1.17)', () => {
    const conf = shippedConfig(session(FlinkVersion.V1_16, { image: 'img:1', jobManager: { cpu: 2 }, taskManager: { cpu: 3 } }).manifests, ID);
    expect(conf['kubernetes.container.image']).toBe('img:1');
    expect(conf['kubernetes.jobmanager.cpu']).toBe('2');
    expect(conf['kubernetes.taskmanager.cpu']).toBe('3');
    expect(conf['kubernetes.container.image.ref']).toBeUndefined();
  });

  test('imagePullSecrets become kubernetes.container.image.pull-secrets and the pod\'s imagePullSecrets', () => {
    const c = chart();
    const secrets = [kplus.Secret.fromSecretName(c, 'a', 'regcred'), kplus.Secret.fromSecretName(c, 'b', 'other')];
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, imagePullSecrets: secrets });
    const manifests = synth(c);
    expect(find(manifests, 'Deployment', ID).spec.template.spec.imagePullSecrets).toStrictEqual([{ name: 'regcred' }, { name: 'other' }]);
    expect(shippedConfig(manifests, ID)['kubernetes.container.image.pull-secrets']).toBe('regcred;other');
  });
});

describe('flinkConfiguration shapes the objects as Flink\'s client would (reference §3)', () => {
  test('rest.port and rest.bind-port: container port rest.port, Service port rest.port → target rest.bind-port', () => {
    const { manifests } = session(FlinkVersion.V1_20, { flinkConfiguration: { 'rest.port': '9081', 'rest.bind-port': '9082' } });
    expect(mainContainer(find(manifests, 'Deployment', ID)).ports[0]).toStrictEqual({ name: 'rest', containerPort: 9081 });
    expect(find(manifests, 'Service', `${ID}-rest`).spec.ports).toStrictEqual([{ name: 'rest', port: 9081, targetPort: 9082 }]);
  });

  test('jobmanager.rpc.port and blob.server.port reach the container and the internal Service', () => {
    const { manifests } = session(FlinkVersion.V1_20, { flinkConfiguration: { 'jobmanager.rpc.port': '7123', 'blob.server.port': '7124' } });
    expect(mainContainer(find(manifests, 'Deployment', ID)).ports.slice(1)).toStrictEqual([
      { name: 'jobmanager-rpc', containerPort: 7123 }, { name: 'blobserver', containerPort: 7124 },
    ]);
    expect(find(manifests, 'Service', ID).spec.ports).toStrictEqual([{ name: 'jobmanager-rpc', port: 7123 }, { name: 'blobserver', port: 7124 }]);
  });

  test('unset, the blob and TaskManager RPC ports are shipped as Flink\'s Kubernetes constants (KubernetesUtils.checkAndUpdatePortConfigOption)', () => {
    const conf = shippedConfig(session(FlinkVersion.V1_20).manifests, ID);
    expect([conf['blob.server.port'], conf['taskmanager.rpc.port'], conf['rest.bind-port']]).toStrictEqual(['6124', '6122', undefined]);
  });

  test('with HA, high-availability.jobmanager.port is shipped as jobmanager.rpc.port (KubernetesClusterDescriptor.deployClusterInternal)', () => {
    const conf = shippedConfig(session(FlinkVersion.V1_20, {
      flinkConfiguration: { 'jobmanager.rpc.port': '7123', 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' },
      plugins: [FlinkPlugin.S3_PRESTO],
    }).manifests, ID);
    expect(conf['high-availability.jobmanager.port']).toBe('7123');
  });

  test('containerized.master.env.* become JobManager env vars before _POD_IP_ADDRESS; kubernetes.flink.log.dir sets FLINK_LOG_DIR after it', () => {
    const { manifests } = session(FlinkVersion.V1_20, {
      flinkConfiguration: { 'containerized.master.env.B': '2', 'containerized.master.env.A': '1', 'kubernetes.flink.log.dir': '/var/log/flink' },
    });
    expect(mainContainer(find(manifests, 'Deployment', ID)).env.map((e: any) => e.name)).toStrictEqual(['A', 'B', '_POD_IP_ADDRESS', 'FLINK_LOG_DIR']);
    expect(mainContainer(find(manifests, 'Deployment', ID)).env[3]).toStrictEqual({ name: 'FLINK_LOG_DIR', value: '/var/log/flink' });
  });

  test('kubernetes.jobmanager.entrypoint.args and kubernetes.entry.path shape command and args', () => {
    const { manifests } = session(FlinkVersion.V1_20, { flinkConfiguration: { 'kubernetes.jobmanager.entrypoint.args': '-Dfoo=bar', 'kubernetes.entry.path': '/my-entrypoint.sh' } });
    const container = mainContainer(find(manifests, 'Deployment', ID));
    expect(container.command).toStrictEqual(['/my-entrypoint.sh']);
    expect(container.args).toStrictEqual(['bash', '-c', 'kubernetes-jobmanager.sh kubernetes-session -Dfoo=bar']);
  });

  test('kubernetes.flink.conf.dir moves the config mount', () => {
    const { manifests } = session(FlinkVersion.V1_18, {
      flinkConfiguration: {
        'kubernetes.flink.conf.dir': '/etc/flink',
        'containerized.master.env.FLINK_CONF_DIR': '/etc/flink',
        'containerized.taskmanager.env.FLINK_CONF_DIR': '/etc/flink',
      },
    });
    expect(mainContainer(find(manifests, 'Deployment', ID)).volumeMounts[0]).toStrictEqual({ name: 'flink-config-volume', mountPath: '/etc/flink' });
  });

  test('kubernetes.secrets and kubernetes.env.secretKeyRef mount and expose secrets (Mount/EnvSecretsDecorator)', () => {
    const { manifests } = session(FlinkVersion.V1_18, {
      flinkConfiguration: { 'kubernetes.secrets': 'foo:/opt/secrets-foo,bar:/opt/secrets-bar', 'kubernetes.env.secretKeyRef': 'env:FOO_ENV,secret:foo-secret,key:foo_key' },
    });
    const deployment = find(manifests, 'Deployment', ID);
    expect(deployment.spec.template.spec.volumes.slice(0, 2)).toStrictEqual([
      { name: 'foo-volume', secret: { secretName: 'foo' } }, { name: 'bar-volume', secret: { secretName: 'bar' } },
    ]);
    const container = mainContainer(deployment);
    expect(container.volumeMounts.slice(0, 2)).toStrictEqual([
      { name: 'foo-volume', mountPath: '/opt/secrets-foo' }, { name: 'bar-volume', mountPath: '/opt/secrets-bar' },
    ]);
    expect(container.env[1]).toStrictEqual({ name: 'FOO_ENV', valueFrom: { secretKeyRef: { name: 'foo-secret', key: 'foo_key' } } });
  });

  test('kubernetes.hadoop.conf.config-map.name mounts that ConfigMap without items and sets HADOOP_CONF_DIR (§1.5)', () => {
    const { manifests } = session(FlinkVersion.V1_18, { flinkConfiguration: { 'kubernetes.hadoop.conf.config-map.name': 'my-hadoop' } });
    const deployment = find(manifests, 'Deployment', ID);
    expect(deployment.spec.template.spec.volumes[0]).toStrictEqual({ name: 'hadoop-config-volume', configMap: { name: 'my-hadoop' } });
    expect(mainContainer(deployment).volumeMounts[0]).toStrictEqual({ name: 'hadoop-config-volume', mountPath: '/opt/hadoop/conf' });
    expect(mainContainer(deployment).env[1]).toStrictEqual({ name: 'HADOOP_CONF_DIR', value: '/opt/hadoop/conf' });
  });

  test('kubernetes.hostnetwork.enabled: hostNetwork, ClusterFirstWithHostNet, no container ports, services rights', () => {
    const { manifests } = session(FlinkVersion.V1_20, { flinkConfiguration: { 'kubernetes.hostnetwork.enabled': 'true' }, podSecurity: PodSecurityStandard.PRIVILEGED });
    const deployment = find(manifests, 'Deployment', ID);
    expect(deployment.spec.template.spec.hostNetwork).toBe(true);
    expect(deployment.spec.template.spec.dnsPolicy).toBe('ClusterFirstWithHostNet');
    expect(mainContainer(deployment).ports).toBeUndefined();
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules).toContainEqual({ apiGroups: [''], resources: ['services'], verbs: ['get', 'update'] });
  });

  test('kubernetes.jobmanager.owner.reference sets the Deployment\'s ownerReferences (KubernetesOwnerReference)', () => {
    const { manifests } = session(FlinkVersion.V1_20, {
      flinkConfiguration: { 'kubernetes.jobmanager.owner.reference': 'apiVersion:v1,kind:ConfigMap,name:owner,uid:1234,blockOwnerDeletion:true' },
    });
    expect(find(manifests, 'Deployment', ID).metadata.ownerReferences).toStrictEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '1234', blockOwnerDeletion: true },
    ]);
  });

  test('kubernetes.internal-service.annotations (1.20+) and service labels (2.2+, user labels win)', () => {
    const conf = { 'kubernetes.internal-service.annotations': 'a:b' };
    expect(find(session(FlinkVersion.V1_20, { flinkConfiguration: conf }).manifests, 'Service', ID).metadata.annotations).toStrictEqual({ a: 'b' });
    const labelled = session(FlinkVersion.V2_2, { flinkConfiguration: { 'kubernetes.rest-service.labels': 'team:x,app:mine', 'kubernetes.internal-service.labels': 'team:y' } }).manifests;
    expect(find(labelled, 'Service', `${ID}-rest`).metadata.labels).toStrictEqual({ type: 'flink-native-kubernetes', app: 'mine', team: 'x' });
    expect(find(labelled, 'Service', ID).metadata.labels).toStrictEqual({ type: 'flink-native-kubernetes', app: ID, team: 'y' });
  });

  test('map options are also read from prefixed keys (ConfigurationUtils.convertToPropertiesPrefixed)', () => {
    const { manifests } = session(FlinkVersion.V1_20, { flinkConfiguration: { 'kubernetes.jobmanager.node-selector.pool': 'flink' } });
    expect(find(manifests, 'Deployment', ID).spec.template.spec.nodeSelector).toStrictEqual({ pool: 'flink' });
  });

  test('fails on user labels Flink\'s selector labels would replace (KubernetesJobManagerParameters.getLabels)', () => {
    expect(() => session(FlinkVersion.V1_20, { flinkConfiguration: { 'kubernetes.jobmanager.labels': 'app:other,component:x,team:a' } }))
      .toThrow("flinkConfiguration['kubernetes.jobmanager.labels'] is 'app:other,component:x,team:a': Flink sets the labels app, component itself");
    expect(() => session(FlinkVersion.V1_20, { taskManager: { labels: { type: 'x' } } })).toThrow('taskManager.labels is \'type:x\': Flink sets the labels type itself');
  });

  test('with host networking, ports of a pod template are kept but Flink adds none', () => {
    const { manifests } = session(FlinkVersion.V1_20, { flinkConfiguration: { 'kubernetes.hostnetwork.enabled': 'true' }, podSecurity: PodSecurityStandard.PRIVILEGED });
    expect(mainContainer(find(manifests, 'Deployment', ID)).ports).toBeUndefined();
  });

  test('with high availability: no internal Service, standby JobManagers allowed, HA ConfigMap rights for both components', () => {
    const { manifests } = session(FlinkVersion.V1_20, {
      jobManager: { replicas: 2 },
      flinkConfiguration: { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://bucket/ha' },
      plugins: [FlinkPlugin.S3_PRESTO],
    });
    expect(manifests.filter(m => m.kind === 'Service').map(m => m.metadata.name)).toStrictEqual([`${ID}-rest`]);
    expect(find(manifests, 'Deployment', ID).spec.replicas).toBe(2);
    const conf = shippedConfig(manifests, ID);
    expect(conf['high-availability.cluster-id']).toBe(ID);
    expect(conf['high-availability.jobmanager.port']).toBe('6123');
    expect(conf['jobmanager.rpc.address']).toBe('localhost');
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules).toContainEqual({
      apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch', 'create', 'update', 'delete', 'patch'],
    });
    expect(find(manifests, 'Role', `${ID}-taskmanager`).rules).toStrictEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]);
    expect(find(manifests, 'ServiceAccount', `${ID}-taskmanager`).automountServiceAccountToken).toBe(true);
  });

  test('HA ConfigMap verbs per version: no patch before 1.18 (fabric8 5.12), deletecollection up to 1.18 (label-based cleanup)', () => {
    const rules = (v: FlinkVersion) => find(session(v, {
      flinkConfiguration: { [v.isAtLeast(FlinkVersion.V1_17) ? 'high-availability.type' : 'high-availability']: 'kubernetes', 'high-availability.storageDir': 's3://b/ha' },
      plugins: [FlinkPlugin.S3_PRESTO],
    }).manifests, 'Role', `${ID}-jobmanager`).rules[2].verbs;
    expect(rules(FlinkVersion.V1_16)).toStrictEqual(['get', 'list', 'watch', 'create', 'update', 'delete', 'deletecollection']);
    expect(rules(FlinkVersion.V1_18)).toStrictEqual(['get', 'list', 'watch', 'create', 'update', 'delete', 'patch', 'deletecollection']);
    expect(rules(FlinkVersion.V1_19)).toStrictEqual(['get', 'list', 'watch', 'create', 'update', 'delete', 'patch']);
  });

  test('ZooKeeper HA needs no ConfigMap rights', () => {
    const { manifests } = session(FlinkVersion.V1_20, { image: 'registry.example.com/flink-hadoop:1.20.4', flinkConfiguration: { 'high-availability.type': 'zookeeper', 'high-availability.storageDir': 'hdfs:///ha' } });
    expect(find(manifests, 'Role', `${ID}-jobmanager`).rules).toHaveLength(2);
  });

  test('unknown options pass through verbatim', () => {
    const conf = shippedConfig(session(FlinkVersion.V2_1, { flinkConfiguration: { 'state.backend.type': 'rocksdb' } }).manifests, ID);
    expect(conf['state.backend.type']).toBe('rocksdb');
  });
});

describe('JobManager memory is Flink\'s total process memory (JobManagerProcessUtils)', () => {
  const memory = (conf: Record<string, string>) => mainContainer(find(session(FlinkVersion.V1_20, { flinkConfiguration: conf }).manifests, 'Deployment', ID)).resources.requests.memory;

  test('jobmanager.memory.process.size is the container memory', () => {
    expect(memory({ 'jobmanager.memory.process.size': '2g' })).toBe('2048Mi');
  });

  test('as with -D, the distribution\'s process size stays next to a heap or Flink size (Flink\'s client, 1.20)', () => {
    expect(memory({ 'jobmanager.memory.heap.size': '1000m' })).toBe('1600Mi');
    expect(memory({ 'jobmanager.memory.flink.size': '1100m' })).toBe('1600Mi');
    expect(() => memory({ 'jobmanager.memory.flink.size': '1200m' })).toThrow(
      "flinkConfiguration['jobmanager.memory.flink.size'] (1200m), the distribution's default jobmanager.memory.process.size (1600m), which a -D option does not remove; set the process size instead, or consistently: JobManager memory configuration failed: derived JVM Overhead size (144.000mb (150994944 bytes)) is not in the JVM Overhead range");
  });

  test('jobManager.memory and the same -D key give the same manifests', () => {
    expect(session(FlinkVersion.V1_20, { jobManager: { memory: Size.mebibytes(1024) } }).manifests)
      .toStrictEqual(session(FlinkVersion.V1_20, { flinkConfiguration: { 'jobmanager.memory.process.size': '1024m' } }).manifests);
  });

  test('memory limit factor truncates to whole MiB', () => {
    const c = mainContainer(find(session(FlinkVersion.V1_20, { jobManager: { memory: Size.mebibytes(1001), memoryLimitFactor: 1.5 } }).manifests, 'Deployment', ID));
    expect(c.resources.limits.memory).toBe('1501Mi');
  });

  test('cpu limit keeps Java\'s double printing', () => {
    const c = mainContainer(find(session(FlinkVersion.V1_20, { jobManager: { cpu: 0.1, cpuLimitFactor: 3 } }).manifests, 'Deployment', ID));
    expect(c.resources.limits.cpu).toBe('0.30000000000000004');
    expect(c.resources.requests.cpu).toBe('0.1');
  });
});

describe('runAsNonRoot: false', () => {
  test('leaves the pods as Flink makes them: no securityContext; the TaskManager pod template only keeps the token unmounted', () => {
    const { manifests } = session(FlinkVersion.V1_20, { runAsNonRoot: false });
    const deployment = find(manifests, 'Deployment', ID);
    expect(deployment.spec.template.spec.securityContext).toBeUndefined();
    expect(mainContainer(deployment).securityContext).toBeUndefined();
    expect(deployment.spec.template.spec.volumes.map((v: any) => v.name)).toStrictEqual(['user-artifacts-volume', 'flink-config-volume', 'pod-template-volume']);
    expect(YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']))
      .toStrictEqual({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { automountServiceAccountToken: false } });
    expect(shippedConfig(manifests, ID)['kubernetes.pod-template-file.taskmanager']).toBe('/opt/flink/pod-template/taskmanager-pod-template.yaml');
  });
});

describe('names and namespaces', () => {
  test('the namespace defaults to the chart\'s, else default', () => {
    const noNamespace = new Chart(Testing.app(), 'test');
    new FlinkSessionCluster(noNamespace, 'session', { version: FlinkVersion.V1_20, clusterId: ID });
    const inDefault = synth(noNamespace);
    for (const m of inDefault) expect(m.metadata.namespace).toBe('default');
    expect(shippedConfig(inDefault, ID)['kubernetes.namespace']).toBe('default');
    const explicit = session(FlinkVersion.V1_20, { namespace: 'analytics' });
    for (const m of explicit.manifests) expect(m.metadata.namespace).toBe('analytics');
    expect(shippedConfig(explicit.manifests, ID)['jobmanager.rpc.address']).toBe(`${ID}.analytics`);
  });

  test('the cluster id defaults to a DNS-1035 name derived from the construct path', () => {
    const c = chart();
    const cluster = new FlinkSessionCluster(c, 'Analytics', { version: FlinkVersion.V1_20 });
    expect(cluster.clusterId).toMatch(/^test-analytics-c8[0-9a-f]{6}$/);
    expect(cluster.clusterId.length).toBeLessThanOrEqual(45);
    expect(find(synth(c), 'Deployment', cluster.clusterId)).toBeDefined();
  });

  test('facts for composition', () => {
    const { cluster } = session(FlinkVersion.V1_20, { flinkConfiguration: { 'rest.port': '8082' } });
    expect(cluster.restServiceName).toBe(`${ID}-rest`);
    expect(cluster.restPort).toBe(8082);
    expect(cluster.restUrl).toBe(`http://${ID}-rest.flink:8082`);
    expect(cluster.configMapName).toBe(`flink-config-${ID}`);
    expect(cluster.jobManagerServiceAccount.name).toBe(`${ID}-jobmanager`);
    expect(cluster.taskManagerServiceAccount.name).toBe(`${ID}-taskmanager`);
  });

  test('a service account you bring is used and gets no RBAC of ours', () => {
    const c = chart();
    const sa = kplus.ServiceAccount.fromServiceAccountName(c, 'sa', 'flink-sa');
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, serviceAccount: sa });
    const manifests = synth(c);
    expect(find(manifests, 'Deployment', ID).spec.template.spec.serviceAccountName).toBe('flink-sa');
    expect(shippedConfig(manifests, ID)['kubernetes.jobmanager.service-account']).toBe('flink-sa');
    expect(manifests.filter(m => m.kind === 'Role' || m.kind === 'RoleBinding')).toHaveLength(0);
  });
});

describe('output', () => {
  test('two synths of the same app are byte-identical', () => {
    const build = () => {
      const app = Testing.app();
      const c = new Chart(app, 'c', { namespace: 'flink' });
      new FlinkSessionCluster(c, 'a', { version: FlinkVersion.V2_1, clusterId: 'a', flinkConfiguration: { 'containerized.master.env.Z': '1', 'containerized.master.env.A': '2' } });
      new FlinkSessionCluster(c, 'b', { version: FlinkVersion.V1_18, clusterId: 'b', taskManager: { taskSlots: 2 } });
      return app.synthYaml();
    };
    expect(build()).toBe(build());
  });

  test('escape hatch: a JSON patch on the Deployment appears in the output', () => {
    const { chart: c, cluster } = session(FlinkVersion.V1_20);
    ApiObject.of(cluster.deployment).addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', 3));
    expect(find(synth(c), 'Deployment', ID).spec.revisionHistoryLimit).toBe(3);
  });
});
