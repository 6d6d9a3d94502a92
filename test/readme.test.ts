import { readmeYamlBlock, smallestYaml } from '../scripts/readme-example';

test('README shows the YAML its smallest session cluster really produces (npx ts-node scripts/readme-example.ts --write)', () => {
  expect(readmeYamlBlock()).toBe(smallestYaml());
});
