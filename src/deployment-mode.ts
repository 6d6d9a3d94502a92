/**
 * How Flink runs on Kubernetes.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/standalone/kubernetes/
 */
export enum DeploymentMode {
  /**
   * Flink's native Kubernetes integration: the JobManager creates and deletes its TaskManager pods through
   * the Kubernetes API, as many as its jobs need (the objects `kubernetes-session.sh` and
   * `flink run-application` create).
   */
  NATIVE = 'native',
  /**
   * Standalone: the JobManager and the TaskManagers are ordinary Kubernetes workloads, sized by you
   * (`taskManager.replicas`, `taskManager.autoscaling`); Flink never calls the Kubernetes API unless
   * Kubernetes high availability is on.
   */
  STANDALONE = 'standalone',
}
