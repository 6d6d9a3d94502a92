import { ResolvedCluster } from '../model';
import { FlinkPod } from '../pod';

/**
 * The standalone processes' command lines, as the Flink Kubernetes operator's
 * `CmdStandaloneJobManagerDecorator` and `CmdStandaloneTaskManagerDecorator` set them: the image's entrypoint
 * (`kubernetes.entry.path`), which dispatches `jobmanager`, `standalone-job` and `taskmanager` to Flink's
 * scripts (flink-docker `docker-entrypoint.sh`, standalone reference §2.5), with arguments as a list, no shell.
 */
export function cmdStandaloneJobManager(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  return { ...pod, mainContainer: { ...pod.mainContainer, command: [cluster.entryPath], args: cluster.standalone!.jobManagerArgs } };
}

export function cmdStandaloneTaskManager(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  return { ...pod, mainContainer: { ...pod.mainContainer, command: [cluster.entryPath], args: cluster.standalone!.taskManagerArgs } };
}
