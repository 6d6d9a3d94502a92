import { writeConfigYaml, writeFlinkConfYaml } from '../config';
import { ResolvedCluster } from '../model';
import { appendToPod, commonLabels, FlinkPod, Json } from '../pod';

/** `Constants.CONFIG_MAP_PREFIX` */
export function configMapName(clusterId: string): string {
  return `flink-config-${clusterId}`;
}

/**
 * Mirrors `D/FlinkConfMountDecorator` (reference §1.4): volume `flink-config-volume` with one item per
 * log file, then the configuration file, mounted at `kubernetes.flink.conf.dir`. Standalone pods mount it
 * the same way, read-only: the image's entrypoint then fails to write it, harmlessly, so environment-based
 * configuration (`FLINK_PROPERTIES`) has no effect and everything is in the ConfigMap (derived, standalone
 * reference §6.2).
 */
export function flinkConfMount(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  const files = [...cluster.logFiles.map(([name]) => name), cluster.version.configFileName];
  return appendToPod(pod, {
    volumes: [{
      name: 'flink-config-volume',
      configMap: { name: configMapName(cluster.clusterId), items: files.map(f => ({ key: f, path: f })) },
    }],
    volumeMounts: [{ name: 'flink-config-volume', mountPath: cluster.confDir }],
  });
}

/** The ConfigMap `flink-config-<clusterId>`: the log files, then the serialized configuration. */
export function flinkConfConfigMap(cluster: ResolvedCluster): Json {
  const data: Record<string, string> = {};
  for (const [name, content] of cluster.logFiles) data[name] = content;
  data[cluster.version.configFileName] = cluster.version.major >= 2 ? writeConfigYaml(cluster.config) : writeFlinkConfYaml(cluster.config);
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName(cluster.clusterId), namespace: cluster.namespace, labels: commonLabels(cluster) },
    data,
  };
}
