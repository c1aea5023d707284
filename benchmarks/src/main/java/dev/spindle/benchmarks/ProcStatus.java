package dev.spindle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures from Linux {@code /proc/<pid>/status}; -1 where there is no such file (another OS, a process gone). */
final class ProcStatus {
  private ProcStatus() {}

  /** Resident set size ({@code VmRSS}) in kB. */
  static long rssKb(long pid) {
    return field(pid, "VmRSS:");
  }

  /** The anonymous part of the RSS ({@code RssAnon}: heap, stacks, malloc, JIT code) in kB. */
  static long rssAnonKb(long pid) {
    return field(pid, "RssAnon:");
  }

  /**
   * The file-backed part of the RSS ({@code RssFile}: mapped jars, the JDK's CDS archive or an AOT cache, libraries)
   * in kB. These pages are shared with other processes mapping the same files and can be dropped under pressure.
   */
  static long rssFileKb(long pid) {
    return field(pid, "RssFile:");
  }

  /** Peak resident set size ({@code VmHWM}) in kB. */
  static long peakRssKb(long pid) {
    return field(pid, "VmHWM:");
  }

  /** Threads of the process (kernel threads: virtual threads are not counted). */
  static long threads(long pid) {
    return field(pid, "Threads:");
  }

  private static long field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
