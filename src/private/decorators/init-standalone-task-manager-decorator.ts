import { ResolvedCluster } from '../model';
import { keyOf, Options } from '../options';
import { FlinkPod, Json, nonEmpty, resourceRequirements, taskManagerSelector } from '../pod';

/**
 * The standalone TaskManager pod, as the Flink Kubernetes operator's `InitStandaloneTaskManagerDecorator`
 * builds it from Flink's own TaskManager parameters: service account, labels (Flink's selector wins),
 * annotations, pull secrets, node selector and tolerations merged with the template; the main container's
 * name, image, pull policy and resources overwritten (`KubernetesUtils.getResourceRequirements`, as Flink's
 * native decorator sizes TaskManager pods), and its `taskmanager-rpc` port and environment appended.
 */
export function initStandaloneTaskManager(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  const tm = cluster.taskManager;
  const env: Json[] = [
    ...tm.env.map(([name, value]) => ({ name, value })),
    ...(cluster.logDir !== undefined ? [{ name: 'FLINK_LOG_DIR', value: cluster.logDir }] : []),
  ];
  return {
    metadata: {
      ...pod.metadata,
      labels: { ...pod.metadata.labels, ...tm.labels, ...taskManagerSelector(cluster) },
      annotations: nonEmpty({ ...pod.metadata.annotations, ...tm.annotations }),
    },
    spec: {
      ...pod.spec,
      serviceAccount: tm.serviceAccount,
      serviceAccountName: tm.serviceAccount,
      imagePullSecrets: nonEmpty([...(pod.spec.imagePullSecrets ?? []), ...cluster.imagePullSecrets.map(name => ({ name }))]),
      nodeSelector: nonEmpty({ ...pod.spec.nodeSelector, ...tm.nodeSelector }),
      tolerations: nonEmpty([...(pod.spec.tolerations ?? []), ...tm.tolerations]),
    },
    mainContainer: {
      ...pod.mainContainer,
      // resolveUserDefinedValue, as the JobManager resolves them for its TaskManagers: the option when set
      // explicitly (the image is shipped unless the TaskManagers' template names one), else their template's
      image: cluster.config.get(keyOf(Options.CONTAINER_IMAGE, cluster.version.ordinal)) ?? pod.mainContainer.image,
      imagePullPolicy: cluster.config.isExplicit(keyOf(Options.IMAGE_PULL_POLICY, cluster.version.ordinal))
        ? cluster.imagePullPolicy
        : pod.mainContainer.imagePullPolicy ?? 'IfNotPresent',
      resources: resourceRequirements(tm, pod.mainContainer.resources),
      ports: [...(pod.mainContainer.ports ?? []), { name: 'taskmanager-rpc', containerPort: tm.rpcPort }],
      env: nonEmpty([...(pod.mainContainer.env ?? []), ...env]),
    },
  };
}

