#!/usr/bin/env node
// Validates every object of every examples/*/dist/*.k8s.yaml against the Kubernetes schemas.
// Prints one line per failure and a closing 'N passed, N failed'; exits 1 on any failure.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { validateObject } = require('./k8s-schemas');

const root = process.argv[2] || 'examples';
let passed = 0;
let failed = 0;
const files = fs.readdirSync(root)
  .map(d => path.join(root, d, 'dist'))
  .filter(d => fs.existsSync(d))
  .flatMap(d => fs.readdirSync(d).filter(f => f.endsWith('.k8s.yaml')).map(f => path.join(d, f)))
  .sort();
if (files.length === 0) {
  console.error(`no synthesized manifests under ${root}/*/dist; run 'npx projen examples' first`);
  process.exit(1);
}
for (const file of files) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const obj = doc.toJS();
    if (!obj) continue;
    try {
      validateObject(obj);
      passed++;
    } catch (e) {
      failed++;
      console.log(`FAIL ${file}: ${obj.kind} ${obj.metadata && obj.metadata.name}: ${e.message}`);
    }
  }
}
console.log(`schema validation of ${files.length} file(s): ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
