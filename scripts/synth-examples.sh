#!/usr/bin/env bash
# Synthesizes every app under examples/ with the cdk8s CLI and prints where the YAML went.
set -euo pipefail
cd "$(dirname "$0")/.."
export CDK8S_CHECK_UPGRADE=false
cli="$PWD/node_modules/.bin/cdk8s"
for dir in examples/*/; do
  [ -f "$dir/cdk8s.yaml" ] || continue
  rm -rf "$dir/dist"
  (cd "$dir" && "$cli" synth --no-check-upgrade >/dev/null)
  for f in "$dir"dist/*.k8s.yaml; do echo "synthesized $f"; done
done
