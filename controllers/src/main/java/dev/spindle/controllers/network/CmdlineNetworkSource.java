package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.Optional;

/**
 * A config controller's view of the kernel command line's network settings: parsed from the {@code KernelCmdline}
 * resource, with no link names resolved (as Talos's config controllers parse it), and, when it does not parse, empty
 * after one warning ({@code ignoring the kernel command line's network settings: <Talos's message>}), so the
 * controller goes on without its {@code cmdline} layer. The last parse is kept: the command line rarely changes, the
 * machine configuration more often.
 */
final class CmdlineNetworkSource {
  private static final String TOPIC = "cmdline";
  private final WarnOnce warnings;
  private String parsedCmdline;
  private Optional<CmdlineNetwork> parsed;

  CmdlineNetworkSource(WarnOnce warnings) {
    this.warnings = warnings;
  }

  synchronized Optional<CmdlineNetwork> read(ResourceReader sources) {
    String cmdline = ConfigSources.cmdline(sources);
    if (!cmdline.equals(parsedCmdline)) {
      parsedCmdline = cmdline;
      try {
        parsed = Optional.of(CmdlineNetwork.parse(cmdline, LinkResolver.EMPTY));
        warnings.clear(TOPIC);
      } catch (CmdlineNetworkException e) {
        warnings.warn(TOPIC, "ignoring the kernel command line's network settings: " + e.getMessage());
        parsed = Optional.empty();
      }
    }
    return parsed;
  }
}
