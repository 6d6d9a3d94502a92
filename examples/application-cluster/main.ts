// Application mode, declared instead of run.
//
// 1. The documentation's case: an image built FROM flink with the job in usrlib,
//      FROM flink
//      RUN mkdir -p $FLINK_HOME/usrlib
//      COPY /path/of/my-flink-job.jar $FLINK_HOME/usrlib/my-flink-job.jar
//    started with
//      ./bin/flink run-application --target kubernetes-application \
//        -Dkubernetes.cluster-id=my-first-application-cluster \
//        -Dkubernetes.container.image.ref=custom-image-name \
//        local:///opt/flink/usrlib/my-flink-job.jar
//
// 2. Flink 2.x fetching the job's jar from a repository at start, restoring from a savepoint, highly available:
//      ./bin/flink run --target kubernetes-application -Dkubernetes.cluster-id=orders-enrichment \
//        -Dhigh-availability.type=kubernetes -Dhigh-availability.storageDir=s3://flink/ha \
//        -c com.example.OrdersEnrichment -p 4 -s s3://flink/savepoints/savepoint-3f2a1b -cm claim \
//        https://repo.example.com/releases/orders-enrichment-1.4.0.jar --window 5m
//    The CLI restores the savepoint once. Kept in Git, a savepoint path without high availability would be
//    restored again at every JobManager start; with high availability a restart resumes from the latest
//    checkpoint, and UpgradeMode.SAVEPOINT restores a savepoint only when the job changes (commit the path of a
//    new savepoint with each change).
import { App, Chart, Size } from 'cdk8s';
import { FlinkApplicationCluster, FlinkVersion, HighAvailability, JobArtifact, RecoveryClaimMode, UpgradeMode } from '../../lib';

const app = new App();

const usrlib = new Chart(app, 'usrlib-image', { namespace: 'default' });
new FlinkApplicationCluster(usrlib, 'application', {
  version: FlinkVersion.V1_20,
  clusterId: 'my-first-application-cluster',
  image: 'custom-image-name',
  job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/my-flink-job.jar') },
});

const remoteJar = new Chart(app, 'remote-jar', { namespace: 'streaming' });
new FlinkApplicationCluster(remoteJar, 'application', {
  version: FlinkVersion.V2_1,
  clusterId: 'orders-enrichment',
  taskManager: { memory: Size.gibibytes(4), taskSlots: 2 },
  highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink/ha' }),
  job: {
    artifact: JobArtifact.fromUrl('https://repo.example.com/releases/orders-enrichment-1.4.0.jar'),
    entryClass: 'com.example.OrdersEnrichment',
    args: ['--window', '5m'],
    parallelism: 4,
    savepoint: { path: 's3://flink/savepoints/savepoint-3f2a1b', claimMode: RecoveryClaimMode.CLAIM },
    upgradeMode: UpgradeMode.SAVEPOINT,
  },
  // the savepoint, the checkpoints (which UpgradeMode.SAVEPOINT keeps the job's state in between upgrades) and the
  // HA storage live on S3: enable the image's S3 file system plugin
  flinkConfiguration: {
    'execution.checkpointing.dir': 's3://flink/checkpoints',
    'containerized.master.env.ENABLE_BUILT_IN_PLUGINS': 'flink-s3-fs-presto-2.1.2.jar',
    'containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS': 'flink-s3-fs-presto-2.1.2.jar',
  },
});

app.synth();
