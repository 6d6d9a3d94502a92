export * from './flink-version';
export * from './cluster-options';
export * from './cluster';
export * from './session-cluster';
export * from './rbac-binding';
export * from './job-artifact';
export * from './application-cluster';
export * from './pod-template';
