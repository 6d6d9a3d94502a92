import { ApiObject, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as YAML from 'yaml';
import { chart, find, mainContainer, shippedConfig, synth } from './util';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkSessionCluster, FlinkSessionClusterProps, FlinkVersion, FlinkPlugin, HighAvailability,
  PodSecurityStandard, JobArtifact,
  PodTemplate, WorkloadIdentity,
} from '../src';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateObject } = require('../scripts/k8s-schemas');

// Day-2 operations: the Prometheus reporter and its PodMonitor, PodDisruptionBudgets, cloud identities on the
// created service accounts, and the facts other constructs compose with.

const ID = 'c';
const NS = 'analytics';
const FACTORY = 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory';
const K8S_HA = HighAvailability.kubernetes({ storageDir: 's3://bucket/ha' });
// HA storage on S3 needs the official image's S3 plugin (state directories are checked against the plugins)
const S3 = [FlinkPlugin.S3_PRESTO];
const STANDALONE = DeploymentMode.STANDALONE;
const VERSIONS: Array<[string, FlinkVersion]> = [
  ['1.16', FlinkVersion.V1_16], ['1.17', FlinkVersion.V1_17], ['1.18', FlinkVersion.V1_18], ['1.19', FlinkVersion.V1_19],
  ['1.20', FlinkVersion.V1_20], ['2.0', FlinkVersion.V2_0], ['2.1', FlinkVersion.V2_1], ['2.2', FlinkVersion.V2_2],
];

function session(props: Partial<FlinkSessionClusterProps> = {}, version = FlinkVersion.V1_20) {
  const c = chart(NS);
  const cluster = new FlinkSessionCluster(c, 'session', { version, clusterId: ID, ...props });
  return { cluster, manifests: synth(c) };
}

function build(props: Partial<FlinkSessionClusterProps>, version = FlinkVersion.V1_20) {
  return () => new FlinkSessionCluster(chart(NS), 'session', { version, clusterId: ID, ...props });
}

const jmContainer = (manifests: any[]) => mainContainer(find(manifests, 'Deployment', ID));
const tmContainer = (manifests: any[]) => mainContainer(find(manifests, 'Deployment', `${ID}-taskmanager`));
/** The TaskManager pod template the JobManager reads, as Flink parses the shipped file. */
const tmTemplate = (manifests: any[]) => YAML.parse(find(manifests, 'ConfigMap', `pod-template-${ID}`).data['taskmanager-pod-template.yaml']);
const tmTemplateMain = (manifests: any[]) => tmTemplate(manifests).spec.containers.find((c: any) => c.name === 'flink-main-container');
const metrics = { name: 'metrics', containerPort: 9249 };

describe.each(VERSIONS)('Flink %s: the Prometheus reporter (metric_reporters.md, PrometheusReporterFactory)', (_name, version) => {
  test('prometheus: {} ships the documented factory key, and the port stays the factory\'s default 9249', () => {
    const { cluster, manifests } = session({ prometheus: {} }, version);
    const conf = shippedConfig(manifests, ID);
    expect(conf['metrics.reporter.prom.factory.class']).toBe(FACTORY);
    expect(conf['metrics.reporter.prom.port']).toBeUndefined();
    expect(cluster.metricsPort).toBe(9249);
  });

  test('prometheus.port ships metrics.reporter.prom.port', () => {
    const { cluster, manifests } = session({ prometheus: { port: 9300 } }, version);
    expect(shippedConfig(manifests, ID)['metrics.reporter.prom.port']).toBe('9300');
    expect(cluster.metricsPort).toBe(9300);
  });

  test('native: the port is declared on the JobManager container before Flink\'s own (InitJobManagerDecorator appends rest, jobmanager-rpc, blobserver)', () => {
    const { manifests } = session({ prometheus: {} }, version);
    expect(jmContainer(manifests).ports).toStrictEqual([
      metrics,
      { name: 'rest', containerPort: 8081 },
      { name: 'jobmanager-rpc', containerPort: 6123 },
      { name: 'blobserver', containerPort: 6124 },
    ]);
  });

  test('native: TaskManagers get the port through the shipped pod template, before the taskmanager-rpc port InitTaskManagerDecorator appends', () => {
    const { manifests } = session({ prometheus: {} }, version);
    expect(tmTemplateMain(manifests).ports).toStrictEqual([metrics]);
    expect(shippedConfig(manifests, ID)['kubernetes.pod-template-file.taskmanager']).toBe('/opt/flink/pod-template/taskmanager-pod-template.yaml');
  });

  test('standalone: the port is declared on the JobManager and the TaskManager containers', () => {
    const { manifests } = session({ prometheus: {}, mode: STANDALONE }, version);
    expect(jmContainer(manifests).ports[0]).toStrictEqual(metrics);
    expect(tmContainer(manifests).ports).toStrictEqual([metrics, { name: 'taskmanager-rpc', containerPort: 6122 }]);
  });

  test.each([['native', DeploymentMode.NATIVE], ['standalone', STANDALONE]])('%s: typed props are sugar: prometheus equals its keys in flinkConfiguration, object for object', (_mode, mode) => {
    const typed = session({ mode, prometheus: { port: 9300 } }, version).manifests;
    const raw = session({
      mode,
      flinkConfiguration: { 'metrics.reporter.prom.factory.class': FACTORY, 'metrics.reporter.prom.port': '9300' },
    }, version).manifests;
    expect(typed).toStrictEqual(raw);
  });
});

describe('the Prometheus reporter through flinkConfiguration', () => {
  test('a reporter of another name declares its port too, as Flink starts every factory.class it finds (ReporterSetup)', () => {
    const { cluster, manifests } = session({ flinkConfiguration: { 'metrics.reporter.p8s.factory.class': FACTORY, 'metrics.reporter.p8s.port': '9400' } });
    expect(cluster.metricsPort).toBe(9400);
    expect(jmContainer(manifests).ports[0]).toStrictEqual({ name: 'metrics', containerPort: 9400 });
  });

  test('a reporter metrics.reporters excludes does not start ("Excluding reporter"), so no port is declared', () => {
    const { cluster, manifests } = session({
      flinkConfiguration: { 'metrics.reporter.p8s.factory.class': FACTORY, 'metrics.reporters': 'jmx' },
    });
    expect(cluster.metricsPort).toBeUndefined();
    expect(jmContainer(manifests).ports.map((p: any) => p.name)).toStrictEqual(['rest', 'jobmanager-rpc', 'blobserver']);
  });

  test('other reporters stay the user\'s: no port is declared for them', () => {
    const { cluster, manifests } = session({
      flinkConfiguration: { 'metrics.reporter.jmx.factory.class': 'org.apache.flink.metrics.jmx.JMXReporterFactory' },
    });
    expect(cluster.metricsPort).toBeUndefined();
    expect(manifests.filter(m => m.metadata.name === `pod-template-${ID}`)).toHaveLength(1); // the non-root template only
    expect(tmTemplateMain(manifests).ports).toBeUndefined();
  });

  test('host networking: Flink declares no ports (InitJobManagerDecorator), and a raw reporter, even with a range, is left alone', () => {
    const { cluster, manifests } = session({
      hostNetwork: true,
      podSecurity: PodSecurityStandard.PRIVILEGED,
      flinkConfiguration: { 'metrics.reporter.prom.factory.class': FACTORY, 'metrics.reporter.prom.port': '9250-9260' },
    });
    expect(cluster.metricsPort).toBeUndefined();
    expect(jmContainer(manifests).ports).toBeUndefined();
  });
});

describe('the metrics port and the pod templates', () => {
  test('a TaskManager template\'s own ports come first, the metrics port after them', () => {
    const c = chart(NS);
    const podTemplate = new PodTemplate(c, 'tm', { mainContainer: { ports: [{ name: 'jmx', containerPort: 9010 }] } });
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, prometheus: {}, taskManager: { podTemplate } });
    expect(tmTemplateMain(synth(c)).ports).toStrictEqual([{ name: 'jmx', containerPort: 9010 }, metrics]);
  });

  test('without runAsNonRoot, the shipped TaskManager template carries the metrics port and the token choice alone', () => {
    const { manifests } = session({ prometheus: {}, runAsNonRoot: false });
    expect(tmTemplate(manifests)).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {},
      // TaskManagers call the API only with Kubernetes HA (test/token.test.ts)
      spec: { automountServiceAccountToken: false, containers: [{ name: 'flink-main-container', ports: [metrics] }] },
    });
    expect(jmContainer(manifests).securityContext).toBeUndefined();
  });

  test('without a reporter, the shipped TaskManager template declares no metrics port', () => {
    const { manifests } = session({ runAsNonRoot: false });
    expect(tmTemplate(manifests).spec.containers).toBeUndefined();
  });
});

describe('PodMonitor (monitoring.coreos.com/v1, validated against @kubernetes-models/prometheus-operator 4.4.4)', () => {
  test.each([
    ['native', DeploymentMode.NATIVE, 'flink-native-kubernetes'],
    ['standalone', STANDALONE, 'flink-standalone-kubernetes'],
  ])('%s: scrapes the metrics port of exactly the cluster\'s pods (app and the mode\'s type label), in its namespace', (_mode, mode, type) => {
    const { manifests } = session({ mode, prometheus: {}, podMonitor: { labels: { release: 'kube-prometheus-stack' }, interval: Duration.seconds(30) } });
    const monitor = find(manifests, 'PodMonitor', ID);
    expect(monitor).toStrictEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: ID, namespace: NS, labels: { release: 'kube-prometheus-stack', type, app: ID } },
      spec: {
        selector: { matchLabels: { type, app: ID } },
        podMetricsEndpoints: [{ port: 'metrics', path: '/metrics', interval: '30s' }],
      },
    });
    const selects = (labels: Record<string, string>) => Object.entries(monitor.spec.selector.matchLabels).every(([k, v]) => labels[k] === v);
    // the JobManager pods, and the TaskManager pods: the standalone workload's, or those the JobManager labels
    // with KubernetesTaskManagerParameters.getLabels (the TaskManager selector over kubernetes.taskmanager.labels)
    expect(selects(find(manifests, 'Deployment', ID).spec.template.metadata.labels)).toBe(true);
    const tmLabels = mode === STANDALONE
      ? find(manifests, 'Deployment', `${ID}-taskmanager`).spec.template.metadata.labels
      : { type, app: ID, component: 'taskmanager' };
    expect(selects(tmLabels)).toBe(true);
    // not another cluster's pods in the same namespace
    expect(selects({ type, app: 'other', component: 'jobmanager' })).toBe(false);
  });

  test('without an interval, Prometheus\' own applies', () => {
    const { manifests } = session({ prometheus: {}, podMonitor: {} });
    expect(find(manifests, 'PodMonitor', ID).spec.podMetricsEndpoints).toStrictEqual([{ port: 'metrics', path: '/metrics' }]);
  });

  test('a reporter configured in flinkConfiguration is scraped too', () => {
    const { manifests } = session({ podMonitor: {}, flinkConfiguration: { 'metrics.reporter.prom.factory.class': FACTORY } });
    expect(find(manifests, 'PodMonitor', ID).spec.podMetricsEndpoints[0].port).toBe('metrics');
  });

  test('the schema catches what the Prometheus operator rejects', () => {
    expect(() => validateObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', metadata: { name: 'x' }, spec: { podMetricsEndpoints: [{ interval: '30 s' }] } }))
      .toThrow('data/spec must have required property selector');
  });
});

describe('PodDisruptionBudgets (policy/v1)', () => {
  test('HA JobManagers with a standby: budget <clusterId>-jobmanager over exactly the JobManager Deployment\'s pods', () => {
    const { cluster, manifests } = session({ highAvailability: K8S_HA, plugins: S3, jobManager: { replicas: 2, disruptionBudget: {} } });
    const budget = find(manifests, 'PodDisruptionBudget', `${ID}-jobmanager`);
    expect(budget).toStrictEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: `${ID}-jobmanager`, namespace: NS, labels: { type: 'flink-native-kubernetes', app: ID } },
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: find(manifests, 'Deployment', ID).spec.selector.matchLabels },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });
    expect(cluster.jobManagerDisruptionBudget?.name).toBe(`${ID}-jobmanager`);
    expect(cluster.taskManagerDisruptionBudget).toBeUndefined();
  });

  test('maxUnavailable below the JobManager count', () => {
    const { manifests } = session({ highAvailability: K8S_HA, plugins: S3, jobManager: { replicas: 3, disruptionBudget: { maxUnavailable: 2 } } });
    expect(find(manifests, 'PodDisruptionBudget', `${ID}-jobmanager`).spec.maxUnavailable).toBe(2);
  });

  test('standalone TaskManagers: budget <clusterId>-taskmanager over exactly the TaskManager workload\'s pods', () => {
    const { manifests } = session({ mode: STANDALONE, taskManager: { replicas: 4, disruptionBudget: { maxUnavailable: 2 } } });
    const budget = find(manifests, 'PodDisruptionBudget', `${ID}-taskmanager`);
    expect(budget.spec).toStrictEqual({
      maxUnavailable: 2,
      selector: { matchLabels: find(manifests, 'Deployment', `${ID}-taskmanager`).spec.selector.matchLabels },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
    expect(budget.spec.selector.matchLabels).toStrictEqual({ type: 'flink-standalone-kubernetes', app: ID, component: 'taskmanager' });
  });

  test('standalone TaskManagers with local recovery (a StatefulSet) and with an autoscaler (bounded by maxReplicas)', () => {
    const c = chart(NS);
    new FlinkApplicationCluster(c, 'app', {
      version: FlinkVersion.V1_20,
      clusterId: ID,
      mode: STANDALONE,
      job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), reactiveMode: true },
      flinkConfiguration: { 'execution.checkpointing.interval': '10 s' },
      taskManager: { autoscaling: { maxReplicas: 5 }, disruptionBudget: {} },
    });
    const manifests = synth(c);
    expect(find(manifests, 'PodDisruptionBudget', `${ID}-taskmanager`).spec.selector.matchLabels)
      .toStrictEqual(find(manifests, 'Deployment', `${ID}-taskmanager`).spec.selector.matchLabels);
  });
});

describe('facts for composition, equal to the emitted selectors', () => {
  test.each([
    ['native', DeploymentMode.NATIVE, 'flink-native-kubernetes'],
    ['standalone', STANDALONE, 'flink-standalone-kubernetes'],
  ])('%s: pod selector labels as plain maps', (_mode, mode, type) => {
    const { cluster, manifests } = session({ mode });
    const jm = find(manifests, 'Deployment', ID);
    expect(cluster.jobManagerPodSelectorLabels).toStrictEqual(jm.spec.selector.matchLabels);
    expect(cluster.jobManagerPodSelectorLabels).toStrictEqual(find(manifests, 'Service', `${ID}-rest`).spec.selector);
    expect(cluster.jobManagerPodSelectorLabels).toStrictEqual(find(manifests, 'Service', ID).spec.selector);
    // native: KubernetesUtils.getTaskManagerSelectors, the labels the JobManager gives its TaskManager pods
    expect(cluster.taskManagerPodSelectorLabels).toStrictEqual(mode === STANDALONE
      ? find(manifests, 'Deployment', `${ID}-taskmanager`).spec.selector.matchLabels
      : { type, app: ID, component: 'taskmanager' });
    expect(cluster.podSelectorLabels).toStrictEqual({ type, app: ID });
    // copies: changing one changes nothing
    cluster.podSelectorLabels.app = 'x';
    expect(cluster.podSelectorLabels.app).toBe(ID);
  });

  test('cdk8s-plus pod selectors, with the cluster\'s namespace, created once', () => {
    const { cluster } = session();
    const config = cluster.jobManagerPods.toPodSelectorConfig();
    expect(config.labelSelector).toBeInstanceOf(kplus.LabelSelector);
    expect(config.labelSelector._toKube()).toStrictEqual({ matchLabels: cluster.jobManagerPodSelectorLabels, matchExpressions: undefined });
    expect(config.namespaces?.names).toStrictEqual([NS]);
    expect(cluster.taskManagerPods.toPodSelectorConfig().labelSelector._toKube().matchLabels).toStrictEqual(cluster.taskManagerPodSelectorLabels);
    expect(cluster.pods.toPodSelectorConfig().labelSelector._toKube().matchLabels).toStrictEqual(cluster.podSelectorLabels);
    expect(cluster.jobManagerPods).toBe(cluster.jobManagerPods);
  });

  test('a cdk8s-plus NetworkPolicy written with the facts selects the cluster\'s pods and names its peers exactly', () => {
    const c = chart(NS);
    const cluster = new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, prometheus: {} });
    new kplus.NetworkPolicy(c, 'jobmanager-rpc', {
      selector: cluster.jobManagerPods,
      ingress: { rules: [{ peer: cluster.taskManagerPods, ports: [kplus.NetworkPolicyPort.tcp(6123)] }] },
    });
    // a policy of the monitoring namespace: the peer still selects the Flink pods in theirs
    new kplus.NetworkPolicy(c, 'scrape', {
      metadata: { namespace: 'monitoring' },
      selector: kplus.Pods.select(c, 'prometheus', { labels: { 'app.kubernetes.io/name': 'prometheus' } }),
      egress: { rules: [{ peer: cluster.pods, ports: [kplus.NetworkPolicyPort.tcp(cluster.metricsPort!)] }] },
    });
    const manifests = Testing.synth(c);
    for (const m of manifests.filter(o => o.kind !== 'NetworkPolicy')) validateObject(m);
    const policies = manifests.filter(m => m.kind === 'NetworkPolicy');
    // the user's policy, beside the cluster's own ingress policies
    const jm = policies.find(p => p.metadata.namespace === NS && ![`${ID}-jobmanager`, `${ID}-taskmanager`].includes(p.metadata.name));
    expect(jm.spec.podSelector).toStrictEqual({ matchLabels: cluster.jobManagerPodSelectorLabels });
    expect(jm.spec.ingress[0].from).toStrictEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': NS } },
      podSelector: { matchLabels: cluster.taskManagerPodSelectorLabels },
    }]);
    const scrape = policies.find(p => p.metadata.namespace === 'monitoring');
    expect(scrape.spec.egress[0]).toStrictEqual({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': NS } }, podSelector: { matchLabels: { type: 'flink-native-kubernetes', app: ID } } }],
      ports: [{ port: 9249, protocol: 'TCP' }],
    });
  });

  test('a PodMonitor and a PodDisruptionBudget written by hand with the facts select what the cluster\'s own would', () => {
    const c = chart(NS);
    const cluster = new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: ID, mode: STANDALONE, prometheus: {}, taskManager: { replicas: 4 } });
    new ApiObject(c, 'taskmanager-monitor', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: `${ID}-taskmanagers`, namespace: cluster.namespace, labels: { release: 'kube-prometheus-stack' } },
      spec: { selector: { matchLabels: cluster.taskManagerPodSelectorLabels }, podMetricsEndpoints: [{ port: 'metrics', path: '/metrics' }] },
    });
    new kplus.k8s.KubePodDisruptionBudget(c, 'taskmanager-budget', {
      metadata: { namespace: cluster.namespace },
      spec: { maxUnavailable: kplus.k8s.IntOrString.fromString('25%'), selector: { matchLabels: cluster.taskManagerPodSelectorLabels } },
    });
    const manifests = synth(c);
    const tmSelector = find(manifests, 'Deployment', `${ID}-taskmanager`).spec.selector.matchLabels;
    expect(find(manifests, 'PodMonitor', `${ID}-taskmanagers`).spec.selector.matchLabels).toStrictEqual(tmSelector);
    expect(manifests.find(m => m.kind === 'PodDisruptionBudget').spec.selector.matchLabels).toStrictEqual(tmSelector);
  });

  test('the REST and metrics ports', () => {
    const { cluster } = session({ prometheus: { port: 9300 }, flinkConfiguration: { 'rest.port': '8082' } });
    expect([cluster.restPort, cluster.metricsPort]).toStrictEqual([8082, 9300]);
    expect(session().cluster.metricsPort).toBeUndefined();
  });
});

describe('cloud identities on the created service accounts', () => {
  const accounts = (manifests: any[]) => [find(manifests, 'ServiceAccount', `${ID}-jobmanager`), find(manifests, 'ServiceAccount', `${ID}-taskmanager`)];

  test('EKS IRSA: eks.amazonaws.com/role-arn on both accounts; the token mounts are unchanged, as the webhook projects its own token (amazon-eks-pod-identity-webhook)', () => {
    const arn = 'arn:aws:iam::111122223333:role/flink';
    const { manifests } = session({ workloadIdentity: WorkloadIdentity.fromAwsIamRole(arn) });
    const [jm, tm] = accounts(manifests);
    expect(jm.metadata.annotations).toStrictEqual({ 'eks.amazonaws.com/role-arn': arn });
    expect(tm.metadata.annotations).toStrictEqual({ 'eks.amazonaws.com/role-arn': arn });
    expect([jm.automountServiceAccountToken, tm.automountServiceAccountToken]).toStrictEqual([true, false]);
  });

  test('GKE Workload Identity Federation: iam.gke.io/gcp-service-account on both accounts', () => {
    const email = 'flink@my-project.iam.gserviceaccount.com';
    const { manifests } = session({ workloadIdentity: WorkloadIdentity.fromGcpServiceAccount(email), mode: STANDALONE });
    for (const account of accounts(manifests)) expect(account.metadata.annotations).toStrictEqual({ 'iam.gke.io/gcp-service-account': email });
  });

  test.each(VERSIONS)('Flink %s, Azure Workload ID: client-id and tenant-id on the accounts, azure.workload.identity/use on the pods through kubernetes.<component>.labels', (_name, version) => {
    const clientId = '00000000-0000-0000-0000-000000000001';
    const tenantId = '00000000-0000-0000-0000-000000000002';
    const { manifests } = session({ workloadIdentity: WorkloadIdentity.fromAzureClientId(clientId, tenantId), taskManager: { labels: { team: 'data' } } }, version);
    for (const account of accounts(manifests)) {
      expect(account.metadata.annotations).toStrictEqual({ 'azure.workload.identity/client-id': clientId, 'azure.workload.identity/tenant-id': tenantId });
    }
    const conf = shippedConfig(manifests, ID);
    expect(conf['kubernetes.jobmanager.labels']).toBe('azure.workload.identity/use:true');
    expect(conf['kubernetes.taskmanager.labels']).toBe('team:data,azure.workload.identity/use:true');
    expect(find(manifests, 'Deployment', ID).spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
  });

  test('Azure on standalone TaskManagers: the label is on their pods', () => {
    const { manifests } = session({ mode: STANDALONE, workloadIdentity: WorkloadIdentity.fromAzureClientId('00000000-0000-0000-0000-000000000001') });
    expect(find(manifests, 'Deployment', `${ID}-taskmanager`).spec.template.metadata.labels['azure.workload.identity/use']).toBe('true');
    expect(accounts(manifests)[0].metadata.annotations).toStrictEqual({ 'azure.workload.identity/client-id': '00000000-0000-0000-0000-000000000001' });
  });

  test('per component: serviceAccountAnnotations and serviceAccountLabels, beside the identity\'s and the cluster\'s', () => {
    const { manifests } = session({
      workloadIdentity: WorkloadIdentity.fromAwsIamRole('arn:aws:iam::111122223333:role/flink'),
      jobManager: { serviceAccountAnnotations: { 'eks.amazonaws.com/sts-regional-endpoints': 'true' }, serviceAccountLabels: { team: 'data' } },
    });
    const [jm, tm] = accounts(manifests);
    expect(jm.metadata.annotations).toStrictEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/flink',
      'eks.amazonaws.com/sts-regional-endpoints': 'true',
    });
    expect(jm.metadata.labels).toStrictEqual({ team: 'data', type: 'flink-native-kubernetes', app: ID });
    expect(tm.metadata.labels).toStrictEqual({ type: 'flink-native-kubernetes', app: ID });
  });

  test('without any, the accounts carry no annotations (existing output unchanged)', () => {
    for (const account of accounts(session().manifests)) expect(account.metadata).not.toHaveProperty('annotations');
  });
});

describe('fails on day-2 options that could not take effect', () => {
  test('fails on a metrics port range or list (PortRange): one port per pod suffices, and the metrics port names one', () => {
    expect(build({ flinkConfiguration: { 'metrics.reporter.prom.factory.class': FACTORY, 'metrics.reporter.prom.port': '9250-9260' } }))
      .toThrow("flinkConfiguration['metrics.reporter.prom.port'] is '9250-9260': the reporter takes the first free port of a range or list (PortRange), but each pod has its own network namespace, so one port always suffices, and the 'metrics' port the pods declare and the PodMonitor scrapes names exactly one; set a single port such as 9249");
    expect(build({ flinkConfiguration: { 'metrics.reporter.prom.factory.class': FACTORY, 'metrics.reporter.prom.port': '0' } }))
      .toThrow("flinkConfiguration['metrics.reporter.prom.port'] is '0': expected a port from 1 to 65535, e.g. 9249");
  });

  test('fails on prometheus.port out of range', () => {
    expect(build({ prometheus: { port: 70000 } })).toThrow("'prometheus.port' is 70000: expected a whole port number from 1 to 65535, e.g. 9249");
  });

  test('fails on prometheus and its key in flinkConfiguration', () => {
    expect(build({ prometheus: { port: 9250 }, flinkConfiguration: { 'metrics.reporter.prom.port': '9251' } }))
      .toThrow("flinkConfiguration['metrics.reporter.prom.port'] sets the Flink option 'metrics.reporter.prom.port', which prometheus.port already sets; set it in one place only");
  });

  test('fails on a metrics port another Flink endpoint of the same pod uses', () => {
    expect(build({ prometheus: { port: 6123 } }))
      .toThrow("prometheus.port is '6123': the JobManager's RPC endpoint (jobmanager.rpc.port) already uses it in the same pod; choose another port, e.g. 9249");
    expect(build({ prometheus: {}, flinkConfiguration: { 'rest.port': '9249' } }))
      .toThrow("the Prometheus reporter 'prom' listens on its default port 9249, but the JobManager's REST endpoint (rest.bind-port) already uses it in the same pod; choose another port and set it as 'metrics.reporter.prom.port'");
  });

  test('fails on prometheus when metrics.reporters does not list it ("Excluding reporter")', () => {
    expect(build({ prometheus: {}, flinkConfiguration: { 'metrics.reporters': 'jmx' } }))
      .toThrow("flinkConfiguration['metrics.reporters'] is 'jmx': Flink starts only the reporters it lists (\"Excluding reporter … not configured in reporter list\"), so the Prometheus reporter 'prom' of 'prometheus' would not start; add 'prom' to it");
  });

  test('fails on two Prometheus reporters: each pod declares one metrics port', () => {
    expect(build({ prometheus: {}, flinkConfiguration: { 'metrics.reporter.p2.factory.class': FACTORY } }))
      .toThrow("flinkConfiguration configures the Prometheus reporters 'p2' and 'prom': each pod declares one 'metrics' port, so configure one Prometheus reporter");
  });

  test('fails on the reflective metrics.reporter.<name>.class, which never starts PrometheusReporter (ReporterSetup.loadViaReflection; 2.x reads factory.class only)', () => {
    expect(build({ flinkConfiguration: { 'metrics.reporter.prom.class': 'org.apache.flink.metrics.prometheus.PrometheusReporter' } }))
      .toThrow("flinkConfiguration['metrics.reporter.prom.class'] is 'org.apache.flink.metrics.prometheus.PrometheusReporter': this key never starts the Prometheus reporter in Flink 1.16–2.2 (1.x instantiates the class by reflection, which PrometheusReporter does not support; 2.x no longer reads '.class'); set 'metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory', or use 'prometheus'");
  });

  test('fails on prometheus or podMonitor with host networking', () => {
    expect(build({ prometheus: {}, hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED }))
      .toThrow("'prometheus' needs the reporter's port declared on the pods, which host networking rules out: the pods share their node's ports, so a fixed port collides when two Flink pods share a node (Flink's documentation suggests a port range there); remove 'hostNetwork', or configure the reporter in 'flinkConfiguration' and scrape the nodes");
    expect(build({ podMonitor: {}, hostNetwork: true, podSecurity: PodSecurityStandard.PRIVILEGED, flinkConfiguration: { 'metrics.reporter.prom.factory.class': FACTORY } }))
      .toThrow("'podMonitor' needs the reporter's port declared on the pods, which host networking rules out");
  });

  test('fails on a podMonitor without a Prometheus reporter', () => {
    expect(build({ podMonitor: {} }))
      .toThrow("'podMonitor' scrapes the Prometheus reporter's 'metrics' port, but no Prometheus reporter runs; set 'prometheus: {}' (or 'metrics.reporter.<name>.factory.class' in flinkConfiguration)");
  });

  test('fails on podMonitor labels that replace the cluster\'s, and on an interval of no whole seconds', () => {
    expect(build({ prometheus: {}, podMonitor: { labels: { app: 'x' } } }))
      .toThrow("'podMonitor.labels' sets app, which every object of the cluster carries as its own label; use other keys (e.g. 'release' for kube-prometheus-stack)");
    expect(build({ prometheus: {}, podMonitor: { interval: Duration.millis(1500) } }))
      .toThrow("'podMonitor.interval' is 1500 ms: expected a whole number of seconds, at least 1, e.g. Duration.seconds(30)");
  });

  test('fails on a pod template that declares the metrics port itself', () => {
    const c = chart(NS);
    const byName = new PodTemplate(c, 'a', { mainContainer: { ports: [{ name: 'metrics', containerPort: 9000 }] } });
    const byNumber = new PodTemplate(c, 'b', { mainContainer: { ports: [{ name: 'prom', containerPort: 9249 }] } });
    expect(() => new FlinkSessionCluster(c, 's1', { version: FlinkVersion.V1_20, clusterId: 'c1', prometheus: {}, podTemplate: byName }))
      .toThrow("PodTemplate 'test/a': the main container declares port 'metrics' (9000), but every JobManager and TaskManager declares the Prometheus reporter's port 9249 as 'metrics' already (the API server refuses two ports of one name); remove it from the template");
    expect(() => new FlinkSessionCluster(c, 's2', { version: FlinkVersion.V1_20, clusterId: 'c2', prometheus: {}, taskManager: { podTemplate: byNumber } }))
      .toThrow("PodTemplate 'test/b': the main container declares port 'prom' (9249)");
  });

  test('fails on a PodDisruptionBudget over a non-HA JobManager, explaining that it could only block drains', () => {
    expect(build({ jobManager: { disruptionBudget: {} } }))
      .toThrow("'jobManager.disruptionBudget' needs high availability: without it there is exactly one JobManager, and a budget over one pod either blocks every node drain or holds back nothing (Kubernetes restarts an evicted JobManager elsewhere, which a drain must be free to do); enable 'highAvailability' with standby JobManagers ('jobManager.replicas' ≥ 2), or remove the budget");
  });

  test('fails on a PodDisruptionBudget over a single HA JobManager', () => {
    expect(build({ highAvailability: K8S_HA, plugins: S3, jobManager: { disruptionBudget: {} } }))
      .toThrow("'jobManager.disruptionBudget' needs standby JobManagers: with 1 JobManager a budget either blocks every node drain or holds back nothing; set 'jobManager.replicas' to 2 or more, so that a drain always leaves a JobManager to take over leadership");
  });

  test('fails on maxUnavailable 0 (blocks every drain) or not below the pod count (holds back nothing)', () => {
    expect(build({ highAvailability: K8S_HA, plugins: S3, jobManager: { replicas: 2, disruptionBudget: { maxUnavailable: 0 } } }))
      .toThrow("'jobManager.disruptionBudget.maxUnavailable' is 0: expected a whole number of at least 1 (0 would block every node drain)");
    expect(build({ highAvailability: K8S_HA, plugins: S3, jobManager: { replicas: 2, disruptionBudget: { maxUnavailable: 2 } } }))
      .toThrow("'jobManager.disruptionBudget.maxUnavailable' is 2, but there are at most 2 JobManagers: the budget would hold back no eviction; set it below 2");
    expect(build({ mode: STANDALONE, taskManager: { disruptionBudget: {} } }))
      .toThrow("'taskManager.disruptionBudget' covers 1 TaskManager: a budget over one pod either blocks every node drain or holds back nothing; run more TaskManagers ('taskManager.replicas'), or remove the budget");
  });

  test('fails on a PodDisruptionBudget over native TaskManagers: the JobManager creates and replaces them', () => {
    expect(build({ taskManager: { disruptionBudget: {} } }))
      .toThrow("'taskManager.disruptionBudget' cannot take effect in native mode: the JobManager creates TaskManager pods itself and replaces evicted ones (KubernetesResourceManagerDriver), and owns them through its Deployment (Fabric8FlinkKubeClient.setOwnerReference), whose replicas, the JobManagers', the disruption controller would count as theirs; use mode: DeploymentMode.STANDALONE, or remove the budget");
  });

  test('fails on a cloud identity for a service account the cluster does not create', () => {
    const c = chart(NS);
    const irsa = WorkloadIdentity.fromAwsIamRole('arn:aws:iam::111122223333:role/flink');
    expect(build({ workloadIdentity: irsa, serviceAccount: kplus.ServiceAccount.fromServiceAccountName(c, 'sa', 'mine') }))
      .toThrow("'workloadIdentity' sets metadata of the service account the cluster creates, but the JobManager runs as 'mine' from 'serviceAccount', which you bring; annotate and label that ServiceAccount yourself (for Azure, also set the pod label 'azure.workload.identity/use: \"true\"' in 'jobManager.labels'), or remove 'serviceAccount'");
    expect(build({ taskManager: { serviceAccountAnnotations: { a: 'b' } }, flinkConfiguration: { 'kubernetes.service-account': 'shared' } }))
      .toThrow("'taskManager.serviceAccountAnnotations' sets metadata of the service account the cluster creates, but the TaskManagers run as 'shared' from flinkConfiguration['kubernetes.service-account'], which you bring");
    const template = new PodTemplate(c, 'tm', { serviceAccount: kplus.ServiceAccount.fromServiceAccountName(c, 'tmsa', 'tm-account') });
    expect(build({ workloadIdentity: irsa, taskManager: { podTemplate: template } }))
      .toThrow("the TaskManagers run as 'tm-account' from PodTemplate 'test/tm', which you bring");
  });

  test('fails on an annotation set twice with different values, and on service-account labels that replace the cluster\'s', () => {
    expect(build({
      workloadIdentity: WorkloadIdentity.fromGcpServiceAccount('flink@p.iam.gserviceaccount.com'),
      taskManager: { serviceAccountAnnotations: { 'iam.gke.io/gcp-service-account': 'other@p.iam.gserviceaccount.com' } },
    })).toThrow("'taskManager.serviceAccountAnnotations' sets 'iam.gke.io/gcp-service-account: other@p.iam.gserviceaccount.com', but 'workloadIdentity' sets 'iam.gke.io/gcp-service-account: flink@p.iam.gserviceaccount.com'; set it in one place only");
    expect(build({ jobManager: { serviceAccountLabels: { type: 'x' } } }))
      .toThrow("'jobManager.serviceAccountLabels' sets type, which every object of the cluster carries as its own label; use other keys");
  });

  test('fails on a pod label that contradicts the Azure identity\'s', () => {
    expect(build({
      workloadIdentity: WorkloadIdentity.fromAzureClientId('00000000-0000-0000-0000-000000000001'),
      jobManager: { labels: { 'azure.workload.identity/use': 'false' } },
    })).toThrow("jobManager.labels sets the pod label 'azure.workload.identity/use: false', but 'workloadIdentity' needs 'azure.workload.identity/use: true' (the webhook mutates only pods that carry it); remove it");
  });

  test('fails on a malformed role ARN, service-account email, client or tenant id', () => {
    expect(() => WorkloadIdentity.fromAwsIamRole('flink')).toThrow("WorkloadIdentity.fromAwsIamRole('flink'): expected an IAM role ARN such as 'arn:aws:iam::111122223333:role/flink'");
    expect(() => WorkloadIdentity.fromGcpServiceAccount('flink')).toThrow("WorkloadIdentity.fromGcpServiceAccount('flink'): expected an IAM service account email such as 'flink@my-project.iam.gserviceaccount.com'");
    expect(() => WorkloadIdentity.fromAzureClientId('x')).toThrow("WorkloadIdentity.fromAzureClientId('x'): expected the identity's client ID, a UUID such as '00000000-0000-0000-0000-000000000000'");
    expect(() => WorkloadIdentity.fromAzureClientId('00000000-0000-0000-0000-000000000001', 'y')).toThrow("WorkloadIdentity.fromAzureClientId(…, 'y'): expected the tenant ID, a UUID");
  });
});
