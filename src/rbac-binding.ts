import { ApiObject, ApiObjectProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import type { FlinkCluster } from './cluster';
import { claimObjectNames } from './private/object-names';
import { commonLabels } from './private/pod';
import { checkArgs, constructPath } from './private/prop-schemas';

/**
 * Props of an `RbacBinding`.
 */
export interface RbacBindingProps {
  /** The cluster whose pods need the rights; the rules follow its options. */
  readonly cluster: FlinkCluster;

  /**
   * The JobManager's service account.
   *
   * @default - the cluster's `jobManagerServiceAccount`
   */
  readonly jobManagerServiceAccount?: kplus.IServiceAccount;

  /**
   * The TaskManagers' service account, bound only when they need API rights (Kubernetes high
   * availability).
   *
   * @default - the cluster's `taskManagerServiceAccount`
   */
  readonly taskManagerServiceAccount?: kplus.IServiceAccount;

  /**
   * Whether to bind the JobManager's service account.
   *
   * @default true
   */
  readonly bindJobManager?: boolean;

  /**
   * Whether to bind the TaskManagers' service account (only ever bound when they need API rights).
   *
   * @default true
   */
  readonly bindTaskManager?: boolean;
}

/**
 * Binds a Flink cluster's service accounts to namespaced Roles with exactly the rights its pods need
 * (reference §6.4): never a ClusterRole, never the `edit` role. Every cluster creates one for its own
 * service accounts; create one yourself for service accounts you bring.
 */
export class RbacBinding extends Construct {
  /** The JobManager's Role, unless `bindJobManager` is false or it needs no API rights (standalone without Kubernetes HA). */
  public readonly jobManagerRole?: ApiObject;
  /** The TaskManagers' Role, only when they need API rights. */
  public readonly taskManagerRole?: ApiObject;

  constructor(scope: Construct, id: string, props: RbacBindingProps) {
    checkArgs('RbacBinding.constructor', [scope, id, props], constructPath('RbacBinding', scope, id));
    super(scope, id);
    const cluster = props.cluster;
    const jmRules = cluster.jobManagerPolicyRules;
    // a standalone JobManager without Kubernetes HA needs no rights at all
    if ((props.bindJobManager ?? true) && jmRules.length > 0) {
      this.jobManagerRole = this.bind('JobManager', `${cluster.clusterId}-jobmanager`, cluster,
        jmRules, props.jobManagerServiceAccount?.name ?? cluster.jobManagerServiceAccountName);
    }
    const tmRules = cluster.taskManagerPolicyRules;
    if ((props.bindTaskManager ?? true) && tmRules.length > 0) {
      this.taskManagerRole = this.bind('TaskManager', `${cluster.clusterId}-taskmanager`, cluster,
        tmRules, props.taskManagerServiceAccount?.name ?? cluster.taskManagerServiceAccountName);
    }
    claimObjectNames(this, this.node.children as ApiObject[],
      'a cluster binds the service accounts it creates itself: create an RbacBinding only for service accounts you bring (\'serviceAccount\', \'taskManager.serviceAccount\'), once per cluster');
  }

  private bind(id: string, name: string, cluster: FlinkCluster, rules: kplus.k8s.PolicyRule[], account: string): ApiObject {
    const metadata = { name, namespace: cluster.namespace, labels: commonLabels(cluster) };
    // plain objects, as the cluster's own: the L1 classes' conversion at synth is work a fixed manifest does not need
    const apiVersion = 'rbac.authorization.k8s.io/v1';
    const role = new ApiObject(this, `${id}Role`, { apiVersion, kind: 'Role', metadata, rules } as ApiObjectProps);
    new ApiObject(this, `${id}RoleBinding`, {
      apiVersion,
      kind: 'RoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.name },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace: cluster.namespace }],
    });
    return role;
  }
}
