package io.arbiter.benchmarks.minicluster;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What a benchmark's numbers depend on in the JVM that produced them: the VM, its cores, heap,
 * collectors and command-line arguments. Printed first by every harness and written into {@code
 * bench-results.json}.
 */
public record JvmFacts(
        String vm,
        String version,
        int cores,
        long maxHeapMib,
        List<String> collectors,
        List<String> arguments) {

    public static JvmFacts current() {
        Runtime runtime = Runtime.getRuntime();
        return new JvmFacts(
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                runtime.availableProcessors(),
                runtime.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
