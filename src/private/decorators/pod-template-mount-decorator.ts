import { ResolvedCluster } from '../model';
import { appendToPod, commonLabels, FlinkPod, Json } from '../pod';

/** `Constants.POD_TEMPLATE_CONFIG_MAP_PREFIX` */
export function podTemplateConfigMapName(clusterId: string): string {
  return `pod-template-${clusterId}`;
}

/** `Constants.TASK_MANAGER_POD_TEMPLATE_FILE_NAME` */
const TEMPLATE_FILE = 'taskmanager-pod-template.yaml';

/**
 * Mirrors `D/PodTemplateMountDecorator` (reference §1.7): with a TaskManager pod template, volume
 * `pod-template-volume` from ConfigMap `pod-template-<clusterId>`, mounted at `/opt/flink/pod-template`
 * in the JobManager only, where it reads the template when it creates TaskManagers.
 */
export function podTemplateMount(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  if (cluster.taskManagerPodTemplate === undefined) return pod;
  return appendToPod(pod, {
    volumes: [{
      name: 'pod-template-volume',
      configMap: { name: podTemplateConfigMapName(cluster.clusterId), items: [{ key: TEMPLATE_FILE, path: TEMPLATE_FILE }] },
    }],
    volumeMounts: [{ name: 'pod-template-volume', mountPath: '/opt/flink/pod-template' }],
  });
}

/** The ConfigMap `pod-template-<clusterId>`: the TaskManager pod template file, as the client ships it. */
export function podTemplateConfigMap(cluster: ResolvedCluster): Json | undefined {
  const template = cluster.taskManagerPodTemplate;
  if (template === undefined) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: podTemplateConfigMapName(cluster.clusterId), namespace: cluster.namespace, labels: commonLabels(cluster) },
    data: { [TEMPLATE_FILE]: template },
  };
}
