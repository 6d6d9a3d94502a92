import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-flink',
  description: 'cdk8s constructs that synthesize exactly the Kubernetes objects Apache Flink\'s native Kubernetes client creates, plus the RBAC, pod templates and configuration they need.',
  license: 'Apache-2.0',
  author: 'cdk8s-flink developers',
  authorAddress: 'dev@cdk8s-flink.dev',
  repositoryUrl: 'https://github.com/cdk8s-flink/cdk8s-flink.git',
  defaultReleaseBranch: 'main',
  keywords: ['cdk8s', 'kubernetes', 'flink', 'apache-flink'],
  stability: 'experimental',
  cdk8sVersion: '2.70.106',
  constructsVersion: '10.8.1',
  jsiiVersion: '~6.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  // No workflows, no release, no publishTo* targets: JS packaging only (the other
  // languages need registries this machine cannot reach).
  github: false,
  release: false,
  // cdk8s-plus types (kplus.IServiceAccount, k8s structs) are part of the public API, so jsii
  // requires a peer dependency.
  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  deps: ['yaml@^2'],
  bundledDeps: ['yaml'],
  devDeps: ['cdk8s-cli@^2.207.60', 'kubernetes-models@4.5.1', '@kubernetes-models/prometheus-operator@4.4.4', 'fast-check@^4'],
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: { testPathIgnorePatterns: ['/node_modules/', '/examples/'] },
  },
  tsconfigDev: { include: ['examples/**/*.ts', 'scripts/**/*.ts'] },
});

// Node 20 is what these machines run; the cdk8s CLI must not phone home (no internet).
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');
project.tasks.addEnvironment('CDK8S_CHECK_UPGRADE', 'false');

project.gitignore.exclude('examples/*/dist/');
project.npmignore?.exclude('/examples/', '/scripts/', '/.ci/', '/bench/');

// The examples import the compiled library (lib/), as users import the package: compile first.
const examples = project.addTask('examples', {
  description: 'Synthesize every app under examples/ with the cdk8s CLI into examples/*/dist/*.k8s.yaml',
});
examples.spawn(project.compileTask);
examples.exec('bash scripts/synth-examples.sh');
project.addTask('examples:validate', {
  description: 'Validate every synthesized example object against the Kubernetes schemas (kubernetes-models)',
  exec: 'node scripts/validate-manifests.js examples',
});
// the cold synth runs examples/session-cluster, which imports lib/: compile first, as `examples` does
const bench = project.addTask('bench', {
  description: 'Synth benchmark (N = 10, 100, 1000 clusters against a plain-ApiObject floor, cold cdk8s synth); regenerates bench/RESULTS.md',
});
bench.spawn(project.compileTask);
bench.exec('ts-node --transpile-only bench/synth-bench.ts');
project.addTask('bench:quick', {
  description: 'The synth benchmark at tiny N, one run of each cold synth: checks that it works, writes nothing (for CI)',
  exec: 'ts-node --transpile-only bench/synth-bench.ts --quick',
});
project.addTask('bench:profile', {
  description: 'CPU profile of the library synthesizing 1000 clusters: hottest functions, src/ positions mapped to the .ts lines',
  exec: 'ts-node --transpile-only bench/profile.ts',
  receiveArgs: true,
});

project.addTask('fuzz', {
  description: 'The fuzzer: random, type-correct props for both constructs and modes (`npm run fuzz -- --runs N --seed S`)',
  exec: 'ts-node --transpile-only scripts/fuzz.ts',
  receiveArgs: true,
});

project.synth();
