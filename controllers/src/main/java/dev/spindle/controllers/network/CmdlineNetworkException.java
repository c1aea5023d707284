package dev.spindle.controllers.network;

/**
 * The kernel command line's network settings do not parse. The message is Talos's
 * ({@code cmdline address parse failure: ParseAddr("xyz"): unable to parse IP}); the config controllers log it once
 * and go on without a {@code cmdline} layer, as Talos does.
 */
public final class CmdlineNetworkException extends Exception {
  public CmdlineNetworkException(String message) {
    super(message);
  }
}
