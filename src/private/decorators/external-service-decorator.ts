import { k8s } from 'cdk8s-plus-28';
import { RestServiceExposedType } from '../../cluster-options';
import { commonLabels, jobManagerSelector, nonEmpty } from '../pod';
import { ResolvedCluster } from '../resolve';

/** `Constants.FLINK_REST_SERVICE_SUFFIX` */
export function restServiceName(clusterId: string): string {
  return `${clusterId}-rest`;
}

/**
 * Mirrors `D/ExternalServiceDecorator` and `ServiceType.buildUpExternalRestService` (reference §1.3):
 * Service `<clusterId>-rest`, port `rest.port` → target `rest.bind-port`. `Headless_ClusterIP` is a
 * ClusterIP Service with `clusterIP: None`.
 */
export function externalService(cluster: ResolvedCluster): k8s.KubeServiceProps {
  const headless = cluster.restServiceType === RestServiceExposedType.HEADLESS_CLUSTER_IP;
  return {
    metadata: {
      name: restServiceName(cluster.clusterId),
      namespace: cluster.namespace,
      labels: { ...commonLabels(cluster.clusterId), ...cluster.restServiceLabels },
      annotations: nonEmpty(cluster.restServiceAnnotations),
    },
    spec: {
      type: headless ? 'ClusterIP' : cluster.restServiceType,
      clusterIp: headless ? 'None' : undefined,
      selector: jobManagerSelector(cluster.clusterId),
      ports: [{ name: 'rest', port: cluster.restPort, targetPort: k8s.IntOrString.fromNumber(cluster.restBindPort) }],
    },
  };
}
