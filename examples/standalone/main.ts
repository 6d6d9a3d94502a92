// Standalone mode: the scenarios of Flink's "Kubernetes Setup" (standalone) documentation, each with what its
// hand-written YAML forgets done for you.
//
// 1. Session cluster: flink-configuration-configmap.yaml, jobmanager-service.yaml,
//    jobmanager-session-deployment-non-ha.yaml, taskmanager-session-deployment.yaml, jobmanager-rest-service.yaml.
// 2. Highly available application cluster: jobmanager-application-ha.yaml with its service account, and
//    taskmanager-job-deployment.yaml — with the JobManagers' pod IP passed as `-D jobmanager.rpc.address=…`
//    (the documentation's `--host` no longer parses on Flink 2.x), and the TaskManagers' service account.
// 3. Reactive mode with an autoscaler: flink-reactive-mode-configuration-configmap.yaml, scaled by a
//    HorizontalPodAutoscaler.
// 4. Local recovery: taskmanager-session-deployment as a StatefulSet with a volume per TaskManager.
import { App, Chart, Size } from 'cdk8s';
import {
  DeploymentMode, FlinkApplicationCluster, FlinkPlugin, FlinkSessionCluster, FlinkVersion, HighAvailability, JobArtifact,
  UpgradeMode,
} from '../../lib';

const app = new App();

const session = new Chart(app, 'session', { namespace: 'flink' });
new FlinkSessionCluster(session, 'session', {
  version: FlinkVersion.V1_20,
  mode: DeploymentMode.STANDALONE,
  clusterId: 'flink-session',
  taskManager: { replicas: 2, taskSlots: 2 },
  flinkConfiguration: { 'parallelism.default': '2' },
});

// the job is built into the image: FROM flink:2.2.1-scala_2.12, COPY job.jar /opt/flink/usrlib/job.jar
const ha = new Chart(app, 'ha-application', { namespace: 'streaming' });
new FlinkApplicationCluster(ha, 'application', {
  version: FlinkVersion.V2_2,
  mode: DeploymentMode.STANDALONE,
  clusterId: 'orders',
  image: 'registry.example.com/orders-job:2.2.1',
  jobManager: { replicas: 2 },
  taskManager: { replicas: 3, taskSlots: 2, memory: Size.gibibytes(4) },
  highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink/ha' }),
  // HA metadata and checkpoints live on S3: the image's S3 file system, linked into plugins/ at start
  plugins: [FlinkPlugin.S3_PRESTO],
  job: {
    artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'),
    entryClass: 'com.example.Orders',
    args: ['--window', '5m'],
    parallelism: 6,
    // a changed job (new image, arguments, parallelism) gets a fresh job graph that restores the latest checkpoint
    upgradeMode: UpgradeMode.LAST_STATE,
  },
  flinkConfiguration: {
    'restart-strategy.type': 'fixed-delay',
    'restart-strategy.fixed-delay.attempts': '10',
    'execution.checkpointing.interval': '1 min',
    'execution.checkpointing.dir': 's3://flink/checkpoints',
  },
});

// reactive mode uses every TaskManager there is; the autoscaler adds them when the CPU is busy
const reactive = new Chart(app, 'reactive-autoscaling', { namespace: 'streaming' });
new FlinkApplicationCluster(reactive, 'application', {
  version: FlinkVersion.V1_20,
  mode: DeploymentMode.STANDALONE,
  clusterId: 'clicks',
  image: 'registry.example.com/clicks-job:1.20.4',
  taskManager: { cpu: 1, autoscaling: { minReplicas: 1, maxReplicas: 10, targetCpuUtilization: 60 } },
  plugins: [FlinkPlugin.S3_PRESTO],
  job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/clicks.jar'), reactiveMode: true },
  flinkConfiguration: {
    // reactive mode rescales by restarting from the latest checkpoint, and fails the job without a restart strategy
    'execution.checkpointing.interval': '10 s',
    'execution.checkpointing.dir': 's3://flink/checkpoints/clicks',
    'pipeline.max-parallelism': '10',
  },
});

// a TaskManager restarted on its volume recovers its state locally instead of downloading it
const localRecovery = new Chart(app, 'local-recovery', { namespace: 'flink' });
new FlinkSessionCluster(localRecovery, 'session', {
  version: FlinkVersion.V1_20,
  mode: DeploymentMode.STANDALONE,
  clusterId: 'stateful',
  taskManager: { replicas: 2, localRecovery: { storage: Size.gibibytes(50), storageClassName: 'standard-rwo' } },
  flinkConfiguration: { 'execution.checkpointing.dir': 's3://flink/checkpoints/stateful' },
  plugins: [FlinkPlugin.S3_PRESTO],
});

app.synth();
