import * as kplus from 'cdk8s-plus-28';
import { chart, find, synth } from './util';
import { FlinkPlugin, FlinkSessionCluster, FlinkVersion, RbacBinding } from '../src';

describe('RbacBinding (reference §6.4)', () => {
  test('binds service accounts the user brings to the rules the cluster derives', () => {
    const c = chart();
    const jm = kplus.ServiceAccount.fromServiceAccountName(c, 'jm', 'platform-flink');
    const tm = kplus.ServiceAccount.fromServiceAccountName(c, 'tm', 'platform-flink-tm');
    const cluster = new FlinkSessionCluster(c, 'session', {
      version: FlinkVersion.V1_20,
      clusterId: 'byo',
      serviceAccount: jm,
      taskManager: { serviceAccount: tm },
      flinkConfiguration: { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' },
      plugins: [FlinkPlugin.S3_PRESTO],
    });
    const binding = new RbacBinding(c, 'rbac', { cluster });
    const manifests = synth(c);
    expect(binding.taskManagerRole).toBeDefined();
    expect(manifests.filter(m => m.kind === 'ServiceAccount')).toHaveLength(0);
    expect(find(manifests, 'RoleBinding', 'byo-jobmanager').subjects).toStrictEqual([{ kind: 'ServiceAccount', name: 'platform-flink', namespace: 'flink' }]);
    expect(find(manifests, 'RoleBinding', 'byo-taskmanager').subjects).toStrictEqual([{ kind: 'ServiceAccount', name: 'platform-flink-tm', namespace: 'flink' }]);
    expect(find(manifests, 'Role', 'byo-jobmanager').rules).toStrictEqual(cluster.jobManagerPolicyRules);
    expect(find(manifests, 'Role', 'byo-taskmanager').rules).toStrictEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]);
  });

  test('a created TaskManager account is bound even when the JobManager\'s is brought (Kubernetes HA)', () => {
    const c = chart();
    new FlinkSessionCluster(c, 'session', {
      version: FlinkVersion.V1_20,
      clusterId: 'mixed',
      serviceAccount: kplus.ServiceAccount.fromServiceAccountName(c, 'jm', 'platform-flink'),
      flinkConfiguration: { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://b/ha' },
      plugins: [FlinkPlugin.S3_PRESTO],
    });
    const manifests = synth(c);
    expect(manifests.filter(m => m.kind === 'Role').map(m => m.metadata.name)).toStrictEqual(['mixed-taskmanager']);
    expect(find(manifests, 'RoleBinding', 'mixed-taskmanager').subjects).toStrictEqual([{ kind: 'ServiceAccount', name: 'mixed-taskmanager', namespace: 'flink' }]);
  });

  // Kubernetes' OwnerReferencesPermissionEnforcement admission plugin: setting blockOwnerDeletion needs
  // update on the owner's finalizers; TaskManager pods carry it towards the Deployment (reference §1, §6.4)
  test('ownerReferencesPermissionEnforcement adds deployments/finalizers update, only when asked', () => {
    const c = chart();
    new FlinkSessionCluster(c, 'openshift', { version: FlinkVersion.V1_20, clusterId: 'openshift', ownerReferencesPermissionEnforcement: true });
    new FlinkSessionCluster(c, 'plain', { version: FlinkVersion.V1_20, clusterId: 'plain' });
    const manifests = synth(c);
    const finalizers = { apiGroups: ['apps'], resources: ['deployments/finalizers'], verbs: ['update'] };
    expect(find(manifests, 'Role', 'openshift-jobmanager').rules).toContainEqual(finalizers);
    expect(find(manifests, 'Role', 'plain-jobmanager').rules).not.toContainEqual(finalizers);
    expect(manifests.filter(m => m.kind === 'Role').map(m => m.metadata.name).sort()).toStrictEqual(['openshift-jobmanager', 'plain-jobmanager']);
  });

  test('without HA no TaskManager Role is created', () => {
    const c = chart();
    const cluster = new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V2_1, clusterId: 'plain', serviceAccount: kplus.ServiceAccount.fromServiceAccountName(c, 'jm', 'x') });
    const binding = new RbacBinding(c, 'rbac', { cluster });
    expect(binding.taskManagerRole).toBeUndefined();
    expect(synth(c).filter(m => m.kind === 'Role').map(m => m.metadata.name)).toStrictEqual(['plain-jobmanager']);
  });

  test('service accounts named through flinkConfiguration count as brought: no RBAC of ours', () => {
    const c = chart();
    new FlinkSessionCluster(c, 'session', { version: FlinkVersion.V1_20, clusterId: 'raw', flinkConfiguration: { 'kubernetes.service-account': 'shared' } });
    const manifests = synth(c);
    expect(manifests.filter(m => ['Role', 'RoleBinding', 'ServiceAccount'].includes(m.kind))).toHaveLength(0);
    expect(find(manifests, 'Deployment', 'raw').spec.template.spec.serviceAccountName).toBe('shared');
  });
});
