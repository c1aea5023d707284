package dev.spindle.controllers.network;

import dev.spindle.resources.network.GoNetip;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.runtime.KernelArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The network settings of a kernel command line, as Talos's {@code ParseCmdlineNetwork}: {@code ip=} (repeatable),
 * {@code talos.hostname=}, {@code talos.network.interface.ignore=} (repeatable) and, for interface naming,
 * {@code net.ifnames=}. A pure parser: the config controllers turn the result into their {@code cmdline} layer.
 *
 * <p>{@code ip=} takes Talos's subset of the nfsroot/dracut form
 * {@code client:server:gateway:netmask:hostname:device:autoconf:dns0:dns1:ntp0}, split at colons outside
 * {@code [...]} (IPv6 addresses go in brackets, which are stripped), empty fields skipped; {@code ip=dhcp} is ignored
 * and {@code ip=<device>:dhcp} asks for DHCP on that device. The netmask is a prefix length or a dotted (or IPv6)
 * mask. Without a device the first non-loopback link in name order is meant. The host name of {@code ip=} counts only
 * when {@code talos.hostname=} is not given (and the first {@code ip=} with one wins).
 *
 * <p>Not parsed yet: {@code bond=} and {@code vlan=} (they produce link specs, which come with the link
 * configuration). Also unlike Talos, a prefix length out of range for the address or a non-contiguous dotted mask is
 * an error ({@code cmdline netmask parse failure: ...}) instead of an invalid or {@code /0} prefix.
 *
 * @param linkConfigs one per {@code ip=} other than {@code ip=dhcp}, in command-line order
 * @param hostname {@code talos.hostname=}, else the first {@code ip=} host name; {@code ""} when neither
 * @param dnsAddresses {@code ip=} fields 7 and 8, in order
 * @param ntpAddresses {@code ip=} field 9, in order
 * @param ignoreInterfaces {@code talos.network.interface.ignore=} values, resolved to link names
 * @param predictableNames {@code net.ifnames=} read as systemd reads a boolean (the last one counts): false turns
 *     predictable interface names off; empty when absent or not a boolean (systemd ignores such a value too)
 */
public record CmdlineNetwork(List<LinkConfig> linkConfigs, String hostname, List<IpAddr> dnsAddresses,
    List<IpAddr> ntpAddresses, List<String> ignoreInterfaces, Optional<Boolean> predictableNames) {
  public static final String HOSTNAME = "talos.hostname";
  public static final String INTERFACE_IGNORE = "talos.network.interface.ignore";
  public static final String NET_IFNAMES = "net.ifnames";
  public static final CmdlineNetwork EMPTY =
      new CmdlineNetwork(List.of(), "", List.of(), List.of(), List.of(), Optional.empty());

  private static final String DHCP = "dhcp";

  /**
   * What one {@code ip=} asks for on one link.
   *
   * @param linkName the resolved device, or the first non-loopback link; {@code ""} if the node has none
   * @param address the client address with its prefix (a single-address prefix without netmask)
   */
  public record LinkConfig(String linkName, Optional<IpPrefix> address, Optional<IpAddr> gateway, boolean dhcp) {
    public LinkConfig {
      Objects.requireNonNull(linkName, "linkName");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(gateway, "gateway");
    }
  }

  public CmdlineNetwork {
    linkConfigs = List.copyOf(linkConfigs);
    Objects.requireNonNull(hostname, "hostname");
    dnsAddresses = List.copyOf(dnsAddresses);
    ntpAddresses = List.copyOf(ntpAddresses);
    ignoreInterfaces = List.copyOf(ignoreInterfaces);
    Objects.requireNonNull(predictableNames, "predictableNames");
  }

  public static CmdlineNetwork parse(String cmdline, LinkResolver links) throws CmdlineNetworkException {
    return parse(KernelArgs.parse(cmdline), links);
  }

  public static CmdlineNetwork parse(KernelArgs args, LinkResolver links) throws CmdlineNetworkException {
    var state = new Builder(args.first(HOSTNAME).orElse(""));
    for (String ignored : args.all(INTERFACE_IGNORE)) {
      if (ignored != null) {
        state.ignore.add(links.resolve(ignored));
      }
    }
    for (String value : args.all("ip")) {
      if (value != null) {
        parseIp(splitIp(value), links, state);
      }
    }
    return new CmdlineNetwork(state.linkConfigs, state.hostname, state.dns, state.ntp, state.ignore,
        predictableNames(args));
  }

  private static void parseIp(List<String> fields, LinkResolver links, Builder state)
      throws CmdlineNetworkException {
    if (fields.size() == 1 && fields.get(0).equals(DHCP)) {
      return;
    }
    if (fields.size() == 2 && fields.get(1).equals(DHCP)) {
      state.linkConfigs.add(new LinkConfig(links.resolve(fields.get(0)), Optional.empty(), Optional.empty(), true));
      return;
    }
    IpAddr client = null;
    Integer prefixBits = null;
    IpAddr gateway = null;
    String device = "";
    boolean dhcp = false;
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      if (field.isEmpty()) {
        continue;
      }
      switch (i) {
        case 0 -> client = addr(field, "cmdline address parse failure: ");
        case 2 -> gateway = addr(field, "cmdline gateway parse failure: ");
        case 3 -> prefixBits = netmask(field, client);
        case 4 -> {
          if (state.hostname.isEmpty()) {
            state.hostname = field;
          }
        }
        case 5 -> device = links.resolve(field);
        case 6 -> dhcp = field.equals(DHCP);
        case 7, 8 -> state.dns.add(addr(field, "error parsing DNS IP: "));
        case 9 -> state.ntp.add(addr(field, "error parsing NTP IP: "));
        default -> { }
      }
    }
    if (device.isEmpty()) {
      device = links.firstNonLoopback().orElse("");
    }
    Optional<IpPrefix> address = Optional.empty();
    if (client != null) {
      address = Optional.of(new IpPrefix(client, prefixBits != null ? prefixBits : client.isV4() ? 32 : 128));
    }
    state.linkConfigs.add(new LinkConfig(device, address, Optional.ofNullable(gateway), dhcp));
  }

  private static IpAddr addr(String text, String what) throws CmdlineNetworkException {
    try {
      return GoNetip.parseAddr(text);
    } catch (IllegalArgumentException e) {
      throw new CmdlineNetworkException(what + e.getMessage());
    }
  }

  /**
   * A prefix length (Go's {@code strconv.Atoi}: a sign is allowed, and a number beyond 64 bits is tried as an
   * address, as Go does) or a mask in address form.
   */
  private static Integer netmask(String text, IpAddr client) throws CmdlineNetworkException {
    long bits;
    try {
      if (!text.matches("[+-]?[0-9]+")) {
        throw new NumberFormatException(text);
      }
      bits = Long.parseLong(text);
    } catch (NumberFormatException notANumber) {
      bits = maskLength(addr(text, "cmdline netmask parse failure: "), text);
    }
    if (client != null && (bits < 0 || bits > (client.isV4() ? 32 : 128))) {
      throw new CmdlineNetworkException("cmdline netmask parse failure: prefix length " + text
          + " is out of range for " + client);
    }
    return (int) Math.max(0, Math.min(bits, 128));
  }

  private static int maskLength(IpAddr mask, String text) throws CmdlineNetworkException {
    byte[] bytes = mask.bytes();
    int ones = 0;
    boolean zeroSeen = false;
    for (byte b : bytes) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean one = (b >> bit & 1) == 1;
        if (one && zeroSeen) {
          throw new CmdlineNetworkException("cmdline netmask parse failure: " + text + " is not a contiguous netmask");
        }
        zeroSeen |= !one;
        ones += one ? 1 : 0;
      }
    }
    return ones;
  }

  /** Talos's {@code splitIPArgument}: colons inside brackets do not split; brackets at a field's ends go. */
  static List<String> splitIp(String value) {
    var parts = new ArrayList<String>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ':' && depth == 0) {
        parts.add(trimBrackets(value.substring(start, i)));
        start = i + 1;
      }
    }
    parts.add(trimBrackets(value.substring(start)));
    return parts;
  }

  private static String trimBrackets(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == '[' || s.charAt(from) == ']')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == '[' || s.charAt(to - 1) == ']')) {
      to--;
    }
    return s.substring(from, to);
  }

  /** systemd's {@code parse_boolean}; the last {@code net.ifnames} wins, as each one overrides the previous. */
  static Optional<Boolean> predictableNames(KernelArgs args) {
    List<String> values = args.all(NET_IFNAMES);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String last = values.get(values.size() - 1);
    if (last == null) {
      return Optional.of(true);
    }
    return switch (last.toLowerCase(Locale.ROOT)) {
      case "1", "yes", "y", "true", "t", "on" -> Optional.of(true);
      case "0", "no", "n", "false", "f", "off" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static final class Builder {
    final List<LinkConfig> linkConfigs = new ArrayList<>();
    final List<IpAddr> dns = new ArrayList<>();
    final List<IpAddr> ntp = new ArrayList<>();
    final List<String> ignore = new ArrayList<>();
    String hostname;

    Builder(String hostname) {
      this.hostname = hostname;
    }
  }
}
