import { ResolvedDisruptionBudgets } from './model';
import type { DisruptionBudgetOptions, FlinkClusterProps } from '../cluster-options';
import { DeploymentMode } from '../deployment-mode';

/**
 * PodDisruptionBudgets, only where one protects something and never blocks a node drain: over standby
 * JobManagers of a highly available cluster, and over standalone TaskManagers.
 */
export function resolveDisruptionBudgets(props: FlinkClusterProps, c: {
  mode: DeploymentMode;
  highAvailability: boolean;
  jobManagerReplicas: number;
  /** standalone: the fixed number of TaskManagers, else the autoscaler's maximum */
  taskManagerReplicas?: number;
}): ResolvedDisruptionBudgets {
  const jm = props.jobManager?.disruptionBudget;
  const tm = props.taskManager?.disruptionBudget;
  if (jm !== undefined) {
    if (!c.highAvailability) {
      throw new Error('\'jobManager.disruptionBudget\' needs high availability: without it there is exactly one JobManager, and a budget over one pod either blocks every node drain or holds back nothing (Kubernetes restarts an evicted JobManager elsewhere, which a drain must be free to do); enable \'highAvailability\' with standby JobManagers (\'jobManager.replicas\' ≥ 2), or remove the budget');
    }
    if (c.jobManagerReplicas < 2) {
      throw new Error('\'jobManager.disruptionBudget\' needs standby JobManagers: with 1 JobManager a budget either blocks every node drain or holds back nothing; set \'jobManager.replicas\' to 2 or more, so that a drain always leaves a JobManager to take over leadership');
    }
  }
  if (tm !== undefined && c.mode === DeploymentMode.NATIVE) {
    throw new Error('\'taskManager.disruptionBudget\' cannot take effect in native mode: the JobManager creates TaskManager pods itself and replaces evicted ones (KubernetesResourceManagerDriver), and owns them through its Deployment (Fabric8FlinkKubeClient.setOwnerReference), whose replicas, the JobManagers\', the disruption controller would count as theirs; use mode: DeploymentMode.STANDALONE, or remove the budget');
  }
  return {
    jobManager: jm && maxUnavailable(jm, 'jobManager', 'JobManagers', c.jobManagerReplicas),
    taskManager: tm && maxUnavailable(tm, 'taskManager', 'TaskManagers', c.taskManagerReplicas),
  };
}

function maxUnavailable(options: DisruptionBudgetOptions, component: string, pods: string, replicas: number | undefined): number {
  const value = options.maxUnavailable ?? 1;
  const prop = `${component}.disruptionBudget.maxUnavailable`;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`'${prop}' is ${value}: expected a whole number of at least 1 (0 would block every node drain)`);
  }
  if (replicas === 1) {
    throw new Error(`'${component}.disruptionBudget' covers 1 ${pods.slice(0, -1)}: a budget over one pod either blocks every node drain or holds back nothing; run more ${pods} ('${component}.replicas'), or remove the budget`);
  }
  if (replicas !== undefined && value >= replicas) {
    throw new Error(`'${prop}' is ${value}, but there are at most ${replicas} ${pods}: the budget would hold back no eviction; set it below ${replicas}`);
  }
  return value;
}
