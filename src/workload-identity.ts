import { brand } from './private/brand';
import { checkArgs } from './private/prop-schemas';

/**
 * A cloud identity for the JobManager and TaskManager pods, granted through the service accounts the cluster
 * creates (`<clusterId>-jobmanager`, `<clusterId>-taskmanager`): the annotations (and, on AKS, the pod
 * label) each cloud's admission webhook or metadata server reads, so that Flink's file systems reach
 * checkpoints, savepoints and HA storage without keys.
 *
 * Every identity works with the accounts' `automountServiceAccountToken: false`: the EKS and Azure webhooks
 * add a projected token volume of their own, and GKE's metadata server exchanges the token outside the pod.
 */
export class WorkloadIdentity {
  /**
   * EKS IAM roles for service accounts (IRSA): annotation `eks.amazonaws.com/role-arn` on the service
   * accounts. The role's trust policy must allow both accounts,
   * `system:serviceaccount:<namespace>:<clusterId>-jobmanager` and `…-taskmanager`.
   *
   * @see https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
   * @param roleArn e.g. `arn:aws:iam::111122223333:role/flink`
   */
  public static fromAwsIamRole(roleArn: string): WorkloadIdentity {
    checkArgs('WorkloadIdentity.fromAwsIamRole', [roleArn], 'WorkloadIdentity.fromAwsIamRole()');
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(roleArn)) {
      throw new Error(`WorkloadIdentity.fromAwsIamRole('${roleArn}'): expected an IAM role ARN such as 'arn:aws:iam::111122223333:role/flink'`);
    }
    return new WorkloadIdentity({ 'eks.amazonaws.com/role-arn': roleArn }, {});
  }

  /**
   * GKE Workload Identity Federation, linked to an IAM service account: annotation
   * `iam.gke.io/gcp-service-account` on the service accounts. The IAM service account must grant
   * `roles/iam.workloadIdentityUser` to both Kubernetes accounts.
   *
   * @see https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
   * @param email the IAM service account, e.g. `flink@my-project.iam.gserviceaccount.com`
   */
  public static fromGcpServiceAccount(email: string): WorkloadIdentity {
    checkArgs('WorkloadIdentity.fromGcpServiceAccount', [email], 'WorkloadIdentity.fromGcpServiceAccount()');
    if (!/^[^@\s]+@[^@\s]+\.gserviceaccount\.com$/.test(email)) {
      throw new Error(`WorkloadIdentity.fromGcpServiceAccount('${email}'): expected an IAM service account email such as 'flink@my-project.iam.gserviceaccount.com'`);
    }
    return new WorkloadIdentity({ 'iam.gke.io/gcp-service-account': email }, {});
  }

  /**
   * Microsoft Entra Workload ID on AKS: annotation `azure.workload.identity/client-id` (and
   * `azure.workload.identity/tenant-id`) on the service accounts, and label
   * `azure.workload.identity/use: "true"` on the pods, which the webhook requires
   * (`kubernetes.jobmanager.labels`, `kubernetes.taskmanager.labels`). The identity needs a federated
   * credential for each of the two accounts.
   *
   * @see https://azure.github.io/azure-workload-identity/docs/topics/service-account-labels-and-annotations.html
   * @param clientId the client ID of the user-assigned managed identity or application
   * @param tenantId its tenant, when not the webhook's
   */
  public static fromAzureClientId(clientId: string, tenantId?: string): WorkloadIdentity {
    checkArgs('WorkloadIdentity.fromAzureClientId', [clientId, tenantId], 'WorkloadIdentity.fromAzureClientId()');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (!uuid.test(clientId)) {
      throw new Error(`WorkloadIdentity.fromAzureClientId('${clientId}'): expected the identity's client ID, a UUID such as '00000000-0000-0000-0000-000000000000'`);
    }
    if (tenantId !== undefined && !uuid.test(tenantId)) {
      throw new Error(`WorkloadIdentity.fromAzureClientId(…, '${tenantId}'): expected the tenant ID, a UUID`);
    }
    return new WorkloadIdentity(
      { 'azure.workload.identity/client-id': clientId, ...(tenantId === undefined ? {} : { 'azure.workload.identity/tenant-id': tenantId }) },
      { 'azure.workload.identity/use': 'true' },
    );
  }

  /** The annotations of the created service accounts. */
  public readonly serviceAccountAnnotations: { [key: string]: string };
  /** The labels of the JobManager and TaskManager pods. */
  public readonly podLabels: { [key: string]: string };

  private constructor(serviceAccountAnnotations: { [key: string]: string }, podLabels: { [key: string]: string }) {
    brand(this, 'WorkloadIdentity');
    this.serviceAccountAnnotations = serviceAccountAnnotations;
    this.podLabels = podLabels;
  }
}
