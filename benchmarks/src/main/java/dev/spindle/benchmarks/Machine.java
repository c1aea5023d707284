package dev.spindle.benchmarks;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.stream.Collectors;

/** The machine line printed by the non-JMH probes, so a result is never separated from where it was taken. */
final class Machine {
  private Machine() {}

  static void print(PrintStream out) {
    var rt = Runtime.getRuntime();
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(", "));
    out.printf(Locale.ROOT, "machine: %s %s, %d cpus, JDK %s (%s), max heap %,d MB, GC %s, compressed oops %s%n",
        System.getProperty("os.name"), System.getProperty("os.arch"), rt.availableProcessors(), Runtime.version(),
        System.getProperty("java.vm.name"), rt.maxMemory() >> 20, gcs, vmOption("UseCompressedOops"));
  }

  static String vmOption(String name) {
    try {
      var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      return bean.getVMOption(name).getValue();
    } catch (RuntimeException | LinkageError e) {
      return "?";
    }
  }
}
