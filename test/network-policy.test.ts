import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, find, shippedConfig, synth } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkApplicationClusterProps, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion,
  FlinkPlugin, HighAvailability, PodSecurityStandard, JobArtifact, RestServiceExposedType,
} from '../src';

// The ingress NetworkPolicies, proven by evaluating them as Kubernetes does (ingress rules are ORed, a peer's
// selectors ANDed, ports by number): every connection Flink makes between its pods is allowed, nothing else is.

const ID = 'analytics';
const NS = 'flink';
const K8S_HA = HighAvailability.kubernetes({ storageDir: 's3://bucket/ha' });
// HA storage on S3 needs the official image's S3 plugin (state directories are checked against the plugins)
const S3 = [FlinkPlugin.S3_PRESTO];
const ZK_HA = HighAvailability.zookeeper({ storageDir: 's3://bucket/ha', quorum: 'zk:2181' });
const JOB = { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), entryClass: 'com.example.Job' };

function session(props: Partial<FlinkSessionClusterProps> = {}, version = FlinkVersion.V1_20) {
  const c = chart(NS);
  const cluster = new FlinkSessionCluster(c, 'session', { version, clusterId: ID, ...props });
  return { cluster, manifests: synth(c) };
}

function application(props: Partial<FlinkApplicationClusterProps> = {}, version = FlinkVersion.V1_20) {
  const c = chart(NS);
  const cluster = new FlinkApplicationCluster(c, 'app', { version, clusterId: ID, job: JOB, ...props });
  return { cluster, manifests: synth(c) };
}

function fails(build: () => unknown, message: string) {
  expect(build).toThrow(message);
}

/** A pod as a NetworkPolicy sees it. */
interface Pod {
  readonly namespace: string;
  readonly namespaceLabels?: Record<string, string>;
  readonly labels: Record<string, string>;
}

function matches(selector: any, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const ok = e.operator === 'In' ? has && e.values.includes(labels[e.key])
      : e.operator === 'NotIn' ? !has || !e.values.includes(labels[e.key])
        : e.operator === 'Exists' ? has : !has;
    if (!ok) return false;
  }
  return true;
}

function peerAdmits(peer: any, policyNamespace: string, source: Pod): boolean {
  if (peer.ipBlock) return false; // pods are not addressed by IP here
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': source.namespace, ...source.namespaceLabels })
    : source.namespace === policyNamespace;
  return namespaceOk && (peer.podSelector === undefined || matches(peer.podSelector, source.labels));
}

/** Whether `source` may open a TCP connection to `target` on `port` under `policies`. */
function allowed(policies: any[], source: Pod, target: Pod, port: number): boolean {
  const selecting = policies.filter(p => p.metadata.namespace === target.namespace && matches(p.spec.podSelector, target.labels)
    && p.spec.policyTypes.includes('Ingress'));
  if (selecting.length === 0) return true;
  return selecting.some(p => (p.spec.ingress ?? []).some((rule: any) =>
    (rule.ports ?? []).some((rp: any) => rp.protocol === 'TCP' && rp.port === port)
    && (rule.from === undefined || rule.from.some((peer: any) => peerAdmits(peer, p.metadata.namespace, source)))));
}

const policiesOf = (manifests: any[]) => manifests.filter(m => m.kind === 'NetworkPolicy');

/** Every (source, target, port) the policies allow among `sources` × the cluster's pods × `ports`. */
function paths(manifests: any[], mode: DeploymentMode, ports: number[], extra: Record<string, Pod> = {}): string[] {
  const type = mode === DeploymentMode.NATIVE ? 'flink-native-kubernetes' : 'flink-standalone-kubernetes';
  const jm: Pod = { namespace: NS, labels: { type, app: ID, component: 'jobmanager', team: 'data' } };
  const tm: Pod = { namespace: NS, labels: { type, 'app': ID, 'component': 'taskmanager', 'pod-template-hash': 'x' } };
  const sources: Record<string, Pod> = {
    'jobmanager': jm,
    'taskmanager': tm,
    'pod in namespace': { namespace: NS, labels: { app: 'other' } },
    'other cluster\'s taskmanager': { namespace: NS, labels: { type, app: 'other', component: 'taskmanager' } },
    'pod in other namespace': { namespace: 'elsewhere', labels: { type, app: ID, component: 'taskmanager' } },
    ...extra,
  };
  const result: string[] = [];
  for (const [targetName, target] of [['jobmanager', jm], ['taskmanager', tm]] as const) {
    for (const [sourceName, source] of Object.entries(sources)) {
      for (const port of ports) {
        if (allowed(policiesOf(manifests), source, target, port)) result.push(`${sourceName} → ${targetName}:${port}`);
      }
    }
  }
  return result;
}

/** The ports a default cluster uses, and some it does not (queryable state, Prometheus, SSH). */
const PORTS = [6121, 6122, 6123, 6124, 6125, 6126, 8081, 9249, 22];

/** What Flink needs in a default cluster, by port: rpc 6123, blob 6124, rest 8081, TM rpc 6122, data 6121, metric query 6126. */
const DEFAULT_PATHS = [
  'jobmanager → jobmanager:6123', 'jobmanager → jobmanager:6124', 'jobmanager → jobmanager:6126', 'jobmanager → jobmanager:8081',
  'taskmanager → jobmanager:6123', 'taskmanager → jobmanager:6124', 'taskmanager → jobmanager:8081',
  'pod in namespace → jobmanager:8081',
  'other cluster\'s taskmanager → jobmanager:8081',
  'jobmanager → taskmanager:6122', 'jobmanager → taskmanager:6126',
  'taskmanager → taskmanager:6121',
];

describe.each([
  ['native, no HA', DeploymentMode.NATIVE, {}],
  ['native, Kubernetes HA with a standby JobManager', DeploymentMode.NATIVE, { highAvailability: K8S_HA, plugins: S3, jobManager: { replicas: 2 } }],
  ['standalone, no HA', DeploymentMode.STANDALONE, {}],
  ['standalone, Kubernetes HA', DeploymentMode.STANDALONE, { highAvailability: K8S_HA, plugins: S3, jobManager: { replicas: 2 } }],
  ['standalone, local recovery', DeploymentMode.STANDALONE, { taskManager: { localRecovery: { storage: Size.gibibytes(10) } } }],
])('%s: the NetworkPolicies', (_name, mode, props) => {
  const { cluster, manifests } = session({ mode, ...props as Partial<FlinkSessionClusterProps> });

  test('allow exactly the connections Flink makes: TaskManagers → JobManager rpc and blob, JobManagers → each other (standby → leader, and each to itself) on rpc, blob and the metric query service, JobManager → TaskManagers rpc and metric query service, TaskManagers → TaskManagers data; REST from the namespace', () => {
    expect(paths(manifests, mode, PORTS)).toStrictEqual(DEFAULT_PATHS);
  });

  test('two objects <clusterId>-jobmanager and <clusterId>-taskmanager, ingress only, selecting the pods by the labels Flink gives them', () => {
    const type = mode === DeploymentMode.NATIVE ? 'flink-native-kubernetes' : 'flink-standalone-kubernetes';
    const jm = find(manifests, 'NetworkPolicy', `${ID}-jobmanager`);
    const tm = find(manifests, 'NetworkPolicy', `${ID}-taskmanager`);
    for (const [policy, component] of [[jm, 'jobmanager'], [tm, 'taskmanager']]) {
      expect(policy.metadata).toStrictEqual({ name: `${ID}-${component}`, namespace: NS, labels: { type, app: ID } });
      expect(policy.spec.podSelector).toStrictEqual({ matchLabels: { type, app: ID, component } });
      expect(policy.spec.policyTypes).toStrictEqual(['Ingress']);
      expect(policy.spec.egress).toBeUndefined();
    }
    expect(cluster.jobManagerNetworkPolicy!.name).toBe(`${ID}-jobmanager`);
    expect(cluster.taskManagerNetworkPolicy!.name).toBe(`${ID}-taskmanager`);
  });

  test('the workloads\' pods carry the labels the policies select', () => {
    const jmPod = find(manifests, 'Deployment', ID).spec.template.metadata.labels;
    expect(matches(find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.podSelector, jmPod)).toBe(true);
    if (mode === DeploymentMode.STANDALONE) {
      const tmPod = find(manifests, (props as Partial<FlinkSessionClusterProps>).taskManager ? 'StatefulSet' : 'Deployment', `${ID}-taskmanager`).spec.template.metadata.labels;
      expect(matches(find(manifests, 'NetworkPolicy', `${ID}-taskmanager`).spec.podSelector, tmPod)).toBe(true);
    }
  });

  test('the data port and the metric query service port are pinned (Flink picks random ones otherwise)', () => {
    const config = shippedConfig(manifests, ID);
    expect(config['taskmanager.data.port']).toBe('6121');
    expect(config['metrics.internal.query-service.port']).toBe('6126');
  });
});

describe('ports: the ones the processes listen on', () => {
  test('native application cluster: the same rules', () => {
    expect(paths(application().manifests, DeploymentMode.NATIVE, PORTS)).toStrictEqual(DEFAULT_PATHS);
  });

  test('ports set by the user are the ones opened: rest.bind-port (what the REST Service targets), not rest.port', () => {
    const { manifests } = session({
      flinkConfiguration: {
        'jobmanager.rpc.port': '7123',
        'blob.server.port': '7124',
        'rest.port': '9081',
        'rest.bind-port': '7081',
        'taskmanager.rpc.port': '7122',
        'taskmanager.data.port': '7121',
        'metrics.internal.query-service.port': '7126',
      },
    });
    const found = paths(manifests, DeploymentMode.NATIVE, [7121, 7122, 7123, 7124, 7126, 7081, 9081, 6121, 6123, 6126]);
    expect(found).toStrictEqual(DEFAULT_PATHS.map(p => p
      .replace(/:6123$/, ':7123').replace(/:6124$/, ':7124').replace(/:6126$/, ':7126').replace(/:8081$/, ':7081')
      .replace(/:6122$/, ':7122').replace(/:6121$/, ':7121')));
    expect(shippedConfig(manifests, ID)['taskmanager.data.port']).toBe('7121');
  });

  test('bind ports, where set, are what the processes listen on (RpcUtils.createRemoteRpcService, NettyConfig)', () => {
    const { manifests } = session({
      flinkConfiguration: { 'jobmanager.rpc.bind-port': '7123', 'taskmanager.rpc.bind-port': '7122', 'taskmanager.data.bind-port': '7121' },
    });
    const jm = find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress;
    const tm = find(manifests, 'NetworkPolicy', `${ID}-taskmanager`).spec.ingress;
    expect(jm[0].ports.map((p: any) => p.port)).toStrictEqual([7123, 6124]);
    expect(tm.map((r: any) => r.ports.map((p: any) => p.port))).toStrictEqual([[7122, 6126], [7121]]);
  });

  test('ZooKeeper HA: the JobManager\'s RPC service listens on high-availability.jobmanager.port (ClusterEntrypoint.getRPCPortRange)', () => {
    const pinned = session({ highAvailability: ZK_HA, plugins: S3, jobManager: { replicas: 2 } }).manifests;
    expect(find(pinned, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress[0].ports.map((p: any) => p.port)).toStrictEqual([6123, 6124]);
    const own = session({ highAvailability: ZK_HA, plugins: S3, flinkConfiguration: { 'high-availability.jobmanager.port': '7000' } }).manifests;
    expect(find(own, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress[0].ports.map((p: any) => p.port)).toStrictEqual([7000, 6124]);
    // standalone refuses such a port: its Services and liveness probe use jobmanager.rpc.port (test/standalone.test.ts)
  });

  test('Kubernetes HA: the RPC service keeps jobmanager.rpc.port, whatever high-availability.jobmanager.port says', () => {
    const { manifests } = session({ highAvailability: K8S_HA, plugins: S3, flinkConfiguration: { 'high-availability.jobmanager.port': '7000' } });
    expect(find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress[0].ports.map((p: any) => p.port)).toStrictEqual([6123, 6124]);
  });

  test('the random ports are pinned only when needed: native without a policy keeps Flink\'s defaults; standalone pins the data port anyway', () => {
    const off = shippedConfig(session({ networkPolicy: { enabled: false } }).manifests, ID);
    expect(off['taskmanager.data.port']).toBeUndefined();
    expect(off['metrics.internal.query-service.port']).toBeUndefined();
    const hostNetwork = shippedConfig(session({ hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED }).manifests, ID);
    expect(hostNetwork['taskmanager.data.port']).toBeUndefined();
    expect(hostNetwork['metrics.internal.query-service.port']).toBeUndefined();
    const standaloneOff = shippedConfig(session({ mode: DeploymentMode.STANDALONE, networkPolicy: { enabled: false } }).manifests, ID);
    expect(standaloneOff['taskmanager.data.port']).toBe('6121');
    expect(standaloneOff['metrics.internal.query-service.port']).toBeUndefined();
  });
});

describe('the REST port\'s peers', () => {
  const ingressNamespace: kplus.k8s.NetworkPolicyPeer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } };
  const ingressController: Pod = { namespace: 'ingress-nginx', labels: { app: 'controller' } };

  test('named peers replace the namespace: an ingress controller\'s namespace', () => {
    const { manifests } = session({ networkPolicy: { restPeers: [ingressNamespace] } });
    const found = paths(manifests, DeploymentMode.NATIVE, [8081], { 'ingress controller': ingressController });
    expect(found).toStrictEqual(['ingress controller → jobmanager:8081']);
    expect(find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress[2])
      .toStrictEqual({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8081 }] });
  });

  test('selectors and ip blocks are written as given, combined selectors in one peer', () => {
    const peers: kplus.k8s.NetworkPolicyPeer[] = [
      { namespaceSelector: { matchLabels: { team: 'ci' } }, podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['deployer'] }] } },
      { podSelector: { matchExpressions: [{ key: 'debug', operator: 'Exists' }] } },
      { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
      { ipBlock: { cidr: 'fd00::/8' } },
    ];
    const { manifests } = session({ networkPolicy: { restPeers: peers } });
    expect(find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress[2].from).toStrictEqual([
      { namespaceSelector: { matchLabels: { team: 'ci' } }, podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['deployer'] }] } },
      { podSelector: { matchExpressions: [{ key: 'debug', operator: 'Exists' }] } },
      { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
      { ipBlock: { cidr: 'fd00::/8' } },
    ]);
    const ciDeployer: Pod = { namespace: 'ci', namespaceLabels: { team: 'ci' }, labels: { role: 'deployer' } };
    const ciOther: Pod = { namespace: 'ci', namespaceLabels: { team: 'ci' }, labels: { role: 'test' } };
    expect(paths(manifests, DeploymentMode.NATIVE, [8081], { 'ci deployer': ciDeployer, 'ci other': ciOther })).toStrictEqual(['ci deployer → jobmanager:8081']);
  });

  test('an empty list lets no pod reach the REST port, and writes no rule (an empty `from` would admit everyone)', () => {
    const { manifests } = session({ networkPolicy: { restPeers: [] } });
    expect(paths(manifests, DeploymentMode.NATIVE, [8081])).toStrictEqual([]);
    expect(find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress).toHaveLength(2);
  });

  test.each([
    ['NodePort', { exposedType: RestServiceExposedType.NODE_PORT, allowExternalAccess: true }],
    ['LoadBalancer', { exposedType: RestServiceExposedType.LOAD_BALANCER, loadBalancerSourceRanges: ['10.0.0.0/8'] }],
  ])('a %s REST Service: every source, as the Service already admits it beyond the cluster', (_n, restService) => {
    const { manifests } = session({ restService });
    const rule = find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress[2];
    expect(rule).toStrictEqual({ ports: [{ protocol: 'TCP', port: 8081 }] });
    expect(paths(manifests, DeploymentMode.NATIVE, [8081], { outside: ingressController })).toContain('outside → jobmanager:8081');
  });

  test('a headless REST Service is cluster-internal: the namespace', () => {
    const { manifests } = session({ restService: { exposedType: RestServiceExposedType.HEADLESS_CLUSTER_IP } });
    expect(find(manifests, 'NetworkPolicy', `${ID}-jobmanager`).spec.ingress[2].from).toStrictEqual([{ podSelector: {} }]);
  });
});

describe('off', () => {
  test('networkPolicy.enabled: false creates none', () => {
    const { cluster, manifests } = session({ networkPolicy: { enabled: false } });
    expect(policiesOf(manifests)).toStrictEqual([]);
    expect(cluster.jobManagerNetworkPolicy).toBeUndefined();
    expect(cluster.taskManagerNetworkPolicy).toBeUndefined();
  });

  test('host networking: none by default, as no NetworkPolicy applies to host-network pods and Flink binds random ports', () => {
    expect(policiesOf(session({ hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED }).manifests)).toStrictEqual([]);
    expect(policiesOf(session({ podSecurity: PodSecurityStandard.PRIVILEGED, flinkConfiguration: { 'kubernetes.hostnetwork.enabled': 'true' } }).manifests)).toStrictEqual([]);
    const off = session({ hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED, networkPolicy: { enabled: false } });
    expect(policiesOf(off.manifests)).toStrictEqual([]);
  });
});

describe('NetworkPolicy errors: each names the prop, the value and the fix', () => {
  test('fails on a policy asked for with host networking', () => {
    fails(() => session({ hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED, networkPolicy: { enabled: true } }),
      '\'networkPolicy.enabled\' is true, but hostNetwork turns on host networking: no NetworkPolicy applies to host-network pods, and Flink binds them to random ports (KubernetesEntrypointUtils.loadConfiguration); remove \'networkPolicy\', or turn host networking off');
    fails(() => session({ podSecurity: PodSecurityStandard.PRIVILEGED, flinkConfiguration: { 'kubernetes.hostnetwork.enabled': 'true' }, networkPolicy: { restPeers: [] } }),
      '\'networkPolicy.restPeers\' is set, but flinkConfiguration[\'kubernetes.hostnetwork.enabled\'] turns on host networking');
  });

  test('fails on restPeers next to enabled: false, which would be silently dropped', () => {
    fails(() => session({ networkPolicy: { enabled: false, restPeers: [] } }),
      '\'networkPolicy.restPeers\' has no effect with \'networkPolicy.enabled: false\': no NetworkPolicy is created; remove one of them');
  });

  test.each([
    ['taskmanager.data.port', '0'],
    ['metrics.internal.query-service.port', '0'],
    ['metrics.internal.query-service.port', '50100-50200'],
    ['metrics.internal.query-service.port', '50100,50101'],
    ['taskmanager.data.bind-port', '50100-50200'],
    ['jobmanager.rpc.bind-port', '0'],
    ['taskmanager.rpc.bind-port', '70000'],
  ])('fails on %s %s with the policy on: a random port no policy can name', (key, value) => {
    fails(() => session({ flinkConfiguration: { [key]: value } }),
      `flinkConfiguration['${key}'] is '${value}': the NetworkPolicies ('networkPolicy', on by default) open ports by number, but for 0, a list or a range Flink picks a port at random; set one port from 1 to 65535`);
    expect(() => session({ flinkConfiguration: { [key]: value }, networkPolicy: { enabled: false } })).not.toThrow();
  });

  test('fails on the metric query port in a standalone cluster too', () => {
    fails(() => session({ mode: DeploymentMode.STANDALONE, flinkConfiguration: { 'metrics.internal.query-service.port': '0' } }),
      'flinkConfiguration[\'metrics.internal.query-service.port\'] is \'0\': the NetworkPolicies');
  });

  test('fails on two ports of one process that are the same, naming both (the second bind fails at start)', () => {
    fails(() => session({ flinkConfiguration: { 'blob.server.port': '6126' } }),
      'the Flink option \'metrics.internal.query-service.port\' and flinkConfiguration[\'blob.server.port\'] are both 6126: the JobManager would listen twice on one port and fail to start; give one of them another port');
    fails(() => session({ flinkConfiguration: { 'taskmanager.data.port': '6122' } }),
      'flinkConfiguration[\'taskmanager.data.port\'] and the Flink option \'taskmanager.rpc.port\' are both 6122: the TaskManager would listen twice');
  });

  test.each([
    ['an empty peer', {}, '\'networkPolicy.restPeers[0]\' selects nothing, which Kubernetes refuses ("must specify a peer"); set podSelector, namespaceSelector or ipBlock'],
    ['an ipBlock with a selector', { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }, '\'networkPolicy.restPeers[0]\' sets ipBlock and a selector, which Kubernetes refuses'],
    ['a CIDR without a prefix', { ipBlock: { cidr: '10.0.0.1' } }, '\'networkPolicy.restPeers[0].ipBlock.cidr\' is "10.0.0.1": expected a CIDR such as \'10.0.0.0/8\''],
    ['a CIDR prefix out of range', { ipBlock: { cidr: '10.0.0.0/33' } }, '\'networkPolicy.restPeers[0].ipBlock.cidr\' is "10.0.0.0/33"'],
    ['an except outside the CIDR', { ipBlock: { cidr: '10.0.0.0/16', except: ['10.2.0.0/24'] } }, '\'networkPolicy.restPeers[0].ipBlock.except[0]\' is \'10.2.0.0/24\': it must lie strictly inside cidr \'10.0.0.0/16\''],
    ['an except as large as the CIDR', { ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16'] } }, 'it must lie strictly inside cidr'],
    ['an unknown operator', { podSelector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } }, '\'networkPolicy.restPeers[0].podSelector.matchExpressions[0].operator\' is "Equals": expected one of In, NotIn, Exists, DoesNotExist'],
    ['values with Exists', { podSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b'] }] } }, '\'networkPolicy.restPeers[0].podSelector.matchExpressions[0].values\' must be empty for the operator Exists'],
    ['no values with In', { namespaceSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } }, '\'networkPolicy.restPeers[0].namespaceSelector.matchExpressions[0].values\' must not be empty for the operator In'],
    ['a bad label key', { podSelector: { matchLabels: { 'bad key': 'x' } } }, '\'networkPolicy.restPeers[0].podSelector.matchLabels\' has the label key \'bad key\', which Kubernetes refuses'],
    ['a bad label value', { podSelector: { matchLabels: { app: 'not valid!' } } }, '\'networkPolicy.restPeers[0].podSelector.matchLabels[\'app\']\' is "not valid!", which Kubernetes refuses as a label value'],
  ])('fails on %s', (_n, peer, message) => {
    fails(() => session({ networkPolicy: { restPeers: [peer as kplus.k8s.NetworkPolicyPeer] } }), message);
  });

  test('fails on restPeers that is not a list (plain JavaScript)', () => {
    fails(() => session({ networkPolicy: { restPeers: 'ingress' as any } }), '\'networkPolicy.restPeers\' is "ingress": expected an array of kplus.k8s.NetworkPolicyPeer objects');
  });
});
