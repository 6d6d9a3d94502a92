// Day-2 operations: what a team running Flink in production adds around a cluster.
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  FlinkApplicationCluster, FlinkIngress, FlinkPlugin, FlinkSessionCluster, FlinkVersion, HighAvailability, IngressController, JobArtifact,
  UpgradeMode, WorkloadIdentity,
} from '../../lib';

const app = new App();

// The ingress controller's pods, which the clusters' NetworkPolicies must let reach the REST port.
const ingressController = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } };

// The web UI and REST API on their own host, with TLS: https://flink.example.com/ → Service ui-host-rest:8081.
// The REST Service stays ClusterIP; the Ingress is the only way in.
const host = new Chart(app, 'ui-ingress', { namespace: 'flink' });
const hostCluster = new FlinkSessionCluster(host, 'session', {
  version: FlinkVersion.V1_20,
  clusterId: 'ui-host',
  networkPolicy: { restPeers: [ingressController] },
});
new FlinkIngress(host, 'ui', {
  cluster: hostCluster,
  host: 'flink.example.com',
  className: 'nginx',
  tlsSecret: kplus.Secret.fromSecretName(host, 'tls', 'flink-example-com-tls'),
});

// Several clusters under one host, by path: https://tools.example.com/flink/ui-path/ → Service ui-path-rest:8081
// with the prefix stripped; https://tools.example.com/flink/ui-path (no slash) redirects there, as Flink's UI
// loads everything relative to its page.
const path = new Chart(app, 'ui-ingress-path', { namespace: 'flink' });
const pathCluster = new FlinkSessionCluster(path, 'session', {
  version: FlinkVersion.V2_1,
  clusterId: 'ui-path',
  networkPolicy: { restPeers: [ingressController] },
});
new FlinkIngress(path, 'ui', {
  cluster: pathCluster,
  host: 'tools.example.com',
  path: '/flink/ui-path',
  controller: IngressController.NGINX,
  className: 'nginx',
});

// Metrics: Flink's Prometheus reporter (in every official image) on port 9249 of every JobManager and TaskManager,
// a PodMonitor for kube-prometheus-stack, and the NetworkPolicies opening that port to Prometheus' namespace only.
const metrics = new Chart(app, 'metrics', { namespace: 'flink' });
new FlinkSessionCluster(metrics, 'session', {
  version: FlinkVersion.V1_20,
  clusterId: 'metrics',
  prometheus: {},
  podMonitor: { labels: { release: 'kube-prometheus-stack' }, interval: Duration.seconds(30) },
  networkPolicy: {
    metricsPeers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
  },
});

// A production application cluster on EKS: Kubernetes HA with a standby JobManager and a PodDisruptionBudget that
// lets a node drain take one JobManager at a time; S3 through IRSA (the created service accounts carry the role,
// no keys anywhere); upgrades by the latest checkpoint.
const production = new Chart(app, 'ha-production', { namespace: 'streaming' });
new FlinkApplicationCluster(production, 'application', {
  version: FlinkVersion.V2_1,
  clusterId: 'orders',
  image: 'registry.example.com/orders:v2.3.0',
  highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink-state/ha' }),
  plugins: [FlinkPlugin.S3_PRESTO],
  workloadIdentity: WorkloadIdentity.fromAwsIamRole('arn:aws:iam::111122223333:role/flink-orders'),
  jobManager: { replicas: 2, disruptionBudget: {} },
  taskManager: { memory: Size.gibibytes(4), taskSlots: 2 },
  prometheus: {},
  job: {
    artifact: JobArtifact.fromImage('/opt/flink/usrlib/orders.jar'),
    entryClass: 'com.example.Orders',
    parallelism: 4,
    upgradeMode: UpgradeMode.LAST_STATE,
  },
  flinkConfiguration: {
    'execution.checkpointing.interval': '1 min',
    'execution.checkpointing.dir': 's3://flink-state/checkpoints',
  },
});

app.synth();
