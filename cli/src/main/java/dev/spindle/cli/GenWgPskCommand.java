package dev.spindle.cli;

import dev.spindle.platform.wireguard.WireguardKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code spindlectl gen wg-psk}: a new WireGuard preshared key (32 random bytes, base64), as {@code wg genpsk}. */
@Command(name = "wg-psk", mixinStandardHelpOptions = true,
    description = "Generate a new WireGuard preshared key (as 'wg genpsk').")
final class GenWgPskCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.println(WireguardKey.generatePreshared().base64());
    out.flush();
    return ExitStatus.OK.code();
  }
}
