// The scenarios of Flink's "Native Kubernetes" documentation, each as typed options instead of -D flags.
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  FlinkPlugin, FlinkSessionCluster, FlinkVersion, HighAvailability, LogLevel, RestServiceExposedType,
} from '../../lib';

const app = new App();

// S3 for checkpoints and savepoints: -Dcontainerized.master.env.ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-presto-1.20.4.jar
// -Dcontainerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-presto-1.20.4.jar
const s3 = new Chart(app, 's3-plugin', { namespace: 'flink' });
new FlinkSessionCluster(s3, 'session', {
  version: FlinkVersion.V1_20,
  clusterId: 's3-checkpoints',
  plugins: [FlinkPlugin.S3_PRESTO],
  flinkConfiguration: {
    'execution.checkpointing.dir': 's3://flink/checkpoints',
    'execution.checkpointing.savepoint-dir': 's3://flink/savepoints',
  },
});

// Secrets as files (-Dkubernetes.secrets=db-credentials:/opt/secrets/db) and as environment variables
// (-Dkubernetes.env.secretKeyRef=env:DB_PASSWORD,secret:db-credentials,key:password)
const secrets = new Chart(app, 'secrets', { namespace: 'flink' });
const credentials = kplus.Secret.fromSecretName(secrets, 'credentials', 'db-credentials');
new FlinkSessionCluster(secrets, 'session', {
  version: FlinkVersion.V1_20,
  clusterId: 'with-secrets',
  secrets: [{ secret: credentials, mountPath: '/opt/secrets/db' }],
  secretEnv: [{ name: 'DB_PASSWORD', secret: credentials, key: 'password' }],
  logging: { loggers: { 'org.apache.flink.connector.jdbc': LogLevel.DEBUG } },
});

// High availability with a standby JobManager:
// -Dhigh-availability.type=kubernetes -Dhigh-availability.storageDir=s3://flink/ha -Dkubernetes.jobmanager.replicas=2
const ha = new Chart(app, 'high-availability', { namespace: 'flink' });
new FlinkSessionCluster(ha, 'session', {
  version: FlinkVersion.V2_1,
  clusterId: 'ha-session',
  highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink/ha' }),
  jobManager: { replicas: 2, memory: Size.mebibytes(2048) },
  plugins: [FlinkPlugin.S3_PRESTO],
  taskManager: { idleTimeout: Duration.minutes(10) },
});

// The web UI on a load balancer reachable from the office network only:
// -Dkubernetes.rest-service.exposed.type=LoadBalancer
const ui = new Chart(app, 'load-balancer', { namespace: 'flink' });
new FlinkSessionCluster(ui, 'session', {
  version: FlinkVersion.V1_20,
  clusterId: 'public-ui',
  restService: {
    exposedType: RestServiceExposedType.LOAD_BALANCER,
    loadBalancerSourceRanges: ['203.0.113.0/24'],
    annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' },
  },
});

app.synth();
