// The session cluster of Flink's "Native Kubernetes" getting-started guide, declared instead of run:
//   ./bin/kubernetes-session.sh -Dkubernetes.cluster-id=my-first-flink-cluster
// and its variant with bigger TaskManagers:
//   ./bin/kubernetes-session.sh -Dkubernetes.cluster-id=my-first-flink-cluster \
//     -Dtaskmanager.memory.process.size=4096m -Dkubernetes.taskmanager.cpu.amount=2 \
//     -Dtaskmanager.numberOfTaskSlots=4 -Dresourcemanager.taskmanager-timeout=3600000
// Each chart is one alternative: apply one of the two files, not both (they share the cluster id). So each is
// an app of its own: one app must not hold two clusters of one id in a namespace (the synth says so).
import { App, Chart, Size } from 'cdk8s';
import { FlinkSessionCluster, FlinkVersion } from '../../lib';

const app = new App();
const gettingStarted = new Chart(app, 'getting-started', { namespace: 'default' });
new FlinkSessionCluster(gettingStarted, 'session', {
  version: FlinkVersion.V1_20,
  clusterId: 'my-first-flink-cluster',
});

app.synth();

const bigger = new App();
const biggerTaskManagers = new Chart(bigger, 'bigger-taskmanagers', { namespace: 'default' });
new FlinkSessionCluster(biggerTaskManagers, 'session', {
  version: FlinkVersion.V1_20,
  clusterId: 'my-first-flink-cluster',
  taskManager: { memory: Size.mebibytes(4096), cpu: 2, taskSlots: 4 },
  // keep idle TaskManagers for an hour, e.g. to read their logs
  flinkConfiguration: { 'resourcemanager.taskmanager-timeout': '3600000' },
});

bigger.synth();
