import { DeploymentMode } from '../../deployment-mode';
import { ResolvedCluster } from '../model';
import { commonLabels, jobManagerSelector, Json, nonEmpty } from '../pod';

/** Whether the cluster has the internal Service (below). */
export function hasInternalService(cluster: { mode: DeploymentMode; highAvailability: boolean }): boolean {
  return cluster.mode === DeploymentMode.STANDALONE || !cluster.highAvailability;
}

/**
 * Mirrors `D/InternalServiceDecorator` and `HeadlessClusterIPService.buildUpInternalService`
 * (reference §1.2): headless Service `<clusterId>` for RPC and blobs, natively only without high
 * availability. A standalone cluster always has it, as the Flink operator's standalone mode does
 * (`StandaloneKubernetesJobManagerParameters.isInternalServiceEnabled`, standalone reference §7): with high
 * availability TaskManagers find the leader through the HA services, and the Service keeps the shared
 * `jobmanager.rpc.address` (and `rest.address`, which falls back to it) resolvable for anything else.
 */
export function internalService(cluster: ResolvedCluster): Json | undefined {
  if (!hasInternalService(cluster)) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: cluster.clusterId,
      namespace: cluster.namespace,
      // 2.2+: common labels first, then the user's, so the user's win (FLINK-37478)
      labels: { ...commonLabels(cluster), ...cluster.internalServiceLabels },
      annotations: nonEmpty(cluster.internalServiceAnnotations),
    },
    spec: {
      clusterIP: 'None',
      selector: jobManagerSelector(cluster),
      ports: [
        { name: 'jobmanager-rpc', port: cluster.rpcPort },
        { name: 'blobserver', port: cluster.blobPort },
      ],
    },
  };
}
