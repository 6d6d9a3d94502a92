import { FlinkVersion } from '../flink-version';

/**
 * The Java 17 module flags of the distribution's `env.java.opts.all`, 1.18 to 2.0
 * (`flink-dist/src/main/resources/flink-conf.yaml` 1.18, `config.yaml` 1.19.3, 1.20.4, 2.0.2).
 */
const JAVA_17_OPTS_1_18 = [
  '--add-exports=java.base/sun.net.util=ALL-UNNAMED',
  '--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED',
  '--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens=java.base/java.text=ALL-UNNAMED',
  '--add-opens=java.base/java.time=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED',
];

/** 2.1 and 2.2 dropped `--add-exports=java.base/sun.net.util` (`config.yaml` 2.1.2, 2.2.1). */
const JAVA_17_OPTS_2_1 = JAVA_17_OPTS_1_18.filter(o => o !== '--add-exports=java.base/sun.net.util=ALL-UNNAMED');

/**
 * The keys of the distribution's configuration file that the pod needs, because the ConfigMap replaces
 * the image's whole `conf/` (reference §2.2). Identical from 1.16 to 2.2 but for `env.java.opts.all`, which
 * 1.18 added for Java 17. The bind-host and `taskmanager.host` entries are left out: Flink's client removes
 * them before shipping (`FlinkConfMountDecorator`).
 */
export function distributionDefaults(version: FlinkVersion): Array<[string, string]> {
  const defaults: Array<[string, string]> = [
    ['jobmanager.rpc.address', 'localhost'],
    ['jobmanager.rpc.port', '6123'],
    ['jobmanager.memory.process.size', '1600m'],
    ['taskmanager.memory.process.size', '1728m'],
    ['taskmanager.numberOfTaskSlots', '1'],
    ['parallelism.default', '1'],
    ['jobmanager.execution.failover-strategy', 'region'],
    ['rest.address', 'localhost'],
  ];
  if (version.isAtLeast(FlinkVersion.V1_18)) {
    const opts = version.isAtLeast(FlinkVersion.V2_1) ? JAVA_17_OPTS_2_1 : JAVA_17_OPTS_1_18;
    defaults.push(['env.java.opts.all', opts.join(' ')]);
  }
  return defaults;
}
