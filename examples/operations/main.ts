// Day-2 operations: what a team running Flink in production adds around a cluster.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { FlinkIngress, FlinkSessionCluster, FlinkVersion, IngressController } from '../../lib';

const app = new App();

// The web UI and REST API on their own host, with TLS: https://flink.example.com/ → Service ui-host-rest:8081.
// The REST Service stays ClusterIP; the Ingress is the only way in.
const host = new Chart(app, 'ui-ingress', { namespace: 'flink' });
const hostCluster = new FlinkSessionCluster(host, 'session', { version: FlinkVersion.V1_20, clusterId: 'ui-host' });
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
const pathCluster = new FlinkSessionCluster(path, 'session', { version: FlinkVersion.V2_1, clusterId: 'ui-path' });
new FlinkIngress(path, 'ui', {
  cluster: pathCluster,
  host: 'tools.example.com',
  path: '/flink/ui-path',
  controller: IngressController.NGINX,
  className: 'nginx',
});

app.synth();
