import { Construct } from 'constructs';
import * as checker from './prop-types';
import {
  arrayOf, bool, construct, duration, enumOf, instance, k8s, mapOf, named, num, ParamSpec, PropSpec, required, Schemas, size, str,
  struct, StructSchema, Where,
} from './prop-types';
import type { FlinkDeploymentTarget } from '../cluster';
import { ImagePullPolicy, PodSecurityStandard, RestServiceExposedType } from '../cluster-options';
import { DeploymentMode } from '../deployment-mode';
import { RecoveryClaimMode, UpgradeMode } from '../job-options';
import { LogLevel } from '../logging';

/**
 * The type of every prop of every public struct, and of every parameter of every public constructor and method
 * that takes input: one schema per struct, as the jsii assembly has them (`test/prop-types.test.ts` holds the
 * two to each other, so a new prop without an entry here fails the build).
 */

const VERSION = instance('FlinkVersion', 'FlinkVersion.V1_20 or FlinkVersion.of(\'1.20.3\')');
const SECRET = named('ISecret', 'kplus.Secret.fromSecretName(this, \'Id\', \'my-secret\')');
const SERVICE_ACCOUNT = named('IServiceAccount', 'kplus.ServiceAccount.fromServiceAccountName(this, \'Id\', \'flink\')');
const POD_TEMPLATE = instance('PodTemplate', 'new PodTemplate(this, \'Template\', { … })');
const STRINGS = mapOf(str());
const POLICY = enumOf('ImagePullPolicy', ImagePullPolicy);
const ID = required(str('the construct id, a string'));
const SCOPE = required(construct());

// FlinkDeploymentTarget lives in cluster.ts, which imports this module: its values are written out here, and
// the compiler holds them to the enum
const DEPLOYMENT_TARGETS: Record<keyof typeof FlinkDeploymentTarget, `${FlinkDeploymentTarget}`> = {
  SESSION: 'kubernetes-session',
  APPLICATION: 'kubernetes-application',
};

const STRUCTS: Record<string, StructSchema> = {
  FlinkClusterProps: {
    props: {
      version: required(VERSION, 'the configuration file format, the option names and the default image follow it; e.g. FlinkVersion.V1_20'),
      mode: enumOf('DeploymentMode', DeploymentMode),
      clusterId: str('a string, e.g. \'my-flink-cluster\''),
      image: str('an image reference, e.g. \'flink:1.20.3-scala_2.12\''),
      imagePullPolicy: POLICY,
      imagePullSecrets: arrayOf(SECRET),
      namespace: str(),
      jobManager: struct('JobManagerOptions'),
      taskManager: struct('TaskManagerOptions'),
      restService: struct('RestServiceOptions'),
      flinkConfiguration: mapOf(str(undefined, v => `Flink options are strings, as on the command line${
        ['number', 'boolean', 'bigint'].includes(typeof v) ? `; write '${String(v)}'` : '; give the value as a string, or remove the key'}`)),
      serviceAccount: SERVICE_ACCOUNT,
      highAvailability: instance('HighAvailability', 'HighAvailability.kubernetes({ storageDir: \'s3://bucket/flink-ha\' })'),
      secrets: arrayOf(struct('SecretMount')),
      secretEnv: arrayOf(struct('SecretEnvVar')),
      plugins: arrayOf(instance('FlinkPlugin', 'FlinkPlugin.S3_PRESTO')),
      logging: struct('FlinkLoggingOptions'),
      hostNetwork: bool(),
      ownerReferencesPermissionEnforcement: bool(),
      hadoopConfigMap: named('IConfigMap', 'kplus.ConfigMap.fromConfigMapName(this, \'Id\', \'hadoop-conf\')'),
      decorators: struct('KubernetesDecoratorOptions'),
      kubernetesClient: struct('KubernetesClientOptions'),
      podTemplate: POD_TEMPLATE,
      logConfigFiles: STRINGS,
      runAsNonRoot: bool(),
      allowCredentialsInConfigMap: bool(),
      networkPolicy: struct('FlinkNetworkPolicyOptions'),
      prometheus: struct('PrometheusReporterOptions'),
      podMonitor: struct('PodMonitorOptions'),
      workloadIdentity: instance('WorkloadIdentity', 'WorkloadIdentity.fromAwsIamRole(\'arn:aws:iam::111122223333:role/flink\')'),
      podSecurity: enumOf('PodSecurityStandard', PodSecurityStandard),
      suspended: bool(),
    },
  },
  FlinkNetworkPolicyOptions: {
    props: {
      enabled: bool(),
      restPeers: arrayOf(k8s('NetworkPolicyPeer')),
      metricsPeers: arrayOf(k8s('NetworkPolicyPeer')),
    },
  },
  PrometheusReporterOptions: {
    props: { port: num('a port number, e.g. 9249') },
  },
  PodMonitorOptions: {
    props: { labels: STRINGS, interval: duration() },
  },
  DisruptionBudgetOptions: {
    props: { maxUnavailable: num('a whole number of at least 1') },
  },
  FlinkIngressProps: {
    props: {
      cluster: required(instance('FlinkCluster', 'a FlinkSessionCluster or FlinkApplicationCluster')),
      host: str('a DNS name, e.g. \'flink.example.com\''),
      path: str('a path prefix, e.g. \'/flink/my-cluster\''),
      controller: instance('IngressController', 'IngressController.NGINX'),
      className: str('an IngressClass name, e.g. \'nginx\''),
      tlsSecret: SECRET,
      annotations: STRINGS,
      name: str('a name, e.g. \'flink-ui\''),
    },
  },
  FlinkSessionClusterProps: { extends: 'FlinkClusterProps', props: {} },
  FlinkApplicationClusterProps: {
    extends: 'FlinkClusterProps',
    props: { job: required(struct('FlinkJobOptions')) },
  },
  FlinkComponentOptions: {
    props: {
      memory: size('a Size, e.g. Size.mebibytes(1728) or Size.gibibytes(2)'),
      cpu: num('a number of CPU cores, e.g. 0.5 or 2'),
      cpuLimitFactor: num('a number of at least 1'),
      memoryLimitFactor: num('a number of at least 1'),
      labels: STRINGS,
      annotations: STRINGS,
      nodeSelector: STRINGS,
      tolerations: arrayOf(k8s('Toleration')),
      env: STRINGS,
      entrypointArgs: str('a string of arguments, e.g. \'-Dkey=value\''),
      podTemplate: POD_TEMPLATE,
      serviceAccountAnnotations: STRINGS,
      serviceAccountLabels: STRINGS,
      disruptionBudget: struct('DisruptionBudgetOptions'),
    },
  },
  JobManagerOptions: {
    extends: 'FlinkComponentOptions',
    props: {
      replicas: num('a whole number of at least 1'),
      ownerReferences: arrayOf(k8s('OwnerReference')),
    },
  },
  TaskManagerOptions: {
    extends: 'FlinkComponentOptions',
    props: {
      replicas: num('a whole number of at least 1'),
      autoscaling: struct('TaskManagerAutoscalingOptions'),
      localRecovery: struct('TaskManagerLocalRecoveryOptions'),
      taskSlots: num('a whole number of at least 1'),
      serviceAccount: SERVICE_ACCOUNT,
      idleTimeout: duration(),
    },
  },
  TaskManagerAutoscalingOptions: {
    props: {
      minReplicas: num('a whole number of at least 1'),
      maxReplicas: required(num('a whole number of at least 1')),
      targetCpuUtilization: num('a whole percentage, e.g. 80'),
    },
  },
  TaskManagerLocalRecoveryOptions: {
    props: {
      storage: required(size('a Size, e.g. Size.gibibytes(50)')),
      storageClassName: str(),
    },
  },
  RestServiceOptions: {
    props: {
      exposedType: enumOf('RestServiceExposedType', RestServiceExposedType),
      annotations: STRINGS,
      labels: STRINGS,
      loadBalancerSourceRanges: arrayOf(str('a CIDR, e.g. \'10.0.0.0/8\'')),
      allowExternalAccess: bool(),
    },
  },
  SecretMount: {
    props: {
      secret: required(SECRET),
      mountPath: required(str('an absolute path, e.g. \'/opt/secrets/s3\'')),
    },
  },
  SecretEnvVar: {
    props: {
      name: required(str('an environment variable name, e.g. \'AWS_SECRET_ACCESS_KEY\'')),
      secret: required(SECRET),
      key: required(str('the key in the Secret')),
    },
  },
  KubernetesDecoratorOptions: {
    props: { hadoopConfMount: bool(), kerberosMount: bool() },
  },
  KubernetesClientOptions: {
    props: { maxConcurrentRequests: num('a whole number of at least 1') },
  },
  FlinkLoggingOptions: {
    props: {
      rootLevel: enumOf('LogLevel', LogLevel),
      loggers: mapOf(enumOf('LogLevel', LogLevel)),
      reloadInterval: duration(),
    },
  },
  FlinkJobOptions: {
    props: {
      artifact: required(
        instance('JobArtifact', 'JobArtifact.fromImage(\'/opt/flink/usrlib/my-flink-job.jar\')'),
        'a FlinkApplicationCluster runs one application; give its jar, e.g. job: { artifact: JobArtifact.fromImage(\'/opt/flink/usrlib/my-flink-job.jar\') }',
      ),
      entryClass: str('a class name, e.g. \'com.example.Job\''),
      args: arrayOf(str()),
      parallelism: num('a whole number of at least 1'),
      savepoint: struct('SavepointRestoreOptions'),
      additionalArtifacts: arrayOf(instance('JobArtifact', 'JobArtifact.fromUrl(\'s3://bucket/udf.jar\')')),
      artifactHttpHeaders: STRINGS,
      allowRawHttp: bool(),
      shutdownOnFinish: bool(),
      reactiveMode: bool(),
      upgradeMode: enumOf('UpgradeMode', UpgradeMode),
    },
  },
  SavepointRestoreOptions: {
    props: {
      path: required(str('a URI, e.g. \'s3://bucket/savepoints/savepoint-1\'')),
      allowNonRestoredState: bool(),
      claimMode: enumOf('RecoveryClaimMode', RecoveryClaimMode),
      restoreOnEveryStart: bool(),
    },
  },
  KubernetesHighAvailabilityOptions: {
    props: {
      storageDir: required(str(), 'Flink keeps job graphs and checkpoint pointers there (high-availability.storageDir); e.g. \'s3://bucket/flink-ha\''),
    },
  },
  ZooKeeperHighAvailabilityOptions: {
    props: {
      storageDir: required(str(), 'Flink keeps job graphs and checkpoint pointers there (high-availability.storageDir); e.g. \'s3://bucket/flink-ha\''),
      quorum: required(str(), 'the ZooKeeper quorum, e.g. \'zk-0.zk:2181,zk-1.zk:2181\''),
      rootPath: str('a ZooKeeper node, e.g. \'/flink\''),
    },
  },
  RbacBindingProps: {
    props: {
      cluster: required(instance('FlinkCluster', 'a FlinkSessionCluster or FlinkApplicationCluster')),
      jobManagerServiceAccount: SERVICE_ACCOUNT,
      taskManagerServiceAccount: SERVICE_ACCOUNT,
      bindJobManager: bool(),
      bindTaskManager: bool(),
    },
  },
  PodTemplateResources: {
    props: { requests: STRINGS, limits: STRINGS },
  },
  PodTemplateMainContainerOptions: {
    props: {
      image: str(),
      imagePullPolicy: POLICY,
      env: arrayOf(k8s('EnvVar')),
      envFrom: arrayOf(k8s('EnvFromSource')),
      ports: arrayOf(k8s('ContainerPort')),
      volumeMounts: arrayOf(k8s('VolumeMount')),
      resources: struct('PodTemplateResources'),
      securityContext: k8s('SecurityContext'),
      livenessProbe: k8s('Probe'),
      readinessProbe: k8s('Probe'),
      startupProbe: k8s('Probe'),
      lifecycle: k8s('Lifecycle'),
      workingDir: str(),
    },
  },
  PodTemplateProps: {
    props: {
      labels: STRINGS,
      annotations: STRINGS,
      serviceAccount: SERVICE_ACCOUNT,
      nodeSelector: STRINGS,
      tolerations: arrayOf(k8s('Toleration')),
      imagePullSecrets: arrayOf(SECRET),
      affinity: k8s('Affinity'),
      securityContext: k8s('PodSecurityContext'),
      priorityClassName: str(),
      schedulerName: str(),
      dnsPolicy: str(),
      dnsConfig: k8s('PodDnsConfig'),
      hostAliases: arrayOf(k8s('HostAlias')),
      topologySpreadConstraints: arrayOf(k8s('TopologySpreadConstraint')),
      terminationGracePeriod: duration(),
      runtimeClassName: str(),
      volumes: arrayOf(k8s('Volume')),
      initContainers: arrayOf(k8s('Container')),
      sidecars: arrayOf(k8s('Container')),
      mainContainer: struct('PodTemplateMainContainerOptions'),
    },
  },
};

const props = (name: string, isRequired = true): ParamSpec =>
  ({ name: 'props', type: isRequired ? required(struct(name)) : struct(name), inline: true });
const param = (name: string, type: PropSpec): ParamSpec => ({ name, type });

/** Every public constructor and method that takes input, as `<Class>.<method>` (`constructor` for `new`). */
const PARAMETERS: Record<string, ParamSpec[]> = {
  'FlinkCluster.constructor': [param('scope', SCOPE), param('id', ID), props('FlinkClusterProps'),
    param('target', required(enumOf('FlinkDeploymentTarget', DEPLOYMENT_TARGETS)))],
  'FlinkSessionCluster.constructor': [param('scope', SCOPE), param('id', ID), props('FlinkSessionClusterProps')],
  'FlinkApplicationCluster.constructor': [param('scope', SCOPE), param('id', ID), props('FlinkApplicationClusterProps')],
  'PodTemplate.constructor': [param('scope', SCOPE), param('id', ID), props('PodTemplateProps', false)],
  'PodTemplate.fromFile': [param('scope', SCOPE), param('id', ID),
    param('file', required(str('the path of a YAML file, e.g. \'templates/taskmanager.yaml\'')))],
  'RbacBinding.constructor': [param('scope', SCOPE), param('id', ID), props('RbacBindingProps')],
  'FlinkVersion.of': [param('version', required(str('a string such as \'1.20\' or \'1.20.3\'')))],
  'FlinkVersion.isAtLeast': [param('other', required(VERSION))],
  'JobArtifact.fromImage': [param('path', required(str('the absolute path of a jar in the image, e.g. \'/opt/flink/usrlib/my-flink-job.jar\'')))],
  'JobArtifact.fromUrl': [param('url', required(str('a URL such as \'s3://bucket/job.jar\'')))],
  'HighAvailability.kubernetes': [{ name: 'options', type: required(struct('KubernetesHighAvailabilityOptions')), inline: true }],
  'HighAvailability.zookeeper': [{ name: 'options', type: required(struct('ZooKeeperHighAvailabilityOptions')), inline: true }],
  'FlinkPlugin.of': [param('artifactId', required(str('an artifact id such as \'flink-s3-fs-hadoop\'')))],
  'FlinkPlugin.jarFor': [param('version', required(VERSION))],
  'FlinkIngress.constructor': [param('scope', SCOPE), param('id', ID), props('FlinkIngressProps')],
  'WorkloadIdentity.fromAwsIamRole': [param('roleArn', required(str('an IAM role ARN such as \'arn:aws:iam::111122223333:role/flink\'')))],
  'WorkloadIdentity.fromGcpServiceAccount': [param('email', required(str('an IAM service account email such as \'flink@my-project.iam.gserviceaccount.com\'')))],
  'WorkloadIdentity.fromAzureClientId': [
    param('clientId', required(str('a client ID, a UUID'))),
    param('tenantId', str('a tenant ID, a UUID')),
  ],
};

/** The schemas, for the checks and for the test that holds them to the jsii assembly. */
export const SCHEMAS: Schemas = { structs: STRUCTS, parameters: PARAMETERS };

/** Checks the arguments of a public constructor or method on entry (see `PARAMETERS` for the names). */
export function checkArgs(entry: string, args: readonly unknown[], where?: Where): void {
  checker.checkArgs(SCHEMAS, entry, args, where);
}

/** `<Class> '<path>'`, for messages about a construct being created: its scope's path and its id. */
export function constructPath(className: string, scope: unknown, id: unknown): () => string {
  return () => `${className} '${Construct.isConstruct(scope) ? [scope.node.path, id].filter(p => p).join('/') : String(id)}'`;
}

/** Checks one argument of a public constructor or method, by its position. */
export function checkArg(entry: string, index: number, value: unknown, where?: Where): void {
  checker.checkParam(SCHEMAS, PARAMETERS[entry][index], value, where);
}
