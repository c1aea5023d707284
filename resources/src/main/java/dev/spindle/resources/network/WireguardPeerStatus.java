package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spindle.resources.GoDuration;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One peer of a WireGuard link as the device reports it now ({@code wg show}): a Spindle resource (Talos keeps such
 * facts only for KubeSpan peers, in {@code KubeSpanPeerStatus}, whose field names these follow). The id is
 * {@code <link>/<peer public key>}. Read by polling, since WireGuard raises no events for handshakes or traffic.
 *
 * @param link the WireGuard link
 * @param publicKey the peer's public key (public: no secret here; a preshared key is never shown)
 * @param endpoint {@code ip:port} the device sends to, {@code ""} until one is configured or learnt
 * @param lastHandshakeTime {@code null} before the first handshake
 * @param receiveBytes bytes received from the peer
 * @param transmitBytes bytes sent to the peer
 * @param persistentKeepaliveInterval 0 when off
 * @param allowedIps the peer's allowed IPs
 */
public record WireguardPeerStatus(
    @ProtoField(1) String link,
    @ProtoField(2) String publicKey,
    @ProtoField(3) String endpoint,
    @ProtoField(4) @OmitEmpty Instant lastHandshakeTime,
    @ProtoField(5) long receiveBytes,
    @ProtoField(6) long transmitBytes,
    @ProtoField(7) @GoDuration Duration persistentKeepaliveInterval,
    @ProtoField(8) @JsonProperty("allowedIPs") List<IpPrefix> allowedIps) implements NetworkSpec {
  public static final ResourceDefinition<WireguardPeerStatus> DEFINITION =
      ResourceDefinition.of(WireguardPeerStatus.class, "WireguardPeerStatuses.net.spindle.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("wgpeer", "wgpeers")
          .column("Link", "link")
          .column("Endpoint", "endpoint")
          .column("Last Handshake", "lastHandshakeTime")
          .column("RX", "receiveBytes")
          .column("TX", "transmitBytes")
          .build();

  public WireguardPeerStatus {
    link = Objects.requireNonNullElse(link, "");
    publicKey = Objects.requireNonNullElse(publicKey, "");
    endpoint = Objects.requireNonNullElse(endpoint, "");
    persistentKeepaliveInterval = Objects.requireNonNullElse(persistentKeepaliveInterval, Duration.ZERO);
    allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
  }
}
