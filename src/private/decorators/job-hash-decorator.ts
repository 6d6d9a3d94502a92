import { JOB_HASH_KEY } from '../lifecycle';
import { ResolvedCluster } from '../model';
import { FlinkPod, withAnnotation } from '../pod';

/**
 * Ours: the job hash as a pod-template annotation of an application cluster's JobManager, so that `kubectl`
 * shows which job generation a pod runs, next to the hash the upgrade init container records. (What rolls the
 * JobManager on a change is the configuration hash; the job hash only tells a job change from a cluster-level one.)
 */
export function jobHashAnnotation(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  if (cluster.lifecycle === undefined) return pod;
  return withAnnotation(pod, JOB_HASH_KEY, cluster.lifecycle.jobHash);
}
