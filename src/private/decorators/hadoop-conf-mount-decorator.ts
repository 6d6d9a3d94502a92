import { ResolvedCluster } from '../model';
import { appendToPod, FlinkPod } from '../pod';

/** Where `D/HadoopConfMountDecorator` mounts the Hadoop configuration. */
const HADOOP_CONF_DIR = '/opt/hadoop/conf';

/**
 * Mirrors `D/HadoopConfMountDecorator` for `kubernetes.hadoop.conf.config-map.name`: the existing
 * ConfigMap is mounted without items (reference §1.5). The other branch reads the deploying machine's
 * `HADOOP_CONF_DIR`, which a declarative synth does not have, so it never applies here.
 */
export function hadoopConfMount(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  if (cluster.hadoopConfigMap === undefined) return pod;
  return appendToPod(pod, {
    volumes: [{ name: 'hadoop-config-volume', configMap: { name: cluster.hadoopConfigMap } }],
    volumeMounts: [{ name: 'hadoop-config-volume', mountPath: HADOOP_CONF_DIR }],
    env: [{ name: 'HADOOP_CONF_DIR', value: HADOOP_CONF_DIR }],
  });
}
