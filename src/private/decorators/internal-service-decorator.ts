import { ResolvedCluster } from '../model';
import { commonLabels, jobManagerSelector, Json, nonEmpty } from '../pod';

/**
 * Mirrors `D/InternalServiceDecorator` and `HeadlessClusterIPService.buildUpInternalService`
 * (reference §1.2): headless Service `<clusterId>` for RPC and blobs, only without high availability.
 */
export function internalService(cluster: ResolvedCluster): Json | undefined {
  if (cluster.highAvailability) return undefined;
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
