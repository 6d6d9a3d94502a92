import { JOB_HASH_KEY } from '../lifecycle';
import { ResolvedCluster } from '../model';
import { FlinkPod } from '../pod';

/**
 * Ours: the job hash as a pod-template annotation of an application cluster's JobManager, so that a changed job
 * rolls it when Git changes — also where the change is only in the ConfigMap, which Flink reads at start only
 * (job-lifecycle reference §10.2). A job left unchanged keeps the pod template, and a cluster-level change does
 * not touch the hash.
 */
export function jobHashAnnotation(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  if (cluster.lifecycle === undefined) return pod;
  return withJobHash(pod, cluster.lifecycle.jobHash);
}

/**
 * Ours: standalone TaskManagers restart with a changed job only where they must, with ZooKeeper high
 * availability, where each job generation has its own `high-availability.cluster-id` that TaskManagers read at
 * start to find the leader.
 */
export function taskManagerJobHashAnnotation(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  if (cluster.lifecycle?.taskManagersFollowJob !== true) return pod;
  return withJobHash(pod, cluster.lifecycle.jobHash);
}

function withJobHash(pod: FlinkPod, jobHash: string): FlinkPod {
  return { ...pod, metadata: { ...pod.metadata, annotations: { ...pod.metadata.annotations, [JOB_HASH_KEY]: jobHash } } };
}
