package dev.spindle.resources.config;

import java.util.List;

/**
 * The {@code WireguardConfig} document: a WireGuard link {@code name} with its private key, listen port (0: the
 * kernel picks one), firewall mark (0: none) and peers, plus the common link fields. Holds secrets (the private key,
 * the peers' preshared keys), so {@link #toString()} shows neither.
 */
public record WireguardConfig(String name, String privateKey, int listenPort, int firewallMark,
    List<WireguardPeerConfig> peers, CommonLinkConfig common) implements LinkDocument {
  public static final String KIND = "WireguardConfig";

  public WireguardConfig {
    privateKey = privateKey == null ? "" : privateKey;
    peers = peers == null ? List.of() : List.copyOf(peers);
    common = common == null ? CommonLinkConfig.EMPTY : common;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String toString() {
    return "WireguardConfig[name=" + name + ", privateKey=" + (privateKey.isEmpty() ? "" : Problems.REDACTED)
        + ", listenPort=" + listenPort + ", firewallMark=" + firewallMark + ", peers=" + peers + ", common="
        + common + "]";
  }
}
