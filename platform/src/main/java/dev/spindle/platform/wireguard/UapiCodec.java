package dev.spindle.platform.wireguard;

import dev.spindle.platform.network.Errno;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text protocol of userspace WireGuard's UAPI socket (https://www.wireguard.com/xplatform/), spoken by
 * wireguard-go, boringtun and wireguard-rs: a {@code set=1} request built from a {@link WireguardConfig}, and the
 * answer of {@code get=1} read into a {@link WireguardDevice}. Pure: no I/O.
 *
 * <p>Keys travel as 64 lower-case hex digits, endpoints as {@code ip:port} or {@code [ipv6]:port}, the firewall mark
 * as an unsigned 32-bit number. Every answer ends with {@code errno=N} and a blank line; wireguard-go writes the
 * negated errno ({@code errno=-22}), other implementations the positive one, so both are read.
 *
 * <p>A {@code set=1} is applied line by line and stops at the first error, leaving the earlier lines applied. The
 * only line a valid {@link WireguardConfig} can fail on is {@code listen_port} (the port may be taken,
 * {@code EADDRINUSE}), so the encoder puts it first: when it fails, nothing else of the change was applied.
 *
 * <p>Error messages name the device, the answer line and the key, never the value: a line may hold a private key.
 */
public final class UapiCodec {
  /** The whole {@code get=1} request. */
  public static final String GET = "get=1\n\n";

  private UapiCodec() {}

  /** The {@code set=1} request applying {@code config}, ending with its blank line. */
  public static String encodeSet(WireguardConfig config) {
    var out = new StringBuilder(128 + 256 * config.peers().size());
    out.append("set=1\n");
    if (config.listenPort() != null) {
      line(out, "listen_port", Integer.toString(config.listenPort()));
    }
    if (config.privateKey() != null) {
      line(out, "private_key", config.privateKey().hex());
    }
    if (config.firewallMark() != null) {
      line(out, "fwmark", Integer.toUnsignedString(config.firewallMark()));
    }
    if (config.replacePeers()) {
      line(out, "replace_peers", "true");
    }
    config.peers().forEach(peer -> encodePeer(out, peer));
    return out.append('\n').toString();
  }

  private static void encodePeer(StringBuilder out, WireguardPeerConfig peer) {
    line(out, "public_key", peer.publicKey().hex());
    if (peer.remove()) {
      line(out, "remove", "true");
      return;
    }
    if (peer.updateOnly()) {
      line(out, "update_only", "true");
    }
    if (peer.presharedKey() != null) {
      line(out, "preshared_key", peer.presharedKey().hex());
    }
    if (peer.endpoint() != null) {
      line(out, "endpoint", formatEndpoint(peer.endpoint()));
    }
    if (peer.persistentKeepalive() != null) {
      line(out, "persistent_keepalive_interval", Long.toString(peer.persistentKeepalive().toSeconds()));
    }
    if (peer.replaceAllowedIps()) {
      line(out, "replace_allowed_ips", "true");
    }
    for (AllowedIp ip : peer.allowedIps()) {
      line(out, "allowed_ip", formatAddress(ip.address()) + "/" + ip.prefixLength());
    }
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(key).append('=').append(value).append('\n');
  }

  /**
   * Checks the answer to a {@code set=1}: nothing but {@code errno=N}.
   *
   * @throws WireguardException {@code Errno.of(N)} for N != 0, {@link Errno#EIO} for anything else
   */
  public static void checkSetAnswer(String device, String answer) throws WireguardException {
    String doing = "configuring " + device;
    List<String> lines = lines(answer, doing);
    if (lines.size() != 1) {
      throw malformed(doing, 1, "an answer of " + lines.size() + " lines to set=1");
    }
    checkErrno(lines.getFirst(), 1, doing);
  }

  /**
   * Reads the answer to {@code get=1} for {@code device}; peers in the order the answer lists them.
   *
   * @throws WireguardException {@code Errno.of(N)} for {@code errno=N != 0}; {@link Errno#EIO} for a malformed
   *     answer (a line without {@code =}, a value that does not parse, no final {@code errno})
   */
  public static WireguardDevice decodeGet(String device, String answer) throws WireguardException {
    String doing = "reading " + device;
    List<String> lines = lines(answer, doing);
    var reader = new GetAnswer(device);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw malformed(doing, i + 1, "a line without key=value");
      }
      String key = line.substring(0, eq);
      if (key.equals("errno")) {
        if (i != lines.size() - 1) {
          throw malformed(doing, i + 1, "errno before the end of the answer");
        }
        checkErrno(line, i + 1, doing);
        return reader.device();
      }
      try {
        reader.accept(key, line.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        // the value is left out on purpose: it may be a private key
        throw malformed(doing, i + 1, key + " does not parse");
      }
    }
    throw malformed(doing, lines.size(), "no errno line");
  }

  private static List<String> lines(String answer, String doing) throws WireguardException {
    if (answer == null || !answer.endsWith("\n\n")) {
      throw new WireguardException(Errno.EIO, doing + " (the answer does not end with a blank line)");
    }
    String body = answer.substring(0, answer.length() - 2);
    if (body.isEmpty() || body.contains("\n\n")) {
      throw new WireguardException(Errno.EIO, doing + " (an empty line inside the answer)");
    }
    return List.of(body.split("\n", -1));
  }

  private static void checkErrno(String line, int number, String doing) throws WireguardException {
    if (!line.startsWith("errno=")) {
      throw malformed(doing, number, "expected errno=N");
    }
    int errno;
    try {
      errno = Integer.parseInt(line.substring("errno=".length()));
    } catch (NumberFormatException e) {
      throw malformed(doing, number, "errno does not parse");
    }
    if (errno != 0) {
      Errno known = Errno.of(errno);
      throw new WireguardException(known, known == Errno.UNKNOWN ? doing + " (errno " + Math.abs(errno) + ")" : doing);
    }
  }

  private static WireguardException malformed(String doing, int line, String what) {
    return new WireguardException(Errno.EIO, doing + " (answer line " + line + ": " + what + ")");
  }

  /** {@code 10.0.0.1:51820} or {@code [fd00::1]:51820}, the address in its shortest form (RFC 5952). */
  public static String formatEndpoint(InetSocketAddress endpoint) {
    InetAddress address = endpoint.getAddress();
    String host = formatAddress(address);
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + endpoint.getPort();
  }

  /** Parses {@code ip:port} or {@code [ipv6]:port}; an IPv6 zone this host does not know is dropped. */
  public static InetSocketAddress parseEndpoint(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("endpoint without a port");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("IPv6 endpoint without brackets");
    }
    int port = Integer.parseInt(text.substring(colon + 1));
    return new InetSocketAddress(literal(host), port);
  }

  private static InetAddress literal(String host) {
    try {
      return InetAddress.ofLiteral(host);
    } catch (IllegalArgumentException e) {
      int zone = host.indexOf('%');
      if (zone < 0) {
        throw e;
      }
      // a zone names an interface of wireguard-go's namespace, which this JVM may not see
      return InetAddress.ofLiteral(host.substring(0, zone));
    }
  }

  /** An address as {@code wg} writes it: dotted IPv4, or IPv6 with the longest run of zero groups as {@code ::}. */
  public static String formatAddress(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return address.getHostAddress();
    }
    byte[] raw = v6.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not shortened
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    var out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    String scope = v6.getScopedInterface() != null ? v6.getScopedInterface().getName()
        : v6.getScopeId() != 0 ? Integer.toString(v6.getScopeId()) : null;
    return scope == null ? out.toString() : out + "%" + scope;
  }

  /** The state of reading a {@code get=1} answer: device keys first, then one block per {@code public_key}. */
  private static final class GetAnswer {
    private final String name;
    private WireguardKey privateKey = WireguardKey.ZERO;
    private int listenPort;
    private int firewallMark;
    private final List<WireguardPeer> peers = new ArrayList<>();
    private PeerBuilder peer;

    GetAnswer(String name) {
      this.name = name;
    }

    void accept(String key, String value) {
      if (key.equals("public_key")) {
        finishPeer();
        peer = new PeerBuilder(WireguardKey.parseHex(value));
        return;
      }
      if (peer == null) {
        switch (key) {
          case "private_key" -> privateKey = WireguardKey.parseHex(value);
          case "listen_port" -> listenPort = port(value);
          case "fwmark" -> firewallMark = Integer.parseUnsignedInt(value);
          default -> { } // a newer implementation's key: not ours to refuse
        }
        return;
      }
      peer.accept(key, value);
    }

    WireguardDevice device() {
      finishPeer();
      WireguardKey publicKey = privateKey.isZero() ? WireguardKey.ZERO : privateKey.publicKey();
      return new WireguardDevice(name, privateKey, publicKey, listenPort, firewallMark, peers);
    }

    private void finishPeer() {
      if (peer != null) {
        peers.add(peer.build());
        peer = null;
      }
    }
  }

  private static final class PeerBuilder {
    private final WireguardKey publicKey;
    private WireguardKey presharedKey = WireguardKey.ZERO;
    private InetSocketAddress endpoint;
    private Duration keepalive = Duration.ZERO;
    private long handshakeSeconds;
    private long handshakeNanos;
    private long rxBytes;
    private long txBytes;
    private final List<AllowedIp> allowedIps = new ArrayList<>();
    private int protocolVersion;

    PeerBuilder(WireguardKey publicKey) {
      this.publicKey = publicKey;
    }

    void accept(String key, String value) {
      switch (key) {
        case "preshared_key" -> presharedKey = WireguardKey.parseHex(value);
        case "endpoint" -> endpoint = parseEndpoint(value);
        case "persistent_keepalive_interval" -> keepalive = Duration.ofSeconds(port(value));
        case "last_handshake_time_sec" -> handshakeSeconds = atMost(value, Instant.MAX.getEpochSecond());
        case "last_handshake_time_nsec" -> handshakeNanos = atMost(value, 999_999_999);
        case "rx_bytes" -> rxBytes = Long.parseUnsignedLong(value);
        case "tx_bytes" -> txBytes = Long.parseUnsignedLong(value);
        case "allowed_ip" -> allowedIps.add(AllowedIp.parse(value));
        case "protocol_version" -> protocolVersion = Integer.parseInt(value);
        default -> { }
      }
    }

    WireguardPeer build() {
      Instant handshake = handshakeSeconds == 0 && handshakeNanos == 0 ? null
          : Instant.ofEpochSecond(handshakeSeconds, handshakeNanos);
      return new WireguardPeer(publicKey, presharedKey, endpoint, keepalive, handshake, rxBytes, txBytes, allowedIps,
          protocolVersion);
    }
  }

  /** A port or a keepalive interval: 16 bits unsigned. */
  private static int port(String value) {
    int port = Integer.parseInt(value);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("out of range");
    }
    return port;
  }

  private static long atMost(String value, long max) {
    long v = Long.parseLong(value);
    if (v < 0 || v > max) {
      throw new IllegalArgumentException("out of range");
    }
    return v;
  }
}
