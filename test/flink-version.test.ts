import { FlinkVersion } from '../src';

describe('FlinkVersion (reference §7)', () => {
  test('constants are the newest known patch releases; the image is Flink\'s default (KubernetesConfigOptions.getDefaultFlinkImage) pinned to it', () => {
    expect(FlinkVersion.V1_16.version).toBe('1.16.3');
    expect(FlinkVersion.V1_16.defaultImage).toBe('apache/flink:1.16.3-scala_2.12');
    expect(FlinkVersion.V1_20.defaultImage).toBe('apache/flink:1.20.4-scala_2.12');
    expect(FlinkVersion.V2_2.defaultImage).toBe('apache/flink:2.2.1-scala_2.12');
  });

  test('of() accepts <major>.<minor> and <major>.<minor>.<patch>; a patch pins the image', () => {
    expect(FlinkVersion.of('1.20').version).toBe('1.20.4');
    expect(FlinkVersion.of('1.20.3').defaultImage).toBe('apache/flink:1.20.3-scala_2.12');
    expect(FlinkVersion.of('2.1.0').minorVersion).toBe('2.1');
    expect(FlinkVersion.of('1.20.3').isAtLeast(FlinkVersion.V1_20)).toBe(true);
  });

  test('configuration file: flink-conf.yaml for 1.x, config.yaml for 2.x (reference §2.1)', () => {
    expect(FlinkVersion.V1_16.configFileName).toBe('flink-conf.yaml');
    expect(FlinkVersion.V1_20.configFileName).toBe('flink-conf.yaml');
    expect(FlinkVersion.V2_0.configFileName).toBe('config.yaml');
  });

  test('features that appear later', () => {
    expect([FlinkVersion.V1_18.hasUserArtifactsVolume, FlinkVersion.V1_19.hasUserArtifactsVolume]).toStrictEqual([false, true]);
    expect([FlinkVersion.V1_19.hasInternalServiceAnnotations, FlinkVersion.V1_20.hasInternalServiceAnnotations]).toStrictEqual([false, true]);
    expect([FlinkVersion.V2_1.hasServiceLabels, FlinkVersion.V2_2.hasServiceLabels]).toStrictEqual([false, true]);
    expect(FlinkVersion.V2_0.logConfigFileNames).toHaveLength(2);
    expect(FlinkVersion.V2_1.logConfigFileNames).toStrictEqual([
      'logback.xml', 'log4j.properties', 'logback-console.xml', 'log4j-console.properties',
      'logback-session.xml', 'log4j-session.properties', 'log4j-cli.properties',
    ]);
  });

  test('ordering compares release lines', () => {
    expect(FlinkVersion.V2_0.isAtLeast(FlinkVersion.V1_20)).toBe(true);
    expect(FlinkVersion.V1_19.isAtLeast(FlinkVersion.V1_20)).toBe(false);
    expect(FlinkVersion.V1_20.ordinal).toBe(120);
    expect(String(FlinkVersion.V2_1)).toBe('2.1.2');
  });
});
