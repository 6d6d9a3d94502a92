// The baseline of the cold-synth comparison (bench/synth-bench.ts): the smallest cdk8s app with one
// Deployment, run the way the examples are (`app: npx ts-node main.ts`). KubeDeployment is the L1 class a
// `cdk8s import k8s` app uses; it comes from cdk8s-plus-28's k8s module, which cdk8s-flink users have anyway.
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';

const app = new App();
const chart = new Chart(app, 'minimal', { namespace: 'default' });
const labels = { app: 'hello' };
new k8s.KubeDeployment(chart, 'deployment', {
  metadata: { name: 'hello' },
  spec: {
    replicas: 1,
    selector: { matchLabels: labels },
    template: {
      metadata: { labels },
      spec: { containers: [{ name: 'hello', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    },
  },
});
app.synth();
