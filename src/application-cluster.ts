import { Construct } from 'constructs';
import { FlinkCluster, FlinkDeploymentTarget } from './cluster';
import { FlinkClusterProps } from './cluster-options';
import { FlinkJobOptions } from './job-options';

/**
 * Props of a `FlinkApplicationCluster`.
 */
export interface FlinkApplicationClusterProps extends FlinkClusterProps {
  /** The application to run. */
  readonly job: FlinkJobOptions;
}

/**
 * A Flink application cluster on native Kubernetes: one cluster per application, whose `main()` runs in
 * the JobManager — exactly the objects `flink run-application --target kubernetes-application …` (1.x) or
 * `flink run --target kubernetes-application …` (2.x) creates, plus service accounts and least-privilege
 * RBAC. Flink recommends it for production.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/native_kubernetes/#application-mode
 */
export class FlinkApplicationCluster extends FlinkCluster {
  constructor(scope: Construct, id: string, props: FlinkApplicationClusterProps) {
    super(scope, id, props, FlinkDeploymentTarget.APPLICATION);
  }
}
