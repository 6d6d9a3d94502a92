import type { Duration } from 'cdk8s';

/**
 * Flink's Prometheus metric reporter (`flink-metrics-prometheus`), which every official image has active in
 * `/opt/flink/plugins/metrics-prometheus` (`flink-dist` `plugins.xml`, 1.16–2.2): an HTTP endpoint on each
 * JobManager and TaskManager that Prometheus scrapes. Sugar over the reporter's keys
 * `metrics.reporter.prom.factory.class` and `metrics.reporter.prom.port`; the same keys in
 * `flinkConfiguration` shape the same objects.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/metric_reporters/#prometheus
 */
export interface PrometheusReporterOptions {
  /**
   * The port the reporter listens on in every JobManager and TaskManager pod (`metrics.reporter.prom.port`),
   * declared on their main containers as the port named `metrics`. One port, not a range: each pod has
   * its own network namespace, and the `metrics` port names one port.
   *
   * @default 9249
   */
  readonly port?: number;
}

/**
 * A `PodMonitor` (`monitoring.coreos.com/v1`, the Prometheus operator) that scrapes the `metrics` port of
 * every JobManager and TaskManager pod of the cluster.
 *
 * @see https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.PodMonitor
 */
export interface PodMonitorOptions {
  /**
   * Labels of the PodMonitor, which the Prometheus resource's `podMonitorSelector` must match (for
   * kube-prometheus-stack: `release: <its Helm release>`).
   *
   * @default - the cluster's `type` and `app` labels only
   */
  readonly labels?: { [key: string]: string };

  /**
   * How often Prometheus scrapes each pod (`podMetricsEndpoints[].interval`), in whole seconds.
   *
   * @default - the Prometheus resource's scrape interval
   */
  readonly interval?: Duration;
}
