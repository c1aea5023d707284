package dev.spindle.cli;

import dev.spindle.platform.wireguard.WireguardKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl gen wg-pubkey}: reads a WireGuard private key on stdin and prints its public key, as
 * {@code wg pubkey} does. The input is a secret: an error says what is wrong with it but never repeats it.
 */
@Command(name = "wg-pubkey", mixinStandardHelpOptions = true,
    description = {"Read a WireGuard private key on standard input and print its public key (as 'wg pubkey').",
        "  spindlectl gen wg-pubkey < wg0.key"})
final class GenWgPubkeyCommand implements Callable<Integer> {
  /** More than a key and its line break: enough to tell "too long" from a key, never a whole file in memory. */
  private static final int MAX_INPUT = 1024;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    WireguardKey privateKey = PrivateKeyText.parse(read(System.in), "standard input");
    var out = spec.commandLine().getOut();
    out.println(privateKey.publicKey().base64());
    out.flush();
    return ExitStatus.OK.code();
  }

  private static String read(InputStream in) throws IOException {
    var buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[256];
    for (int n; buffer.size() <= MAX_INPUT && (n = in.read(chunk)) > 0; ) {
      buffer.write(chunk, 0, n);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
