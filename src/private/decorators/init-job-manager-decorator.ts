import { ResolvedCluster } from '../model';
import { FlinkPod, jobManagerSelector, Json, nonEmpty, resourceRequirements } from '../pod';

/**
 * Mirrors `D/InitJobManagerDecorator` (reference §1.1): pod metadata, service account, host network,
 * DNS policy, pull secrets, node selector, tolerations, and the main container's image, resources,
 * ports, environment and (1.19+) the user-artifacts volume.
 */
export function initJobManager(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  const jm = cluster.jobManager;
  const labels = { ...jm.labels, ...jobManagerSelector(cluster) };
  const env: Json[] = [
    ...jm.env.map(([name, value]) => ({ name, value })),
    { name: '_POD_IP_ADDRESS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    ...(cluster.logDir !== undefined ? [{ name: 'FLINK_LOG_DIR', value: cluster.logDir }] : []),
  ];
  const ports: Json[] = [
    { name: 'rest', containerPort: cluster.restPort },
    { name: 'jobmanager-rpc', containerPort: cluster.rpcPort },
    { name: 'blobserver', containerPort: cluster.blobPort },
  ];
  const userArtifacts = cluster.userArtifactsDir !== undefined;
  return {
    metadata: {
      ...pod.metadata,
      labels: { ...pod.metadata.labels, ...labels },
      annotations: nonEmpty({ ...pod.metadata.annotations, ...jm.annotations }),
    },
    spec: {
      ...pod.spec,
      serviceAccount: jm.serviceAccount,
      serviceAccountName: jm.serviceAccount,
      hostNetwork: cluster.hostNetwork,
      // KubernetesUtils.resolveDNSPolicy
      dnsPolicy: cluster.hostNetwork ? 'ClusterFirstWithHostNet' : (pod.spec.dnsPolicy ?? 'ClusterFirst'),
      imagePullSecrets: nonEmpty([...(pod.spec.imagePullSecrets ?? []), ...cluster.imagePullSecrets.map(name => ({ name }))]),
      nodeSelector: nonEmpty({ ...pod.spec.nodeSelector, ...jm.nodeSelector }),
      tolerations: nonEmpty([...(pod.spec.tolerations ?? []), ...jm.tolerations]),
      volumes: nonEmpty([...(pod.spec.volumes ?? []), ...(userArtifacts ? [{ name: 'user-artifacts-volume', emptyDir: {} }] : [])]),
    },
    mainContainer: {
      ...pod.mainContainer,
      image: cluster.image,
      imagePullPolicy: cluster.imagePullPolicy,
      resources: resourceRequirements(jm, pod.mainContainer.resources),
      // with host networking Flink adds no ports of its own (InitJobManagerDecorator.getContainerPorts)
      ports: nonEmpty([...(pod.mainContainer.ports ?? []), ...(cluster.hostNetwork ? [] : ports)]),
      env: [...(pod.mainContainer.env ?? []), ...env],
      volumeMounts: nonEmpty([
        ...(pod.mainContainer.volumeMounts ?? []),
        ...(userArtifacts ? [{ name: 'user-artifacts-volume', mountPath: cluster.userArtifactsDir! }] : []),
      ]),
    },
  };
}
