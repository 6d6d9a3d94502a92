import { k8s } from 'cdk8s-plus-28';
import { DeploymentMode } from '../deployment-mode';
import { FlinkVersion } from '../flink-version';
import type { ResolvedLifecycle } from './model';

/** What decides which Kubernetes API calls a cluster's pods make (reference §6.3). */
export interface RbacFacts {
  readonly clusterId: string;
  readonly mode: DeploymentMode;
  readonly version: FlinkVersion;
  readonly highAvailability: boolean;
  readonly kubernetesHighAvailability: boolean;
  readonly hostNetwork: boolean;
  readonly deletesOwnDeployment: boolean;
  readonly ownerReferencesPermissionEnforcement: boolean;
  readonly lifecycle?: ResolvedLifecycle;
}

/**
 * The JobManager's least-privilege rules (reference §6.4, §6.6). Native: TaskManager pods it creates, lists,
 * watches and deletes; its own Deployment, read as TaskManager owner and deleted on shutdown. Standalone: the
 * resource manager never calls the API, so only Kubernetes HA's ConfigMaps (standalone reference §4.4).
 */
export function jobManagerRules(facts: RbacFacts): k8s.PolicyRule[] {
  const rules: k8s.PolicyRule[] = facts.mode === DeploymentMode.STANDALONE ? [] : [
    { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'list', 'watch'] },
    // get: the owner of TaskManager pods; delete: its own shutdown (withheld when it must not delete itself)
    { apiGroups: ['apps'], resources: ['deployments'], verbs: facts.deletesOwnDeployment ? ['get', 'delete'] : ['get'] },
  ];
  if (facts.ownerReferencesPermissionEnforcement) {
    // TaskManager pods carry an owner reference to the Deployment with blockOwnerDeletion (reference §6.4)
    rules.push({ apiGroups: ['apps'], resources: ['deployments/finalizers'], verbs: ['update'] });
  }
  if (facts.kubernetesHighAvailability) {
    // leader election and HA state in ConfigMaps. fabric8 >= 6.6 (Flink 1.18+) updates the leader lock with
    // a JSON-merge patch; ≤ 1.18 deletes the cluster's HA ConfigMaps by label (list + deletecollection).
    const verbs = ['get', 'list', 'watch', 'create', 'update', 'delete'];
    if (facts.version.isAtLeast(FlinkVersion.V1_18)) verbs.push('patch');
    if (!facts.version.isAtLeast(FlinkVersion.V1_19)) verbs.push('deletecollection');
    rules.push({ apiGroups: [''], resources: ['configmaps'], verbs });
    if (facts.lifecycle?.upgrade !== undefined && !verbs.includes('patch')) {
      // the job-upgrade init container removes job-graph keys with a JSON merge patch (job-upgrade-script.ts);
      // every other call it makes (configmaps get, create, update, delete; pods list, delete) is granted above
      rules.push({ apiGroups: [''], resources: ['configmaps'], resourceNames: [`${facts.clusterId}-cluster-config-map`], verbs: ['patch'] });
    }
  }
  if (facts.hostNetwork) {
    // KubernetesResourceManagerDriver.updateKubernetesServiceTargetPortIfNecessary
    rules.push({ apiGroups: [''], resources: ['services'], verbs: ['get', 'update'] });
  }
  return rules;
}

/** TaskManagers call the API only for leader retrieval with Kubernetes HA (reference §6.4). */
export function taskManagerRules(facts: RbacFacts): k8s.PolicyRule[] {
  return facts.kubernetesHighAvailability
    ? [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]
    : [];
}
