import { RestServiceExposedType } from '../../cluster-options';
import { ResolvedCluster } from '../model';
import { commonLabels, jobManagerSelector, Json, nonEmpty } from '../pod';

/** `Constants.FLINK_REST_SERVICE_SUFFIX` */
export function restServiceName(clusterId: string): string {
  return `${clusterId}-rest`;
}

/**
 * Mirrors `D/ExternalServiceDecorator` and `ServiceType.buildUpExternalRestService` (reference §1.3):
 * Service `<clusterId>-rest`, port `rest.port` → target `rest.bind-port`. `Headless_ClusterIP` is a
 * ClusterIP Service with `clusterIP: None`.
 */
export function externalService(cluster: ResolvedCluster): Json {
  const headless = cluster.restServiceType === RestServiceExposedType.HEADLESS_CLUSTER_IP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: restServiceName(cluster.clusterId),
      namespace: cluster.namespace,
      labels: { ...commonLabels(cluster), ...cluster.restServiceLabels },
      annotations: nonEmpty(cluster.restServiceAnnotations),
    },
    spec: {
      type: headless ? 'ClusterIP' : cluster.restServiceType,
      clusterIP: headless ? 'None' : undefined,
      // not Flink's: the source ranges of restService.loadBalancerSourceRanges
      loadBalancerSourceRanges: cluster.restServiceSourceRanges,
      selector: jobManagerSelector(cluster),
      ports: [{ name: 'rest', port: cluster.restPort, targetPort: cluster.restBindPort }],
    },
  };
}
