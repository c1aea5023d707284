package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import java.util.List;

/**
 * Settings of a link of kind {@code wireguard}. In a {@link LinkStatus} the private key is never filled in (only
 * the public key is); a link spec carries the private key and no public key. {@link #toString()} never shows the
 * private key (nor the peers' preshared keys), as specs reach logs and exception messages.
 */
public record WireguardSpec(
    @ProtoField(1) @OmitEmpty String privateKey,
    @ProtoField(2) @OmitEmpty String publicKey,
    @ProtoField(3) int listenPort,
    @ProtoField(4) int firewallMark,
    @ProtoField(5) List<WireguardPeer> peers) {
  public WireguardSpec {
    privateKey = privateKey == null ? "" : privateKey;
    publicKey = publicKey == null ? "" : publicKey;
    peers = peers == null ? List.of() : List.copyOf(peers);
  }

  @Override
  public String toString() {
    return "WireguardSpec[privateKey=" + (privateKey.isEmpty() ? "" : "(redacted)") + ", publicKey=" + publicKey
        + ", listenPort=" + listenPort + ", firewallMark=" + firewallMark + ", peers=" + peers + "]";
  }
}
