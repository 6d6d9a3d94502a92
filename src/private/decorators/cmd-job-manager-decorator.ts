import { ResolvedCluster } from '../model';
import { FlinkPod } from '../pod';

/**
 * Mirrors `D/CmdJobManagerDecorator` and `KubernetesUtils.getStartCommandWithBashWrapper`: the pieces
 * are joined with single spaces, so empty entrypoint args leave a trailing space (reference §1.1).
 */
export function cmdJobManager(cluster: ResolvedCluster, pod: FlinkPod): FlinkPod {
  const start = ['kubernetes-jobmanager.sh', cluster.target, cluster.jobManager.entrypointArgs].join(' ');
  return {
    ...pod,
    mainContainer: { ...pod.mainContainer, command: [cluster.entryPath], args: ['bash', '-c', start] },
  };
}
