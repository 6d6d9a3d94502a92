import { FlinkPod, Json } from './pod';
import { PodSecurityStandard } from '../cluster-options';

/**
 * The Kubernetes Pod Security Standards as the PodSecurity admission controller checks them
 * (`kubernetes/pod-security-admission`, `policy/check_*.go`, master 8f84a87, 2026-07), one rule per check.
 * Where a check differs between Kubernetes versions the strictest form from 1.28 (cdk8s-plus-28) on is
 * taken, so that a pod passing here passes every such cluster: the 1.27 sysctl and SELinux allow-lists,
 * the probe and lifecycle `host` check of 1.34, and none of the user-namespace (`hostUsers: false`)
 * relaxations of 1.35.
 */

type Level = PodSecurityStandard.BASELINE | PodSecurityStandard.RESTRICTED;

export interface PodSecurityRule {
  /** the admission controller's check id */
  readonly id: string;
  readonly level: Level;
  /** whether the non-root defaults of `runAsNonRoot` satisfy it */
  readonly defaulted?: boolean;
  /** what in `pod` breaks the rule, as the user wrote it; undefined if nothing */
  readonly violation: (pod: FlinkPod) => string | undefined;
}

/** `Capabilities` Docker grants by default, which baseline lets containers add (check_capabilities_baseline.go). */
const BASELINE_CAPABILITIES = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
/** check_sysctls.go, the 1.27 set (later versions allow more) */
const SAFE_SYSCTLS = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports'];
/** check_seLinuxOptions.go before 1.31 (which adds container_engine_t) */
const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
/** check_restrictedVolumes.go */
const RESTRICTED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
const VALID_SECCOMP = ['RuntimeDefault', 'Localhost'];
const VALID_APPARMOR = ['RuntimeDefault', 'Localhost'];

/** Every container of the pod, init containers first, the main container last. */
function containers(pod: FlinkPod): Json[] {
  return [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? []), pod.mainContainer].filter(c => c && typeof c === 'object');
}

function sc(container: Json): Json {
  return container.securityContext ?? {};
}

/** `container 'a' sets x` / `containers 'a', 'b' set x` (`what` in the singular and the plural), for the containers `bad` picks. */
function forContainers(pod: FlinkPod, bad: (c: Json) => boolean, what: readonly [string, string]): string | undefined {
  const names = containers(pod).filter(bad).map(c => `'${c.name}'`);
  if (names.length === 0) return undefined;
  return names.length === 1 ? `container ${names[0]} ${what[0]}` : `containers ${names.join(', ')} ${what[1]}`;
}

/** `sets x` / `set x` */
function sets(what: string): readonly [string, string] {
  return [`sets ${what}`, `set ${what}`];
}

/** `does not set x` / `do not set x` */
function lacks(what: string): readonly [string, string] {
  return [`does not set ${what}`, `do not set ${what}`];
}

function probeHosts(c: Json): boolean {
  const handlers = [c.livenessProbe, c.readinessProbe, c.startupProbe, c.lifecycle?.postStart, c.lifecycle?.preStop];
  return handlers.some(h => (h?.httpGet?.host ?? '') !== '' || (h?.tcpSocket?.host ?? '') !== '');
}

const B = PodSecurityStandard.BASELINE;
const R = PodSecurityStandard.RESTRICTED;

/** The checks, baseline first (a pod failing one needs `PRIVILEGED`, one failing only restricted ones `BASELINE`). */
export const POD_SECURITY_RULES: readonly PodSecurityRule[] = [
  {
    id: 'hostNamespaces',
    level: B,
    violation: pod => {
      const set = ['hostPID', 'hostIPC', 'hostNetwork'].filter(f => pod.spec[f] === true);
      return set.length > 0 ? `the pod sets ${set.map(f => `${f}: true`).join(', ')}` : undefined;
    },
  },
  {
    id: 'privileged',
    level: B,
    violation: pod => forContainers(pod, c => sc(c).privileged === true, sets('securityContext.privileged: true')),
  },
  {
    id: 'capabilities_baseline',
    level: B,
    violation: pod => forContainers(pod, c => (sc(c).capabilities?.add ?? []).some((a: string) => !BASELINE_CAPABILITIES.includes(a)),
      ['adds capabilities beyond Docker\'s default set (securityContext.capabilities.add)', 'add capabilities beyond Docker\'s default set (securityContext.capabilities.add)']),
  },
  {
    id: 'hostPathVolumes',
    level: B,
    violation: pod => {
      const names = (pod.spec.volumes ?? []).filter((v: Json) => v?.hostPath !== undefined).map((v: Json) => `'${v.name}'`);
      return names.length > 0 ? `the pod has the hostPath volume${names.length > 1 ? 's' : ''} ${names.join(', ')}` : undefined;
    },
  },
  {
    id: 'hostPorts',
    level: B,
    violation: pod => forContainers(pod, c => (c.ports ?? []).some((p: Json) => (p?.hostPort ?? 0) !== 0), sets('a hostPort')),
  },
  {
    id: 'appArmorProfile',
    level: B,
    violation: pod => {
      const annotations = Object.entries(pod.metadata.annotations ?? {})
        .filter(([k, v]) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') && !['', 'runtime/default'].includes(String(v)) && !String(v).startsWith('localhost/'));
      if (annotations.length > 0) return `the pod sets the AppArmor annotation ${annotations[0][0]}: ${annotations[0][1]}`;
      const type = pod.spec.securityContext?.appArmorProfile?.type;
      if (type !== undefined && !VALID_APPARMOR.includes(type)) return `the pod sets securityContext.appArmorProfile.type: ${type}`;
      return forContainers(pod, c => sc(c).appArmorProfile?.type !== undefined && !VALID_APPARMOR.includes(sc(c).appArmorProfile.type),
        sets('securityContext.appArmorProfile.type to a profile other than RuntimeDefault or Localhost'));
    },
  },
  {
    id: 'seLinuxOptions',
    level: B,
    violation: pod => {
      const bad = (o: Json | undefined) => o !== undefined && (!SELINUX_TYPES.includes(o.type ?? '') || (o.user ?? '') !== '' || (o.role ?? '') !== '');
      if (bad(pod.spec.securityContext?.seLinuxOptions)) return 'the pod sets securityContext.seLinuxOptions with a custom type, user or role';
      return forContainers(pod, c => bad(sc(c).seLinuxOptions), sets('securityContext.seLinuxOptions with a custom type, user or role'));
    },
  },
  {
    id: 'procMount',
    level: B,
    violation: pod => forContainers(pod, c => sc(c).procMount !== undefined && sc(c).procMount !== 'Default', sets('securityContext.procMount other than Default')),
  },
  {
    id: 'seccompProfile_baseline',
    level: B,
    violation: pod => {
      if (pod.spec.securityContext?.seccompProfile?.type === 'Unconfined') return 'the pod sets securityContext.seccompProfile.type: Unconfined';
      return forContainers(pod, c => sc(c).seccompProfile?.type === 'Unconfined', sets('securityContext.seccompProfile.type: Unconfined'));
    },
  },
  {
    id: 'sysctls',
    level: B,
    violation: pod => {
      const unsafe = (pod.spec.securityContext?.sysctls ?? []).map((x: Json) => x?.name).filter((n: string) => !SAFE_SYSCTLS.includes(n));
      return unsafe.length > 0 ? `the pod sets the sysctl${unsafe.length > 1 ? 's' : ''} ${unsafe.join(', ')}, outside the safe set` : undefined;
    },
  },
  {
    id: 'windowsHostProcess',
    level: B,
    violation: pod => {
      if (pod.spec.securityContext?.windowsOptions?.hostProcess === true) return 'the pod sets securityContext.windowsOptions.hostProcess: true';
      return forContainers(pod, c => sc(c).windowsOptions?.hostProcess === true, sets('securityContext.windowsOptions.hostProcess: true'));
    },
  },
  {
    id: 'hostProbesAndhostLifecycle',
    level: B,
    violation: pod => forContainers(pod, probeHosts, sets('a host in a probe or lifecycle handler (httpGet.host, tcpSocket.host)')),
  },
  {
    id: 'restrictedVolumes',
    level: R,
    violation: pod => {
      const bad = (pod.spec.volumes ?? []).filter((v: Json) => !Object.keys(v ?? {}).some(k => RESTRICTED_VOLUMES.includes(k)));
      if (bad.length === 0) return undefined;
      const type = (v: Json) => Object.keys(v).find(k => k !== 'name') ?? 'no type';
      return `the pod has the volume${bad.length > 1 ? 's' : ''} ${bad.map((v: Json) => `'${v.name}' (${type(v)})`).join(', ')}, not one of ${RESTRICTED_VOLUMES.join(', ')}`;
    },
  },
  {
    id: 'allowPrivilegeEscalation',
    level: R,
    defaulted: true,
    violation: pod => forContainers(pod, c => sc(c).allowPrivilegeEscalation !== false, lacks('securityContext.allowPrivilegeEscalation: false')),
  },
  {
    id: 'runAsNonRoot',
    level: R,
    defaulted: true,
    violation: pod => {
      const podLevel = pod.spec.securityContext?.runAsNonRoot;
      if (podLevel === false) return 'the pod sets securityContext.runAsNonRoot: false';
      const explicit = forContainers(pod, c => sc(c).runAsNonRoot === false, sets('securityContext.runAsNonRoot: false'));
      if (explicit !== undefined || podLevel === true) return explicit;
      return forContainers(pod, c => sc(c).runAsNonRoot !== true, lacks('securityContext.runAsNonRoot: true, nor does the pod'));
    },
  },
  {
    id: 'runAsUser',
    level: R,
    violation: pod => {
      if (pod.spec.securityContext?.runAsUser === 0) return 'the pod sets securityContext.runAsUser: 0';
      return forContainers(pod, c => sc(c).runAsUser === 0, sets('securityContext.runAsUser: 0'));
    },
  },
  {
    id: 'seccompProfile_restricted',
    level: R,
    defaulted: true,
    violation: pod => {
      if (VALID_SECCOMP.includes(pod.spec.securityContext?.seccompProfile?.type)) return undefined;
      return forContainers(pod, c => !VALID_SECCOMP.includes(sc(c).seccompProfile?.type),
        lacks('securityContext.seccompProfile.type RuntimeDefault or Localhost, nor does the pod'));
    },
  },
  {
    id: 'capabilities_restricted',
    level: R,
    defaulted: true,
    violation: pod => forContainers(pod, c => !(sc(c).capabilities?.drop ?? []).includes('ALL') || (sc(c).capabilities?.add ?? []).some((a: string) => a !== 'NET_BIND_SERVICE'),
      ['does not drop ALL capabilities, or adds others than NET_BIND_SERVICE', 'do not drop ALL capabilities, or add others than NET_BIND_SERVICE']),
  },
];

export interface PodSecurityViolation {
  readonly rule: PodSecurityRule;
  readonly detail: string;
  /** the lowest profile the pod meets */
  readonly needs: PodSecurityStandard;
}

/** The first rule of `level` that `pod` breaks, with the profile the pod needs; undefined if it meets `level`. */
export function podSecurityViolation(level: PodSecurityStandard, pod: FlinkPod): PodSecurityViolation | undefined {
  if (level === PodSecurityStandard.PRIVILEGED) return undefined;
  for (const rule of POD_SECURITY_RULES) {
    if (rule.level === R && level === B) continue;
    const detail = rule.violation(pod);
    // baseline rules come first: a pod that breaks none of them meets baseline
    if (detail !== undefined) return { rule, detail, needs: rule.level === B ? PodSecurityStandard.PRIVILEGED : PodSecurityStandard.BASELINE };
  }
  return undefined;
}
