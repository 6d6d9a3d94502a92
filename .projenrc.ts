import { cdk8s, javascript } from 'projen';
const project = new cdk8s.ConstructLibraryCdk8s({
  author: 'cdk8s-flink developers',
  authorAddress: 'dev@cdk8s-flink.dev',
  cdk8sVersion: '2.70.106',
  constructsVersion: '10.8.1',
  github: false,
  jsiiVersion: '~6.0.0',
  name: 'cdk8s-flink',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  release: false,
  repositoryUrl: 'https://github.com/cdk8s-flink/cdk8s-flink.git',

  // defaultReleaseBranch: "main",  /* The name of the main release branch. */
  // deps: [],                      /* Runtime dependencies of this module. */
  // description: undefined,        /* The description is just a string that helps people understand the purpose of the package. */
  // devDeps: [],                   /* Build dependencies for this module. */
  // packageName: undefined,        /* The "name" in package.json. */
});
project.synth();