package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spindle.resources.GoDuration;
import dev.spindle.runtime.codec.ProtoField;
import java.time.Duration;
import java.util.List;

/**
 * One WireGuard peer as the kernel reports it. {@code endpoint} is {@code ip:port} text ({@code ""} before the peer
 * has been heard from or configured with one). {@link #toString()} never shows the preshared key.
 */
public record WireguardPeer(
    @ProtoField(1) String publicKey,
    @ProtoField(2) String presharedKey,
    @ProtoField(3) String endpoint,
    @ProtoField(4) @GoDuration Duration persistentKeepaliveInterval,
    @ProtoField(5) @JsonProperty("allowedIPs") List<IpPrefix> allowedIps) {
  public WireguardPeer {
    publicKey = publicKey == null ? "" : publicKey;
    presharedKey = presharedKey == null ? "" : presharedKey;
    endpoint = endpoint == null ? "" : endpoint;
    persistentKeepaliveInterval = persistentKeepaliveInterval == null ? Duration.ZERO : persistentKeepaliveInterval;
    allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
  }

  @Override
  public String toString() {
    return "WireguardPeer[publicKey=" + publicKey + ", presharedKey=" + (presharedKey.isEmpty() ? "" : "(redacted)")
        + ", endpoint=" + endpoint + ", persistentKeepaliveInterval=" + persistentKeepaliveInterval
        + ", allowedIps=" + allowedIps + "]";
  }
}
