package dev.spindle.platform.runtime;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the node's kernel command line comes from: {@code /proc/cmdline} on Linux, a file in the state directory on
 * the simulated node (so a test or an operator can boot it with {@code talos.environment=} or {@code ip=}). The
 * command line does not change while the node runs, so it is read once.
 */
@FunctionalInterface
public interface CmdlineSource {
  /** The raw command line; {@code ""} when the node has none. An unreadable source is an error naming it. */
  String read() throws IOException;

  /** The running kernel's command line. */
  static CmdlineSource proc() {
    return new FileCmdlineSource(Path.of("/proc/cmdline"));
  }

  /** A command line kept in a file; a missing file is an empty command line. */
  static CmdlineSource file(Path path) {
    return new FileCmdlineSource(path);
  }
}
