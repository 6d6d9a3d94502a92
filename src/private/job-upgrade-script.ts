import { UpgradeMode } from '../job-options';

/**
 * The script of the JobManager's `flink-job-upgrade` init container (Kubernetes high availability, application
 * clusters; design: job-lifecycle reference §10.3 S3). It runs before Flink, with the cluster's image and the
 * JobManager's service account, and makes a changed job take effect: it compares the job hash rendered below with
 * the one recorded at the previous start (ConfigMap `<clusterId>-job-upgrade`), and only when they differ removes
 * the stored job graph (`jobGraph-<id>` ≤ 1.20, `executionPlan-<id>` 2.x, in `<clusterId>-cluster-config-map`) and,
 * unless the mode is LAST_STATE, the old job's checkpoint pointers (`<clusterId>-<id>-config-map`). Native mode:
 * it deletes TaskManager pods of other job generations, which a new JobManager would otherwise adopt (§8.2).
 *
 * Written for the tools every official image has (apache/flink-docker on eclipse-temurin jammy/noble): POSIX `sh`
 * (dash), `cat`, `tr`, `sed`, `head`, `tail`, `sort`, and `curl` or GNU `wget`. No JSON tool: the API server's
 * answers are split on `,{}` and read by key, which works for compact and indented JSON alike. Every step is
 * idempotent, and 404 means "nothing there" (first start).
 */

/** The init container's name, and its scratch volume's. */
export const JOB_UPGRADE_CONTAINER = 'flink-job-upgrade';
/** Where the scratch volume is mounted (the main container's `readOnlyRootFilesystem` may be copied). */
export const JOB_UPGRADE_SCRATCH = '/tmp/flink-job-upgrade';
/** The in-cluster API server and the service-account files every pod with a token has. */
export const KUBERNETES_API = 'https://kubernetes.default.svc';
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
/**
 * Not `curl…`/`Wget…`: the API server pretty-prints for those agents (`isPrettyPrint`), and an own name tells the
 * audit log who made the call.
 */
export const USER_AGENT = 'cdk8s-flink-job-upgrade';

/** What the script needs to know, all rendered at synth. */
export interface JobUpgradeScriptValues {
  readonly namespace: string;
  readonly clusterId: string;
  /** ConfigMap `<clusterId>-job-upgrade` */
  readonly recordName: string;
  readonly jobHash: string;
  /** this generation's job id: Flink's own for LAST_STATE, ours for STATELESS and SAVEPOINT */
  readonly jobId: string;
  readonly upgradeMode: UpgradeMode;
  /** `<major>.<minor>` */
  readonly flinkVersion: string;
  /** a hash of the savepoint path, or '' */
  readonly savepointKey: string;
  /** native: URL-encoded label selector of TaskManager pods of other job generations; '' in standalone mode */
  readonly taskManagerSelector: string;
  /** the record's labels as a JSON object */
  readonly labelsJson: string;
}

/** A POSIX shell word that is exactly `value`: single quotes, with `'` as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}

/** What each value may look like: the script splices them into URLs and JSON unescaped. */
const VALUE_PATTERNS: Record<keyof JobUpgradeScriptValues, RegExp> = {
  namespace: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  clusterId: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  recordName: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  jobHash: /^[0-9a-f]{32}$/,
  jobId: /^[0-9a-f]{32}$/,
  upgradeMode: /^(SAVEPOINT|LAST_STATE|STATELESS)$/,
  flinkVersion: /^\d+\.\d+$/,
  savepointKey: /^([0-9a-f]{16})?$/,
  taskManagerSelector: /^[-A-Za-z0-9%._]*$/,
  labelsJson: /^\{("[-a-z0-9./]+":"[-A-Za-z0-9._]*",?)*\}$/,
};

/** The shell variables the body reads, in order. */
const VARIABLES: Array<[string, keyof JobUpgradeScriptValues]> = [
  ['NS', 'namespace'],
  ['CLUSTER_ID', 'clusterId'],
  ['RECORD', 'recordName'],
  ['JOB_HASH', 'jobHash'],
  ['JOB_ID', 'jobId'],
  ['UPGRADE_MODE', 'upgradeMode'],
  ['FLINK_VERSION', 'flinkVersion'],
  ['SAVEPOINT', 'savepointKey'],
  ['TM_SELECTOR', 'taskManagerSelector'],
  ['LABELS', 'labelsJson'],
];

/** The script: the values as shell assignments, then the fixed body. */
export function jobUpgradeScript(values: JobUpgradeScriptValues): string {
  const lines = [
    'set -eu',
    `API=${shellQuote(KUBERNETES_API)}`,
    `SA=${shellQuote(SERVICE_ACCOUNT_DIR)}`,
    `TMP=${shellQuote(JOB_UPGRADE_SCRATCH)}`,
    `UA=${shellQuote(USER_AGENT)}`,
  ];
  for (const [name, key] of VARIABLES) {
    const value = values[key];
    if (!VALUE_PATTERNS[key].test(value)) throw new Error(`internal: job upgrade script value ${key} is ${JSON.stringify(value)}`);
    lines.push(`${name}=${shellQuote(value)}`);
  }
  return `${lines.join('\n')}\n${BODY}`;
}

// The body: a raw string without any `${`, so nothing is interpolated by TypeScript and what the tests read is
// what runs. Shell parameter expansions with braces are avoided for the same reason.
const BODY = String.raw`BODY="$TMP/body"
CM="/api/v1/namespaces/$NS/configmaps"
say() { echo "flink-job-upgrade: $*"; }
fail() { echo "flink-job-upgrade: $*" >&2; exit 1; }

if command -v curl >/dev/null 2>&1; then CLIENT=curl
elif command -v wget >/dev/null 2>&1; then CLIENT=wget
else fail "the image has neither curl nor wget, which this init container needs to call the Kubernetes API"; fi
TOKEN=$(cat "$SA/token")

# call METHOD PATH [DATA [CONTENT-TYPE]]: prints the HTTP status; the response body goes to $BODY
call() {
  if [ $# -ge 4 ]; then type=$4; else type=application/json; fi
  if [ "$CLIENT" = curl ]; then
    if [ $# -ge 3 ]; then
      curl -sS --max-time 30 --noproxy '*' -A "$UA" --cacert "$SA/ca.crt" -H "Authorization: Bearer $TOKEN" \
        -H 'Accept: application/json' -o "$BODY" -w '%{http_code}' -X "$1" \
        -H "Content-Type: $type" --data-binary "$3" "$API$2"
    else
      curl -sS --max-time 30 --noproxy '*' -A "$UA" --cacert "$SA/ca.crt" -H "Authorization: Bearer $TOKEN" \
        -H 'Accept: application/json' -o "$BODY" -w '%{http_code}' -X "$1" "$API$2"
    fi
  else
    # GNU wget: --method and --body-data since 1.15; the status line of -S goes to stderr; exit 8 on 4xx/5xx
    if [ $# -ge 3 ]; then
      wget -q -S --tries=1 --timeout=30 --no-proxy -U "$UA" --ca-certificate="$SA/ca.crt" \
        --header="Authorization: Bearer $TOKEN" --header='Accept: application/json' --content-on-error -O "$BODY" \
        --method="$1" --header="Content-Type: $type" --body-data="$3" "$API$2" 2>"$TMP/headers" || true
    else
      wget -q -S --tries=1 --timeout=30 --no-proxy -U "$UA" --ca-certificate="$SA/ca.crt" \
        --header="Authorization: Bearer $TOKEN" --header='Accept: application/json' --content-on-error -O "$BODY" \
        --method="$1" "$API$2" 2>"$TMP/headers" || true
    fi
    sed -n 's/^ *HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' "$TMP/headers" | tail -n 1
  fi
}

# request METHOD PATH [DATA [CONTENT-TYPE]]: sets $status
request() {
  : > "$BODY"
  status=$(call "$@") || status=
  case $status in ''|000) fail "no answer from the Kubernetes API at $API ($1 $2)" ;; esac
}

unexpected() { fail "$1 $2: HTTP $status: $(cat "$BODY")"; }

# lines of the JSON in $BODY, one per member (split on , { and })
members() { tr ',{}' '\n\n\n' < "$BODY"; }

# field KEY: the string value of "KEY" in $BODY
field() { members | sed -n "s/^[[:space:]]*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" | head -n 1; }

# the job-graph keys of the cluster ConfigMap in $BODY (both prefixes: 1.x jobGraph-, 2.x executionPlan-)
graph_keys() {
  members | sed -n 's/^[[:space:]]*"\(jobGraph-[0-9a-f]\{32\}\)"[[:space:]]*:.*/\1/p; s/^[[:space:]]*"\(executionPlan-[0-9a-f]\{32\}\)"[[:space:]]*:.*/\1/p'
}

# the TaskManager pod names in the pod list in $BODY (KubernetesResourceManagerDriver: <clusterId>-taskmanager-<attempt>-<n>)
pod_names() {
  members | sed -n "s/^[[:space:]]*\"name\"[[:space:]]*:[[:space:]]*\"\($CLUSTER_ID-taskmanager-[0-9]*-[0-9]*\)\".*/\1/p" | sort -u
}

write_record() {
  doc="{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"$RECORD\",\"namespace\":\"$NS\",\"labels\":$LABELS},\"data\":{\"job-hash\":\"$JOB_HASH\",\"job-id\":\"$JOB_ID\",\"upgrade-mode\":\"$UPGRADE_MODE\",\"flink-version\":\"$FLINK_VERSION\",\"restored-savepoints\":\"$RESTORED\"}}"
  request PUT "$CM/$RECORD" "$doc"
  if [ "$status" = 404 ]; then request POST "$CM" "$doc"; fi
  # a standby JobManager's init container created it in the meantime
  if [ "$status" = 409 ]; then request PUT "$CM/$RECORD" "$doc"; fi
  case $status in 200|201) ;; *) unexpected PUT "$CM/$RECORD" ;; esac
}

upgrade() {
  RESTORED_BEFORE=false
  if [ -n "$SAVEPOINT" ]; then case " $RESTORED " in *" $SAVEPOINT "*) RESTORED_BEFORE=true ;; esac; fi
  if [ "$FIRST" = true ]; then
    say "no record of an earlier start ($RECORD): job $JOB_ID starts as a $UPGRADE_MODE upgrade"
  else
    say "the job changed since the last start ($RECORDED_HASH -> $JOB_HASH): $UPGRADE_MODE upgrade"
    case $UPGRADE_MODE in
      SAVEPOINT)
        [ -n "$SAVEPOINT" ] || fail "the job changed, but UpgradeMode.SAVEPOINT starts a changed job from a savepoint and job.savepoint is not set: stop the running job with a savepoint (POST /jobs/$RECORDED_JOB_ID/stop) and commit its path as job.savepoint.path together with the change, or commit job.upgradeMode: UpgradeMode.STATELESS to start without state"
        [ "$RESTORED_BEFORE" = false ] || fail "the job changed, but job.savepoint.path was already restored by an earlier job generation of this cluster: restoring it again would rewind the job to that savepoint; take a new savepoint (POST /jobs/$RECORDED_JOB_ID/stop) and commit its path, or, to restore this savepoint once more on purpose, name its _metadata file instead of its directory"
        ;;
      LAST_STATE)
        [ "$RECORDED_VERSION" = "$FLINK_VERSION" ] || fail "the job ran on Flink $RECORDED_VERSION and this JobManager runs Flink $FLINK_VERSION: checkpoints are not guaranteed to restore across Flink versions, so UpgradeMode.LAST_STATE does not upgrade across them; stop the job with a savepoint (POST /jobs/$RECORDED_JOB_ID/stop), then commit job.upgradeMode: UpgradeMode.SAVEPOINT and its path as job.savepoint.path with the new version"
        request GET "$CM/$CLUSTER_ID-$JOB_ID-config-map"
        case $status in
          200) ;;
          404)
            if [ -z "$SAVEPOINT" ] || [ "$RESTORED_BEFORE" = true ]; then
              fail "the job changed, but job $JOB_ID has no checkpoints in the high-availability data (ConfigMap $CLUSTER_ID-$JOB_ID-config-map does not exist: the job finished, was cancelled or failed, or the data was removed), so it would start without state; commit the path of a savepoint or retained checkpoint not restored before as job.savepoint.path, or job.upgradeMode: UpgradeMode.STATELESS"
            fi
            ;;
          *) unexpected GET "$CM/$CLUSTER_ID-$JOB_ID-config-map" ;;
        esac
        ;;
    esac
  fi

  request GET "$CM/$CLUSTER_ID-cluster-config-map"
  case $status in
    200) KEYS=$(graph_keys) ;;
    404) KEYS= ;;
    *) unexpected GET "$CM/$CLUSTER_ID-cluster-config-map" ;;
  esac
  PATCH=
  for key in $KEYS; do
    id=$(echo "$key" | sed 's/^[a-zA-Z]*-//')
    if [ "$UPGRADE_MODE" != LAST_STATE ]; then
      # this generation's own job, submitted by a standby JobManager that started first, stays
      [ "$id" != "$JOB_ID" ] || continue
      # its checkpoint pointers first, then the key: a retry after a crash still finds the job id
      request DELETE "$CM/$CLUSTER_ID-$id-config-map"
      case $status in 200|202|404) say "removed the checkpoint pointers of job $id" ;; *) unexpected DELETE "$CM/$CLUSTER_ID-$id-config-map" ;; esac
    fi
    if [ -n "$PATCH" ]; then PATCH="$PATCH,"; fi
    PATCH="$PATCH\"$key\":null"
    say "removing the stored job graph $key"
  done
  if [ -n "$PATCH" ]; then
    request PATCH "$CM/$CLUSTER_ID-cluster-config-map" "{\"data\":{$PATCH}}" application/merge-patch+json
    case $status in 200|404) ;; *) unexpected PATCH "$CM/$CLUSTER_ID-cluster-config-map" ;; esac
  fi
  if [ -n "$SAVEPOINT" ] && [ "$RESTORED_BEFORE" = false ]; then
    if [ -n "$RESTORED" ]; then RESTORED="$RESTORED $SAVEPOINT"; else RESTORED=$SAVEPOINT; fi
  fi
  write_record
}

purge_task_managers() {
  request GET "/api/v1/namespaces/$NS/pods?labelSelector=$TM_SELECTOR"
  [ "$status" = 200 ] || unexpected GET "/api/v1/namespaces/$NS/pods"
  for pod in $(pod_names); do
    request DELETE "/api/v1/namespaces/$NS/pods/$pod"
    case $status in 200|202|404) say "deleted TaskManager pod $pod of another job generation" ;; *) unexpected DELETE "/api/v1/namespaces/$NS/pods/$pod" ;; esac
  done
}

request GET "$CM/$RECORD"
case $status in
  200) FIRST=false; RECORDED_HASH=$(field job-hash); RECORDED_JOB_ID=$(field job-id); RECORDED_VERSION=$(field flink-version); RESTORED=$(field restored-savepoints) ;;
  404) FIRST=true; RECORDED_HASH=; RECORDED_JOB_ID=; RECORDED_VERSION=; RESTORED= ;;
  *) unexpected GET "$CM/$RECORD" ;;
esac
if [ "$RECORDED_HASH" = "$JOB_HASH" ]; then
  say "job $JOB_ID is unchanged since the last start: Flink recovers it from its latest checkpoint"
else
  upgrade
fi
if [ -n "$TM_SELECTOR" ]; then purge_task_managers; fi
say "done"
`;
