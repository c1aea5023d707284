package dev.spindle.cli;

import dev.spindle.platform.wireguard.WireguardKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl gen wg-key}: a new WireGuard private key on stdout, as {@code wg genkey} prints one (base64 of
 * 32 random, clamped bytes, one line). Pipe it into {@code gen wg-pubkey} for its public key.
 */
@Command(name = "wg-key", mixinStandardHelpOptions = true,
    description = {"Generate a new WireGuard private key (as 'wg genkey').",
        "  spindlectl gen wg-key | tee wg0.key | spindlectl gen wg-pubkey"})
final class GenWgKeyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.println(WireguardKey.generatePrivate().base64());
    out.flush();
    return ExitStatus.OK.code();
  }
}
