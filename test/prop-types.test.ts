import * as fs from 'fs';
import * as path from 'path';
import { Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { chart } from './util';
import {
  FlinkApplicationCluster, FlinkCluster, FlinkClusterProps, FlinkDeploymentTarget, FlinkIngress, FlinkPlugin, FlinkSessionCluster, FlinkVersion,
  HighAvailability, IngressController, JobArtifact, PodTemplate, RbacBinding, WorkloadIdentity,
} from '../src';
import { SCHEMAS } from '../src/private/prop-schemas';
import { describe as describeValue, membersOf, PropSpec, PropType, suggest } from '../src/private/prop-types';

/**
 * The runtime type checks at the public boundary (src/private/prop-types.ts, prop-schemas.ts): the schemas
 * cover exactly what the jsii assembly declares, and every prop and parameter given a value of a wrong type is
 * an Error (never a TypeError) that names it as the user wrote it.
 */

// ---------------------------------------------------------------------------------------------------------------
// the schemas against the jsii assembly

const ASSEMBLY = path.join(__dirname, '..', '.jsii');
const haveAssembly = fs.existsSync(ASSEMBLY);
const PREFIX = 'cdk8s-flink.';

/** A jsii type reference as a canonical string. */
function jsiiType(assembly: any, ref: any): string {
  if (ref.primitive) return ref.primitive;
  if (ref.collection) return `${ref.collection.kind}<${jsiiType(assembly, ref.collection.elementtype)}>`;
  const fqn: string = ref.fqn;
  if (fqn === 'cdk8s.Size') return 'size';
  if (fqn === 'cdk8s.Duration') return 'duration';
  if (fqn === 'constructs.Construct') return 'construct';
  if (fqn.startsWith('cdk8s-plus-28.k8s.')) return `k8s:${fqn.substring('cdk8s-plus-28.k8s.'.length)}`;
  if (fqn.startsWith('cdk8s-plus-28.')) return `named:${fqn.substring('cdk8s-plus-28.'.length)}`;
  const type = assembly.types[fqn];
  const name = fqn.substring(PREFIX.length);
  if (type.kind === 'enum') return `enum:${name}(${type.members.map((m: any) => m.name).join(',')})`;
  if (type.kind === 'class') return `class:${name}`;
  return `struct:${name}`;
}

/** A schema type as the same canonical string. */
function schemaType(type: PropType): string {
  switch (type.kind) {
    case 'map':
    case 'array': return `${type.kind}<${schemaType(type.of)}>`;
    case 'enum': return `enum:${type.name}(${Object.keys(type.values).join(',')})`;
    case 'class': return `class:${type.name}`;
    case 'named': return `named:${type.name}`;
    case 'k8s': return `k8s:${type.name}`;
    case 'struct': return `struct:${type.name}`;
    default: return type.kind;
  }
}

const signature = (spec: PropSpec) => `${schemaType(spec)}${spec.required ? '' : '?'}`;

(haveAssembly ? describe : describe.skip)(`the schemas cover exactly the jsii assembly (${haveAssembly ? '.jsii' : 'SKIPPED: .jsii is absent; run npx projen compile, which npx projen build does before the tests'})`, () => {
  const assembly = haveAssembly ? JSON.parse(fs.readFileSync(ASSEMBLY, 'utf8')) : { types: {} };
  const types: Array<[string, any]> = Object.entries(assembly.types).map(([fqn, t]) => [fqn.substring(PREFIX.length), t]);

  test('one schema per struct, with its own props, their types and whether they are required', () => {
    const fromAssembly: Record<string, unknown> = {};
    for (const [name, t] of types.filter(([, type]) => type.datatype)) {
      fromAssembly[name] = {
        extends: (t.interfaces ?? []).map((i: string) => i.substring(PREFIX.length))[0],
        props: Object.fromEntries((t.properties ?? []).map((p: any) => [p.name, `${jsiiType(assembly, p.type)}${p.optional ? '?' : ''}`])),
      };
    }
    const fromSchemas = Object.fromEntries(Object.entries(SCHEMAS.structs).map(([name, s]) => [name, {
      extends: s.extends,
      props: Object.fromEntries(Object.entries(s.props).map(([prop, spec]) => [prop, signature(spec)])),
    }]));
    expect(fromSchemas).toStrictEqual(fromAssembly);
  });

  test('one parameter list per public constructor and method that takes input', () => {
    const fromAssembly: Record<string, string[]> = {};
    for (const [name, t] of types.filter(([, type]) => type.kind === 'class')) {
      const callables = [
        ...(t.initializer?.parameters ? [['constructor', t.initializer.parameters]] : []),
        ...(t.methods ?? []).filter((m: any) => m.parameters?.length).map((m: any) => [m.name, m.parameters]),
      ];
      for (const [method, params] of callables) {
        fromAssembly[`${name}.${method}`] = params.map((p: any) => `${p.name}: ${jsiiType(assembly, p.type)}${p.optional ? '?' : ''}`);
      }
    }
    const fromSchemas = Object.fromEntries(Object.entries(SCHEMAS.parameters).map(([entry, params]) => [entry,
      params.map(p => `${p.name}: ${signature(p.type)}`)]));
    expect(fromSchemas).toStrictEqual(fromAssembly);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// every prop and parameter, given wrong types

/** A value of the right type, for the props around the one under test. */
function sample(type: PropType, scope: Construct): unknown {
  switch (type.kind) {
    case 'string': return 'x';
    case 'number': return 1;
    case 'boolean': return true;
    case 'size': return Size.gibibytes(1);
    case 'duration': return Duration.seconds(1);
    case 'construct': return scope;
    case 'enum': return Object.values(type.values)[0];
    case 'named': return { name: 'x' };
    case 'k8s': return {};
    case 'map': return {};
    case 'array': return [];
    case 'struct': return structSample(type.name, scope);
    case 'class': return ({
      FlinkVersion: () => FlinkVersion.V1_20,
      JobArtifact: () => JobArtifact.fromImage('/opt/flink/usrlib/job.jar'),
      PodTemplate: () => new PodTemplate(scope, `T${counter++}`),
      HighAvailability: () => HighAvailability.kubernetes({ storageDir: 's3://b/ha' }),
      FlinkPlugin: () => FlinkPlugin.S3_PRESTO,
      // its REST port open to an ingress controller's pods, as a FlinkIngress needs
      FlinkCluster: () => new FlinkSessionCluster(scope, `C${counter++}`, {
        version: FlinkVersion.V1_20, clusterId: `c${counter++}`, networkPolicy: { restPeers: [{ namespaceSelector: {} }] },
      }),
      IngressController: () => IngressController.NGINX,
      WorkloadIdentity: () => WorkloadIdentity.fromAwsIamRole('arn:aws:iam::111122223333:role/flink'),
    } as Record<string, () => unknown>)[type.name]();
  }
}
let counter = 0;

/** A struct with its required members only. */
function structSample(name: string, scope: Construct): Record<string, unknown> {
  return Object.fromEntries(Object.entries(membersOf(SCHEMAS, name)).filter(([, s]) => s.required).map(([m, s]) => [m, sample(s, scope)]));
}

/** Values of wrong types for `type`. */
function wrongValues(type: PropType): unknown[] {
  switch (type.kind) {
    case 'string': return [0, true, {}, ['x'], null];
    case 'number': return ['1', true, {}, null];
    case 'boolean': return ['true', 1, {}];
    case 'size': return [1024, '1Gi', {}];
    case 'duration': return [30, '30s', {}];
    case 'construct': return ['scope', {}, 1];
    case 'enum': return ['NOT_A_MEMBER', 1];
    case 'class': return ['x', {}, 1];
    case 'named': return ['name', {}, 1];
    case 'k8s': return ['x', [], { notAField: 1 }];
    case 'map': return ['x', ['a'], { k: wrongValues(type.of)[0] }];
    case 'array': return ['x', {}, [wrongValues(type.of)[0]]];
    case 'struct': return ['x', [], { notAProp: 1 }];
  }
}

/** A path into a struct: member names and array indices. */
type Segment = string | number;
const display = (segments: Segment[]) => segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** Every member reachable from a struct, with its path: nested structs and the first element of arrays of structs. */
function* members(name: string, at: Segment[] = []): Generator<[Segment[], PropSpec]> {
  for (const [member, spec] of Object.entries(membersOf(SCHEMAS, name))) {
    const here = [...at, member];
    yield [here, spec];
    if (spec.kind === 'struct') yield* members(spec.name, here);
    if (spec.kind === 'array' && spec.of.kind === 'struct') yield* members(spec.of.name, [...here, 0]);
  }
}

/** A struct of type `name` with `value` at `segments`, and the required members around it. */
function withValue(name: string, segments: Segment[], value: unknown, scope: Construct): Record<string, unknown> {
  const result = structSample(name, scope);
  const [head, ...rest] = segments as [string, ...Segment[]];
  if (rest.length === 0) {
    result[head] = value;
    return result;
  }
  const spec = membersOf(SCHEMAS, name)[head];
  if (spec.kind === 'struct') result[head] = withValue(spec.name, rest, value, scope);
  else if (spec.kind === 'array' && spec.of.kind === 'struct') result[head] = [withValue(spec.of.name, rest.slice(1), value, scope)];
  return result;
}

class TestCluster extends FlinkCluster {
  constructor(scope: Construct, id: string, props: FlinkClusterProps, target: FlinkDeploymentTarget) {
    super(scope, id, props, target);
  }
}

/** How to call each entry point, with its arguments. */
const CALLS: Record<string, (args: any[]) => unknown> = {
  'FlinkCluster.constructor': ([s, i, p, t]) => new TestCluster(s, i, p, t),
  'FlinkSessionCluster.constructor': ([s, i, p]) => new FlinkSessionCluster(s, i, p),
  'FlinkApplicationCluster.constructor': ([s, i, p]) => new FlinkApplicationCluster(s, i, p),
  'PodTemplate.constructor': ([s, i, p]) => new PodTemplate(s, i, p),
  'PodTemplate.fromFile': ([s, i, f]) => PodTemplate.fromFile(s, i, f),
  'RbacBinding.constructor': ([s, i, p]) => new RbacBinding(s, i, p),
  'FlinkVersion.of': ([v]) => FlinkVersion.of(v),
  'FlinkVersion.isAtLeast': ([o]) => FlinkVersion.V1_20.isAtLeast(o),
  'JobArtifact.fromImage': ([p]) => JobArtifact.fromImage(p),
  'JobArtifact.fromUrl': ([u]) => JobArtifact.fromUrl(u),
  'HighAvailability.kubernetes': ([o]) => HighAvailability.kubernetes(o),
  'HighAvailability.zookeeper': ([o]) => HighAvailability.zookeeper(o),
  'FlinkPlugin.of': ([a]) => FlinkPlugin.of(a),
  'FlinkPlugin.jarFor': ([v]) => FlinkPlugin.S3_PRESTO.jarFor(v),
  'FlinkIngress.constructor': ([s, i, p]) => new FlinkIngress(s, i, p),
  'WorkloadIdentity.fromAwsIamRole': ([a]) => WorkloadIdentity.fromAwsIamRole(a),
  'WorkloadIdentity.fromGcpServiceAccount': ([e]) => WorkloadIdentity.fromGcpServiceAccount(e),
  'WorkloadIdentity.fromAzureClientId': ([c, t]) => WorkloadIdentity.fromAzureClientId(c, t),
};

/** Arguments of the right types for `entry`, with `replace` applied to the one at `index`. */
function args(entry: string, scope: Construct, index?: number, replace?: (base: unknown) => unknown): unknown[] {
  return SCHEMAS.parameters[entry].map((p, i) => {
    let base: unknown = p.name === 'id' ? `id${counter++}` : sample(p.type, scope);
    if (entry === 'FlinkCluster.constructor' && p.name === 'target') base = FlinkDeploymentTarget.SESSION;
    // an RbacBinding binds accounts a cluster does not create (else their Roles' names would clash)
    if (entry === 'RbacBinding.constructor' && p.name === 'props') {
      base = {
        ...(base as object),
        cluster: new FlinkSessionCluster(scope, `C${counter++}`, {
          version: FlinkVersion.V1_20, clusterId: `c${counter++}`, serviceAccount: kplus.ServiceAccount.fromServiceAccountName(scope, `A${counter++}`, 'flink'),
        }),
      };
    }
    if (p.type.kind === 'struct') base = { ...(base as object), ...(/^Flink(Session|Application)?ClusterProps$/.test(p.type.name) ? { clusterId: `c${counter++}` } : {}) };
    return i === index ? replace!(base) : base;
  });
}

/** Whatever `call` throws; fails if it throws nothing. */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, got none');
}

interface Case {
  readonly entry: string;
  readonly prop: string;
  readonly value: unknown;
  readonly call: () => unknown;
}

function cases(): Case[] {
  const result: Case[] = [];
  for (const [entry, params] of Object.entries(SCHEMAS.parameters)) {
    params.forEach((param, index) => {
      const call = (replace: (base: unknown) => unknown) => () => {
        const scope = chart();
        return CALLS[entry](args(entry, scope, index, replace));
      };
      // an inline struct's unknown members are named as members (below)
      const wrong = wrongValues(param.type).filter(v => !param.inline || typeof v !== 'object' || Array.isArray(v));
      for (const value of wrong) result.push({ entry, prop: param.name, value, call: call(() => value) });
      if (param.type.kind !== 'struct') {
        if (param.type.required) result.push({ entry, prop: param.name, value: undefined, call: call(() => undefined) });
        return;
      }
      const structName = param.type.name;
      // a missing struct is named by its first missing member
      const firstRequired = Object.entries(membersOf(SCHEMAS, structName)).find(([, spec]) => spec.required)?.[0];
      if (param.type.required && firstRequired) result.push({ entry, prop: firstRequired, value: undefined, call: call(() => undefined) });
      for (const [segments, spec] of members(structName)) {
        const prop = (param.inline ? '' : `${param.name}.`) + display(segments);
        const at = (value: unknown) => call(base => ({ ...(base as object), ...withValue(structName, segments, value, chart()) }));
        for (const value of wrongValues(spec)) result.push({ entry, prop, value, call: at(value) });
        if (spec.required) result.push({ entry, prop, value: undefined, call: at(undefined) });
      }
    });
  }
  return result;
}

describe('every prop and parameter given a wrong type is an Error naming it, never a TypeError', () => {
  test('every entry point has a way to call it here', () => {
    expect(Object.keys(CALLS).sort()).toStrictEqual(Object.keys(SCHEMAS.parameters).sort());
  });

  const all = cases();
  test(`there are cases for every prop (${all.length})`, () => {
    expect(all.length).toBeGreaterThan(600);
  });

  test.each(all.map(c => [c.entry, c.prop, describeValue(c.value), c]))('%s: %s = %s', (_entry, prop, _value, c) => {
    const error = thrown((c as Case).call);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.message).toContain(prop as string);
  });

  test('the arguments of the right types are accepted (the cases fail for the wrong value only)', () => {
    for (const entry of Object.keys(SCHEMAS.parameters)) {
      // 'x' is no URL, path, version, artifact id or file
      if (['JobArtifact.fromUrl', 'JobArtifact.fromImage', 'FlinkVersion.of', 'FlinkPlugin.of', 'PodTemplate.fromFile'].includes(entry)) continue;
      // nor an IAM role ARN, a GCP service account or an Azure client ID
      if (entry.startsWith('WorkloadIdentity.')) continue;
      expect(() => CALLS[entry](args(entry, chart()))).not.toThrow();
    }
  });
});

describe('the messages name the prop as the user wrote it, what was given and what is expected', () => {
  const build = (props: object) => () => new FlinkSessionCluster(chart(), 'session', { version: FlinkVersion.V1_20, clusterId: 'c', ...props } as any);

  test.each([
    [{ clusterId: true }, "'clusterId' is true: expected a string, e.g. 'my-flink-cluster'"],
    [{ image: 0 }, "'image' is 0: expected an image reference"],
    [{ flinkConfiguration: 'x' }, "'flinkConfiguration' is \"x\": expected an object of strings, e.g. { key: 'value' }"],
    [{ taskManager: [] }, "'taskManager' is []: expected a TaskManagerOptions (an object)"],
    [{ version: '1.20' }, "'version' is \"1.20\": expected a FlinkVersion, e.g. FlinkVersion.V1_20 or FlinkVersion.of('1.20.3')"],
    [{ jobManager: { tolerations: {} } }, "'jobManager.tolerations' is {}: expected an array of kplus.k8s.Toleration objects"],
    [{ taskManager: { memory: 1024 } }, "'taskManager.memory' is 1024: expected a Size, e.g. Size.mebibytes(1728)"],
    [{ taskManager: { idleTimeout: Size.gibibytes(1) } }, "'taskManager.idleTimeout' is a Size: expected a Duration, e.g. Duration.seconds(30)"],
    [{ imagePullPolicy: 'Sometimes' }, "'imagePullPolicy' is \"Sometimes\": expected one of ImagePullPolicy.IF_NOT_PRESENT, ImagePullPolicy.ALWAYS, ImagePullPolicy.NEVER ('IfNotPresent', 'Always', 'Never')"],
    [{ imagePullSecrets: ['regcred'] }, "'imagePullSecrets[0]' is \"regcred\": expected a kplus.ISecret, e.g. kplus.Secret.fromSecretName(this, 'Id', 'my-secret')"],
    [{ secrets: [{ secret: { name: 's' }, mountPath: 5 }] }, "'secrets[0].mountPath' is 5: expected an absolute path"],
    [{ jobManager: { labels: { app: 1 } } }, "jobManager.labels['app'] is 1: expected a string"],
    [{ logging: { loggers: { 'org.apache': 'LOUD' } } }, "logging.loggers['org.apache'] is \"LOUD\": expected one of LogLevel.ALL"],
    [{ clusterId: null }, "'clusterId' is null: expected a string, e.g. 'my-flink-cluster'; leave 'clusterId' out for its default"],
    [{ restService: { loadBalancerSourceRanges: '10.0.0.0/8' } }, "'restService.loadBalancerSourceRanges' is \"10.0.0.0/8\": expected an array of strings"],
    [{ taskManager: { localRecovery: {} } }, "'taskManager.localRecovery.storage' is required: expected a Size, e.g. Size.gibibytes(50)"],
    [{ plugins: [FlinkPlugin.S3_PRESTO, 's3'] }, "'plugins[1]' is \"s3\": expected a FlinkPlugin, e.g. FlinkPlugin.S3_PRESTO"],
    [{ podTemplate: {} }, "'podTemplate' is {}: expected a PodTemplate"],
  ])('%j', (props, message) => {
    expect(build(props)).toThrow(message);
  });

  test('the job\'s args by index (job.args[2])', () => {
    expect(() => new FlinkApplicationCluster(chart(), 'app', { version: FlinkVersion.V1_20, clusterId: 'a', job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar'), args: ['a', 'b', 3 as any] } }))
      .toThrow("'job.args[2]' is 3: expected a string");
  });

  test('a long value is cut short, a construct is named by its class', () => {
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
    expect(describeValue({ a: 'y'.repeat(100) })).toBe(`{"a":"${'y'.repeat(54)}…`);
    expect(describeValue(kplus.Secret.fromSecretName(chart(), 's', 's'))).toBe('an ImportedSecret');
    const cycle: any = {};
    cycle.self = cycle;
    expect(describeValue(cycle)).toBe('an object');
    expect(describeValue(() => 1)).toBe('a function');
  });

  test('the value classes\' methods say which method', () => {
    expect(() => FlinkVersion.of(true as any)).toThrow("FlinkVersion.of(): 'version' is true: expected a string such as '1.20' or '1.20.3'");
    expect(() => FlinkVersion.V1_20.isAtLeast('1.19' as any)).toThrow("FlinkVersion.isAtLeast(): 'other' is \"1.19\": expected a FlinkVersion");
    expect(() => JobArtifact.fromImage(undefined as any)).toThrow("JobArtifact.fromImage(): 'path' is required: expected the absolute path of a jar in the image");
    expect(() => JobArtifact.fromUrl(['s3://b/j.jar'] as any)).toThrow("JobArtifact.fromUrl(): 'url' is [\"s3://b/j.jar\"]: expected a URL");
    expect(() => HighAvailability.kubernetes({ storageDir: 's3://b/ha', quorum: 'zk' } as any))
      .toThrow("HighAvailability.kubernetes(): 'quorum' is not a prop of KubernetesHighAvailabilityOptions; expected one of storageDir");
    expect(() => HighAvailability.zookeeper(undefined as any)).toThrow("HighAvailability.zookeeper(): 'storageDir' is required: Flink keeps job graphs");
    expect(() => FlinkPlugin.of(5 as any)).toThrow("FlinkPlugin.of(): 'artifactId' is 5: expected an artifact id such as 'flink-s3-fs-hadoop'");
    expect(() => FlinkPlugin.S3_PRESTO.jarFor('1.20' as any)).toThrow("FlinkPlugin.jarFor(): 'version' is \"1.20\": expected a FlinkVersion");
    expect(() => PodTemplate.fromFile(chart(), 't', 5 as any)).toThrow("PodTemplate.fromFile(): 'file' is 5: expected the path of a YAML file");
  });

  test('constructs name themselves by their path, and check their scope and id', () => {
    const c = chart();
    expect(() => new PodTemplate(c, 'tpl', { tolerations: {} as any })).toThrow("PodTemplate 'test/tpl': 'tolerations' is {}: expected an array of kplus.k8s.Toleration objects");
    expect(() => new RbacBinding(c, 'rbac', { cluster: 'c' } as any)).toThrow("RbacBinding 'test/rbac': 'cluster' is \"c\": expected a FlinkCluster");
    expect(() => new FlinkSessionCluster(c, 5 as any, { version: FlinkVersion.V1_20 })).toThrow("'id' is 5: expected the construct id, a string");
    expect(() => new FlinkSessionCluster('chart' as any, 'x', { version: FlinkVersion.V1_20 })).toThrow("'scope' is \"chart\": expected a construct");
    expect(() => new FlinkSessionCluster(c, 'x', undefined as any)).toThrow("'version' is required: the configuration file format, the option names and the default image follow it; e.g. FlinkVersion.V1_20");
    expect(() => new TestCluster(c, 'x', { version: FlinkVersion.V1_20 }, 'per-job' as any))
      .toThrow("FlinkCluster: 'target' is \"per-job\": expected FlinkDeploymentTarget.SESSION or FlinkDeploymentTarget.APPLICATION ('kubernetes-session' or 'kubernetes-application')");
  });
});

describe('unknown props are errors, with a "did you mean" where close', () => {
  const build = (props: object) => () => new FlinkSessionCluster(chart(), 'session', { version: FlinkVersion.V1_20, clusterId: 'c', ...props } as any);

  test.each([
    [{ taskManger: {} }, "'taskManger' is not a prop of FlinkSessionClusterProps; did you mean 'taskManager'?"],
    [{ clusterID: 'c2' }, "'clusterID' is not a prop of FlinkSessionClusterProps; did you mean 'clusterId'?"],
    [{ jobManager: { memroy: Size.gibibytes(2) } }, "'jobManager.memroy' is not a prop of JobManagerOptions; did you mean 'memory'?"],
    [{ taskManager: { tolerations: [{ keyy: 'a' }] } }, "'taskManager.tolerations[0].keyy' is not a field of kplus.k8s.Toleration; did you mean 'key'?"],
    [{ job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar') } }, "'job' is not a prop of FlinkSessionClusterProps; expected one of version, "],
  ])('%j', (props, message) => {
    expect(build(props)).toThrow(message);
  });

  test('pod templates: a field the conversion to a Kubernetes object would drop', () => {
    expect(() => new PodTemplate(chart(), 'tpl', { sidecars: [{ name: 'log', imag: 'busybox' } as any] }))
      .toThrow("PodTemplate 'test/tpl': 'sidecars[0].imag' is not a field of kplus.k8s.Container; did you mean 'image'?");
    expect(() => new PodTemplate(chart(), 'tpl', { mainContainer: { resources: { limit: {} } } as any }))
      .toThrow("'mainContainer.resources.limit' is not a prop of PodTemplateResources; did you mean 'limits'?");
  });

  test('a wrong type deeper inside a Kubernetes struct names the prop', () => {
    expect(() => new PodTemplate(chart(), 'tpl', { sidecars: [{ name: 'log', env: 'X=1' } as any] }))
      .toThrow("PodTemplate 'test/tpl': 'sidecars[0]' has a field of the wrong type, which the conversion to a Kubernetes object fails on");
  });

  test('"did you mean" only for slips: same letters in another case, or a few edits', () => {
    expect(suggest('taskmanager', ['taskManager', 'jobManager'])).toBe('taskManager');
    expect(suggest('imagePullPolicyy', ['imagePullPolicy', 'image'])).toBe('imagePullPolicy');
    expect(suggest('colour', ['version', 'mode'])).toBeUndefined();
  });
});

describe('whatever the input, an Error and never a TypeError', () => {
  // random JSON-ish values, of any type, at every prop of the cluster constructors and the pod template
  const paths = [
    ...[...members('FlinkApplicationClusterProps')].map(([segments]) => ['FlinkApplicationClusterProps', segments] as const),
    ...[...members('PodTemplateProps')].map(([segments]) => ['PodTemplateProps', segments] as const),
  ];
  const construct = (struct: string, props: object) => {
    const scope = new Chart(Testing.app(), 'fuzz');
    return struct === 'PodTemplateProps'
      ? new PodTemplate(scope, 'tpl', props)
      : new FlinkApplicationCluster(scope, 'app', { version: FlinkVersion.V1_20, clusterId: 'fuzz', job: { artifact: JobArtifact.fromImage('/opt/flink/usrlib/job.jar') }, ...props });
  };

  // a fixed seed, so the run is the same every time; FUZZ_SEED and FUZZ_RUNS explore further
  test('fast-check: a random value at a random prop', () => {
    fc.assert(fc.property(fc.constantFrom(...paths), fc.anything({ withNullPrototype: true, withBigInt: true }), ([struct, segments], value) => {
      try {
        construct(struct, withValue(struct, [...segments], value, chart()));
      } catch (e) {
        if (!(e instanceof Error) || e instanceof TypeError) throw e;
      }
    }), { seed: Number(process.env.FUZZ_SEED ?? 12), numRuns: Number(process.env.FUZZ_RUNS ?? 1000) });
  });
});
