import { FlinkConfig, where } from './config';
import { Reader } from './config-reader';
import { checkMetadata, checkOwnLabels, MetadataKind } from './kubernetes-syntax';
import { ResolvedPodMonitor } from './model';
import { Options } from './options';
import type { FlinkClusterProps } from '../cluster-options';

/**
 * Flink's Prometheus reporter, as Flink finds and starts it (`ReporterSetup` 1.16–1.20,
 * `ReporterSetupBuilder` 2.x; `PrometheusReporterFactory`), and the PodMonitor that scrapes it.
 */

/** `flink-metrics-prometheus`'s factory, the same class name in every release from 1.16 to 2.2. */
export const PROMETHEUS_REPORTER_FACTORY = 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory';
/** The reporter name of the typed prop: the name in Flink's documented example configuration. */
export const PROMETHEUS_REPORTER_NAME = 'prom';
/** `PrometheusReporterFactory.DEFAULT_PORT` */
const DEFAULT_PORT = 9249;
/** The port name on the main containers, which the PodMonitor scrapes. */
export const METRICS_PORT_NAME = 'metrics';

/** A reporter's factory key; the name is `[\S&&[^.]]*` as in Flink's `reporterClassPattern`. */
const FACTORY_KEY = /^metrics\.reporter\.([^.\s]*)\.factory\.class$/;
/** The reflective key 1.x still reads (`MetricOptions.REPORTER_CLASS`) and 2.x does not. */
const CLASS_KEY = /^metrics\.reporter\.([^.\s]*)\.class$/;

/** The key of a reporter's option. */
export function reporterKey(name: string, option: string): string {
  return `metrics.reporter.${name}.${option}`;
}

/** A port the reporter must not take: one the same pod binds already. */
export interface OccupiedPort {
  readonly port: number;
  /** e.g. `the JobManager's RPC port (jobmanager.rpc.port)` */
  readonly what: string;
}

/**
 * The port of the cluster's Prometheus reporter, if one runs: a `factory.class` of
 * `PrometheusReporterFactory` that `metrics.reporters` does not exclude. Undefined with host networking,
 * where Flink declares no container ports and the pods share their node's.
 */
export function prometheusMetricsPort(config: FlinkConfig, reader: Reader, props: FlinkClusterProps, facts: {
  hostNetwork: boolean;
  occupied: OccupiedPort[];
}): number | undefined {
  for (const entry of config.withPrefix('metrics.reporter.')) {
    if (CLASS_KEY.test(entry.key) && entry.value.trim() === 'org.apache.flink.metrics.prometheus.PrometheusReporter') {
      throw new Error(`${where(entry, entry.key)} is '${entry.value}': this key never starts the Prometheus reporter in Flink 1.16–2.2 (1.x instantiates the class by reflection, which PrometheusReporter does not support; 2.x no longer reads '.class'); set '${entry.key.replace(/\.class$/, '.factory.class')}: ${PROMETHEUS_REPORTER_FACTORY}', or use 'prometheus'`);
    }
  }
  const listed = (reader.string(Options.METRICS_REPORTERS) ?? '').split(/\s*,\s*/).map(n => n.trim()).filter(n => n !== '');
  const prometheus = config.withPrefix('metrics.reporter.')
    .filter(e => FACTORY_KEY.test(e.key) && e.value.trim() === PROMETHEUS_REPORTER_FACTORY)
    .map(e => FACTORY_KEY.exec(e.key)![1]);
  const running = prometheus.filter(name => listed.length === 0 || listed.includes(name));
  if (props.prometheus !== undefined && !running.includes(PROMETHEUS_REPORTER_NAME)) {
    reader.fail(Options.METRICS_REPORTERS, `Flink starts only the reporters it lists ("Excluding reporter … not configured in reporter list"), so the Prometheus reporter '${PROMETHEUS_REPORTER_NAME}' of 'prometheus' would not start; add '${PROMETHEUS_REPORTER_NAME}' to it`);
  }
  if (facts.hostNetwork) {
    const typed = props.prometheus !== undefined ? 'prometheus' : props.podMonitor !== undefined ? 'podMonitor' : undefined;
    if (typed !== undefined) {
      throw new Error(`'${typed}' needs the reporter's port declared on the pods, which host networking rules out: the pods share their node's ports, so a fixed port collides when two Flink pods share a node (Flink's documentation suggests a port range there); remove 'hostNetwork', or configure the reporter in 'flinkConfiguration' and scrape the nodes`);
    }
    return undefined;
  }
  if (running.length === 0) {
    if (props.podMonitor !== undefined) {
      throw new Error('\'podMonitor\' scrapes the Prometheus reporter\'s \'metrics\' port, but no Prometheus reporter runs; set \'prometheus: {}\' (or \'metrics.reporter.<name>.factory.class\' in flinkConfiguration)');
    }
    return undefined;
  }
  if (running.length > 1) {
    throw new Error(`flinkConfiguration configures the Prometheus reporters ${running.map(n => `'${n}'`).join(' and ')}: each pod declares one 'metrics' port, so configure one Prometheus reporter`);
  }
  const name = running[0];
  const portKey = reporterKey(name, 'port');
  const raw = config.get(portKey)?.trim() ?? String(DEFAULT_PORT);
  if (!/^\d+$/.test(raw)) {
    reader.fail(portKey, 'the reporter takes the first free port of a range or list (PortRange), but each pod has its own network namespace, so one port always suffices, and the \'metrics\' port the pods declare and the PodMonitor scrapes names exactly one; set a single port such as 9249');
  }
  const port = Number(raw);
  if (port < 1 || port > 65535) reader.fail(portKey, 'expected a port from 1 to 65535, e.g. 9249');
  const taken = facts.occupied.find(o => o.port === port);
  if (taken !== undefined) {
    const fix = `${taken.what} already uses it in the same pod; choose another port`;
    if (config.has(portKey)) reader.fail(portKey, `${fix}, e.g. 9249`);
    throw new Error(`the Prometheus reporter '${name}' listens on its default port ${port}, but ${fix} and set it as '${portKey}'`);
  }
  return port;
}

/** The PodMonitor's settings, checked. */
export function resolvePodMonitor(props: FlinkClusterProps): ResolvedPodMonitor | undefined {
  const options = props.podMonitor;
  if (options === undefined) return undefined;
  const labels = { ...options.labels };
  checkOwnLabels('podMonitor.labels', labels, 'use other keys (e.g. \'release\' for kube-prometheus-stack)');
  checkMetadata(MetadataKind.LABELS, labels, 'the PodMonitor', '\'podMonitor.labels\'');
  let interval: string | undefined;
  if (options.interval !== undefined) {
    const ms = options.interval.toMilliseconds();
    if (!Number.isInteger(ms / 1000) || ms < 1000) {
      throw new Error(`'podMonitor.interval' is ${ms} ms: expected a whole number of seconds, at least 1, e.g. Duration.seconds(30)`);
    }
    interval = `${ms / 1000}s`;
  }
  return { labels, interval };
}
