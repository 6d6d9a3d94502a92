// Validates Kubernetes objects against the official OpenAPI schemas that kubernetes-models@4.5.1 ships
// precompiled (offline; no API server here). Used by the tests and by scripts/validate-manifests.js.
const { Deployment, StatefulSet } = require('kubernetes-models/apps/v1');
const { HorizontalPodAutoscaler } = require('kubernetes-models/autoscaling/v2');
const { NetworkPolicy } = require('kubernetes-models/networking.k8s.io/v1');
const { ConfigMap, Secret, Service, ServiceAccount } = require('kubernetes-models/v1');
const { Role, RoleBinding } = require('kubernetes-models/rbac.authorization.k8s.io/v1');

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
};

/** Throws if `obj` is not a valid object of a kind we know; an unknown kind is an error too. */
function validateObject(obj) {
  const id = `${obj.apiVersion}/${obj.kind}`;
  const Model = MODELS[id];
  if (!Model) throw new Error(`no schema for ${id} (${obj.metadata && obj.metadata.name}); add it to scripts/k8s-schemas.js`);
  new Model(obj).validate();
}

module.exports = { validateObject };
