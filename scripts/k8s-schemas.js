// Validates Kubernetes objects against the official OpenAPI schemas that kubernetes-models@4.5.1 ships
// precompiled (offline; no API server here). Used by the tests and by scripts/validate-manifests.js.
const { Deployment, StatefulSet } = require('kubernetes-models/apps/v1');
const { HorizontalPodAutoscaler } = require('kubernetes-models/autoscaling/v2');
const { NetworkPolicy } = require('kubernetes-models/networking.k8s.io/v1');
const { ConfigMap, Secret, Service, ServiceAccount } = require('kubernetes-models/v1');
const { Ingress } = require('kubernetes-models/networking.k8s.io/v1');
const { PodDisruptionBudget } = require('kubernetes-models/policy/v1');
const { Role, RoleBinding } = require('kubernetes-models/rbac.authorization.k8s.io/v1');
// the Prometheus operator's CRDs, on kubernetes-models 4.5.1's base
const { PodMonitor } = require('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor');

/**
 * Traefik's Middleware CRD has no model package here: the parts we emit, transcribed from its schema
 * (traefik/traefik docs/content/reference/dynamic-configuration/traefik.io_middlewares.yaml: `metadata` and
 * `spec` required; `stripPrefix.prefixes: string[]`, `redirectRegex.{regex,replacement}: string`,
 * `permanent: boolean`), stricter than the CRD: an unknown field is an error, and the regex must compile.
 */
class TraefikMiddleware {
  constructor(obj) { this.obj = obj; }
  validate() {
    const errors = [];
    const o = this.obj;
    const fields = (at, value, allowed) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) { errors.push(`${at} must be object`); return false; }
      for (const k of Object.keys(value)) if (!(k in allowed)) errors.push(`${at}/${k} is not a field we transcribed`);
      for (const [k, type] of Object.entries(allowed)) {
        const v = value[k];
        if (v === undefined) continue;
        if (type === 'string[]' ? !(Array.isArray(v) && v.every(x => typeof x === 'string')) : type !== 'object' && typeof v !== type) errors.push(`${at}/${k} must be ${type}`);
      }
      return true;
    };
    fields('data', o, { apiVersion: 'string', kind: 'string', metadata: 'object', spec: 'object' });
    if (!o.metadata || typeof o.metadata.name !== 'string') errors.push('data must have required property metadata.name');
    if (o.spec === undefined) errors.push('data must have required property spec');
    else if (fields('data/spec', o.spec, { stripPrefix: 'object', redirectRegex: 'object' })) {
      if (o.spec.stripPrefix !== undefined) fields('data/spec/stripPrefix', o.spec.stripPrefix, { prefixes: 'string[]', forceSlash: 'boolean' });
      const r = o.spec.redirectRegex;
      if (r !== undefined && fields('data/spec/redirectRegex', r, { regex: 'string', replacement: 'string', permanent: 'boolean' })) {
        try { new RegExp(r.regex); } catch (e) { errors.push(`data/spec/redirectRegex/regex does not compile: ${e.message}`); }
      }
    }
    if (errors.length > 0) throw new Error(errors.join(', '));
  }
}

const MODELS = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'networking.k8s.io/v1/Ingress': Ingress,
  'traefik.io/v1alpha1/Middleware': TraefikMiddleware,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
};

/** Throws if `obj` is not a valid object of a kind we know; an unknown kind is an error too. */
function validateObject(obj) {
  const id = `${obj.apiVersion}/${obj.kind}`;
  const Model = MODELS[id];
  if (!Model) throw new Error(`no schema for ${id} (${obj.metadata && obj.metadata.name}); add it to scripts/k8s-schemas.js`);
  new Model(obj).validate();
}

module.exports = { validateObject };
