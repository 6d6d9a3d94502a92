// Job upgrades and suspend under GitOps: what to commit, and what each commit does at the JobManager's next start.
//
// 1. A highly available application cluster in UpgradeMode.LAST_STATE: commit a new image, arguments or parallelism,
//    and the JobManager's flink-job-upgrade init container removes the stored job graph before Flink starts; the new
//    main() builds a fresh graph under the same job id, which restores the latest checkpoint.
// 2. The same in UpgradeMode.SAVEPOINT: stop the job with a savepoint (POST /jobs/<jobId>/stop), commit its path
//    together with the change; the changed job starts from it under a new job id. A change without a new savepoint
//    path is refused at JobManager start (the init container says why).
// 3. A suspended cluster: the JobManager Deployment at zero replicas; Flink's HA ConfigMaps and the checkpoints stay,
//    and `suspended: false` resumes the job from its latest checkpoint.
// 4. Without high availability, a stateless job declares that every start begins without state.
import { App, Chart, Size } from 'cdk8s';
import { FlinkApplicationCluster, FlinkPlugin, FlinkVersion, HighAvailability, JobArtifact, UpgradeMode } from '../../lib';

const app = new App();
const ha = HighAvailability.kubernetes({ storageDir: 's3://flink/ha' });
// what every stateful job here checkpoints: a retained checkpoint survives a cancel (for a manual restore)
const checkpointing = {
  'execution.checkpointing.interval': '1 min',
  'execution.checkpointing.dir': 's3://flink/checkpoints',
  'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
};

const lastState = new Chart(app, 'last-state', { namespace: 'streaming' });
new FlinkApplicationCluster(lastState, 'application', {
  version: FlinkVersion.V2_1,
  clusterId: 'orders-enricher',
  image: 'registry.example.com/orders-enricher:v1.4.0',
  highAvailability: ha,
  jobManager: { replicas: 2 },
  taskManager: { memory: Size.gibibytes(4), taskSlots: 2 },
  plugins: [FlinkPlugin.S3_PRESTO],
  job: {
    artifact: JobArtifact.fromImage('/opt/flink/usrlib/orders-enricher.jar'),
    entryClass: 'com.example.OrdersEnricher',
    args: ['--window', '5m'],
    parallelism: 4,
    upgradeMode: UpgradeMode.LAST_STATE,
  },
  flinkConfiguration: checkpointing,
});

const savepoint = new Chart(app, 'savepoint', { namespace: 'streaming' });
new FlinkApplicationCluster(savepoint, 'application', {
  version: FlinkVersion.V1_20,
  clusterId: 'payments',
  image: 'registry.example.com/payments:v3.2.0',
  highAvailability: ha,
  plugins: [FlinkPlugin.S3_PRESTO],
  job: {
    artifact: JobArtifact.fromImage('/opt/flink/usrlib/payments.jar'),
    parallelism: 8,
    upgradeMode: UpgradeMode.SAVEPOINT,
    // the savepoint of the last stop-with-savepoint, committed together with the image v3.2.0
    savepoint: { path: 's3://flink/savepoints/payments/savepoint-7c1d2e-5a9f01b2c3d4' },
  },
  flinkConfiguration: checkpointing,
});

const suspended = new Chart(app, 'suspended', { namespace: 'streaming' });
new FlinkApplicationCluster(suspended, 'application', {
  version: FlinkVersion.V2_1,
  clusterId: 'fraud-scoring',
  image: 'registry.example.com/fraud-scoring:v0.9.3',
  highAvailability: ha,
  plugins: [FlinkPlugin.S3_PRESTO],
  suspended: true,
  job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/fraud-scoring.jar'), upgradeMode: UpgradeMode.LAST_STATE },
  flinkConfiguration: checkpointing,
});

const stateless = new Chart(app, 'stateless', { namespace: 'streaming' });
new FlinkApplicationCluster(stateless, 'application', {
  version: FlinkVersion.V2_1,
  clusterId: 'clickstream-router',
  image: 'registry.example.com/clickstream-router:v2.0.1',
  job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/router.jar'), upgradeMode: UpgradeMode.STATELESS },
});

app.synth();
