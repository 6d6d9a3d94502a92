import { Construct } from 'constructs';
import { FlinkCluster, FlinkDeploymentTarget } from './cluster';
import { FlinkClusterProps } from './cluster-options';

/**
 * Props of a `FlinkSessionCluster`.
 */
export interface FlinkSessionClusterProps extends FlinkClusterProps {}

/**
 * A Flink session cluster on native Kubernetes: exactly the objects
 * `./bin/kubernetes-session.sh -Dkubernetes.cluster-id=<clusterId> …` creates — the JobManager
 * Deployment `<clusterId>`, the internal Service `<clusterId>` (without high availability), the REST
 * Service `<clusterId>-rest` and the ConfigMap `flink-config-<clusterId>` — plus the service accounts
 * and least-privilege RBAC the JobManager needs to create TaskManagers.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/#session-mode
 */
export class FlinkSessionCluster extends FlinkCluster {
  constructor(scope: Construct, id: string, props: FlinkSessionClusterProps) {
    super(scope, id, props, FlinkDeploymentTarget.SESSION);
  }
}
