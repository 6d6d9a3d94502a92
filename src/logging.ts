import { Duration } from 'cdk8s';

/**
 * A Log4j / Logback level.
 */
export enum LogLevel {
  /** Everything. */
  ALL = 'ALL',
  /** Trace. */
  TRACE = 'TRACE',
  /** Debug. */
  DEBUG = 'DEBUG',
  /** Info (Flink's default). */
  INFO = 'INFO',
  /** Warnings. */
  WARN = 'WARN',
  /** Errors. */
  ERROR = 'ERROR',
  /** Nothing. */
  OFF = 'OFF',
}

/**
 * The logging of the JobManager and TaskManagers, rendered into the `log4j-console.properties` and
 * `logback-console.xml` shipped in `flink-config-<clusterId>`.
 */
export interface FlinkLoggingOptions {
  /**
   * The root logger's level.
   *
   * @default - `INFO`, or the `ROOT_LOG_LEVEL` environment variable when set (as Flink 1.19+)
   */
  readonly rootLevel?: LogLevel;

  /**
   * Levels of individual loggers, e.g. `{ 'org.apache.flink.runtime.checkpoint': LogLevel.DEBUG }`.
   *
   * @default - Flink's defaults (noisy libraries quieted)
   */
  readonly loggers?: { [logger: string]: LogLevel };

  /**
   * How often Log4j and Logback re-read their file. The ConfigMap is mounted, so a level changed in Git
   * reaches the running pods within this interval plus the kubelet's sync period (about a minute), without
   * a restart.
   *
   * @default Duration.seconds(30)
   */
  readonly reloadInterval?: Duration;
}
