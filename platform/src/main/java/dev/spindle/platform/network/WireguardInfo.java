package dev.spindle.platform.network;

/**
 * A kernel WireGuard link to create. Keys and peers are configured over generic netlink, not rtnetlink, so the kind
 * has no settings here, and the kernel reports no wireguard data.
 */
public record WireguardInfo() implements LinkInfo {
  @Override
  public String kind() {
    return "wireguard";
  }
}
