import { ConfigEntry, FlinkConfig } from './config';

/**
 * Flink's memory model for the JobManager and TaskManager processes, as far as the client needs it:
 * the JobManager container's memory is the JobManager's total process memory, computed as
 * `AbstractContainerizedClusterClientFactory.getClusterSpecification` does with
 * `JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(conf, TOTAL_PROCESS_MEMORY)`
 * (`flink-runtime/.../jobmanager/JobManagerProcessUtils`, `util/config/memory/ProcessMemoryUtils`).
 * TaskManager sizes are checked with `TaskExecutorProcessUtils`' rules, so a size Flink would reject when
 * it starts a TaskManager is an error at synth time instead.
 */

const MiB = 1024 * 1024;

/** `MemorySize.parse`: a number and an optional unit; bytes without one. */
export function parseMemorySize(text: string): number {
  const match = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!match) throw new Error('expected a memory size such as \'1600m\' or \'2g\'');
  const units: Record<string, number> = {
    '': 1,
    'b': 1,
    'bytes': 1,
    'k': 1024,
    'kb': 1024,
    'kibibytes': 1024,
    'm': MiB,
    'mb': MiB,
    'mebibytes': MiB,
    'g': 1024 * MiB,
    'gb': 1024 * MiB,
    'gibibytes': 1024 * MiB,
    't': 1024 * 1024 * MiB,
    'tb': 1024 * 1024 * MiB,
    'tebibytes': 1024 * 1024 * MiB,
  };
  const unit = units[match[2].toLowerCase()];
  if (unit === undefined) throw new Error(`unknown unit '${match[2]}'; use b, k, m, g or t`);
  return Number(match[1]) * unit;
}

function mib(bytes: number): string {
  return `${Math.floor(bytes / MiB)} MiB`;
}

interface RangeFraction {
  readonly min: number;
  readonly max: number;
  readonly fraction: number;
}

class MemoryReader {
  constructor(private readonly config: FlinkConfig) {}

  entry(key: string): ConfigEntry | undefined {
    return this.config.entry(key);
  }

  size(key: string, fallback?: number): number | undefined {
    const entry = this.config.entry(key);
    if (entry === undefined) return fallback;
    try {
      return parseMemorySize(entry.value);
    } catch (e) {
      throw new Error(`${entry.origin.prop ?? `the Flink option '${key}'`} is '${entry.value}': ${(e as Error).message}`);
    }
  }

  fraction(key: string, fallback: number): number {
    const entry = this.config.entry(key);
    if (entry === undefined) return fallback;
    const value = Number(entry.value);
    if (!Number.isFinite(value) || value < 0 || value >= 1) {
      throw new Error(`${entry.origin.prop ?? `the Flink option '${key}'`} is '${entry.value}': a fraction must be at least 0 and less than 1`);
    }
    return value;
  }

  range(prefix: string, defaults: RangeFraction): RangeFraction {
    const min = this.size(`${prefix}.min`, defaults.min)!;
    const max = this.size(`${prefix}.max`, defaults.max)!;
    if (max < min) {
      throw new Error(`'${prefix}.max' (${mib(max)}) must not be less than '${prefix}.min' (${mib(min)})`);
    }
    return { min, max, fraction: this.fraction(`${prefix}.fraction`, defaults.fraction) };
  }

  /** the prop that set `key`, for messages */
  describe(key: string): string {
    const entry = this.config.entry(key);
    return entry ? `${entry.origin.prop ?? `'${key}'`} (${entry.value})` : `'${key}'`;
  }
}

function clamp(value: number, range: RangeFraction): number {
  return Math.min(Math.max(value, range.min), range.max);
}

/**
 * `ProcessMemoryUtils.deriveJvmMetaspaceAndOverheadFromTotalFlinkMemory`: the overhead is the fraction of
 * the total process memory it will be part of, clamped to its range.
 */
function processFromFlinkMemory(flinkBytes: number, metaspace: number, overhead: RangeFraction): number {
  const base = flinkBytes + metaspace;
  const derived = Math.floor(base * overhead.fraction / (1 - overhead.fraction));
  return base + clamp(derived, overhead);
}

/** The JobManager's total process memory in MiB, the container's memory request. */
export function jobManagerProcessMemoryMiB(config: FlinkConfig): number {
  const r = new MemoryReader(config);
  const heapKey = 'jobmanager.memory.heap.size';
  const flinkKey = 'jobmanager.memory.flink.size';
  const processKey = 'jobmanager.memory.process.size';
  const metaspace = r.size('jobmanager.memory.jvm-metaspace.size', 256 * MiB)!;
  const overhead = r.range('jobmanager.memory.jvm-overhead', { min: 192 * MiB, max: 1024 * MiB, fraction: 0.1 });
  const heap = r.size(heapKey);
  const flink = r.size(flinkKey);
  const process = r.size(processKey);

  let total: number;
  if (heap !== undefined || flink !== undefined) {
    // fine-grained heap (with off-heap) or total Flink memory: the overhead is derived on top
    const offHeap = r.size('jobmanager.memory.off-heap.size', 128 * MiB)!;
    let flinkBytes = flink ?? heap! + offHeap;
    if (heap !== undefined && flink !== undefined && heap + offHeap > flink) {
      throw new Error(`${r.describe(heapKey)} plus off-heap memory (${mib(offHeap)}) exceeds ${r.describe(flinkKey)}; raise the Flink memory or lower the heap`);
    }
    total = processFromFlinkMemory(flinkBytes, metaspace, overhead);
    if (process !== undefined && process !== total) {
      throw new Error(`${r.describe(processKey)} does not add up with ${heap !== undefined ? r.describe(heapKey) : r.describe(flinkKey)}, which derive ${mib(total)} of process memory; set only one of them`);
    }
  } else if (process !== undefined) {
    const derivedOverhead = clamp(Math.floor(process * overhead.fraction), overhead);
    const flinkBytes = process - metaspace - derivedOverhead;
    if (flinkBytes <= 0) {
      throw new Error(`${r.describe(processKey)} is too small for Flink's memory model: JVM metaspace (${mib(metaspace)}) and JVM overhead (${mib(derivedOverhead)}) alone take ${mib(metaspace + derivedOverhead)}; give the JobManager more memory, e.g. 1600m`);
    }
    total = process;
  } else {
    throw new Error(`the JobManager's memory is not configured: set 'jobManager.memory', or one of '${heapKey}', '${flinkKey}', '${processKey}' in 'flinkConfiguration'`);
  }
  return Math.floor(total / MiB);
}

/** Checks the TaskManager's memory as `TaskExecutorProcessUtils.processSpecFromConfig` would when the JobManager starts one. */
export function validateTaskManagerMemory(config: FlinkConfig): void {
  const r = new MemoryReader(config);
  const processKey = 'taskmanager.memory.process.size';
  const process = r.size(processKey);
  if (process === undefined || r.size('taskmanager.memory.flink.size') !== undefined || r.size('taskmanager.memory.task.heap.size') !== undefined) return;
  const metaspace = r.size('taskmanager.memory.jvm-metaspace.size', 256 * MiB)!;
  const overhead = r.range('taskmanager.memory.jvm-overhead', { min: 192 * MiB, max: 1024 * MiB, fraction: 0.1 });
  const derivedOverhead = clamp(Math.floor(process * overhead.fraction), overhead);
  const flinkBytes = process - metaspace - derivedOverhead;
  const frameworkHeap = r.size('taskmanager.memory.framework.heap.size', 128 * MiB)!;
  const frameworkOffHeap = r.size('taskmanager.memory.framework.off-heap.size', 128 * MiB)!;
  const taskOffHeap = r.size('taskmanager.memory.task.off-heap.size', 0)!;
  const network = r.range('taskmanager.memory.network', { min: 64 * MiB, max: 1024 * MiB, fraction: 0.1 });
  const managedFraction = r.fraction('taskmanager.memory.managed.fraction', 0.4);
  const managed = r.size('taskmanager.memory.managed.size') ?? Math.floor(flinkBytes * managedFraction);
  const networkBytes = clamp(Math.floor(flinkBytes * network.fraction), network);
  const taskHeap = flinkBytes - frameworkHeap - frameworkOffHeap - taskOffHeap - managed - networkBytes;
  if (flinkBytes <= 0 || taskHeap < 0) {
    throw new Error(`${r.describe(processKey)} is too small for Flink's memory model: after JVM metaspace, JVM overhead, framework, managed and network memory nothing is left for the task heap; give TaskManagers more memory, e.g. 1728m`);
  }
}
