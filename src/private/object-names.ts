import type { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';

/**
 * The objects our constructs emit, by kind, namespace and name, per app (keyed by the construct tree's root):
 * two objects of one kind and name in one namespace are one object to Kubernetes, and `kubectl apply` or a
 * GitOps tool would keep only the last — two clusters with one `clusterId`, or clusters `x` and `x-rest`
 * (Service `x-rest` twice).
 */
const claimed = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Claims the names of `objects` for `owner`, or fails naming both constructs; `fix` says what to change.
 * Called in the constructor, so the construct that brings the second object is the one that fails.
 */
export function claimObjectNames(owner: IConstruct, objects: ApiObject[], fix: string): void {
  const root = owner.node.root;
  let names = claimed.get(root);
  if (names === undefined) {
    names = new Map();
    claimed.set(root, names);
  }
  for (const object of objects) {
    // the API group, not the version: apps/v1 and apps/v1beta1 Deployments are the same objects
    const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
    const namespace = object.metadata.namespace ?? '';
    const key = `${group}|${object.kind}|${namespace}|${object.name}`;
    const other = names.get(key);
    if (other !== undefined && other !== owner.node.path) {
      throw new Error(`'${owner.node.path}': its ${object.kind} '${object.name}' in namespace '${namespace}' has the name of ${/^[AEIOU]/.test(object.kind) ? 'an' : 'a'} ${object.kind} of '${other}'; Kubernetes keeps one object per kind, namespace and name, so one would replace the other; ${fix}`);
    }
    names.set(key, owner.node.path);
  }
}
