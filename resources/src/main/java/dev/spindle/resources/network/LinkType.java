package dev.spindle.resources.network;

import static java.util.Map.entry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link's hardware type: the kernel's {@code ARPHRD_*} number, printed with Talos's names ({@code ether},
 * {@code loopback}, {@code nohdr} for WireGuard). A record rather than an enum because the kernel may report a number
 * Talos does not name; such a number prints as enumer prints it, {@code LinkType(<n>)}, and reads back.
 */
public record LinkType(int number) implements ProtoValue {
  public static final LinkType NETROM = new LinkType(0);
  public static final LinkType ETHER = new LinkType(1);
  public static final LinkType INFINIBAND = new LinkType(32);
  public static final LinkType PPP = new LinkType(512);
  public static final LinkType IPIP = new LinkType(768);
  public static final LinkType LOOPBACK = new LinkType(772);
  public static final LinkType SIT = new LinkType(776);
  public static final LinkType GRE = new LinkType(778);
  public static final LinkType IP6GRE = new LinkType(823);
  public static final LinkType NONE = new LinkType(65534);
  public static final LinkType VOID = new LinkType(65535);

  private static final Pattern UNNAMED = Pattern.compile("LinkType\\((\\d+)\\)");
  /** nethelpers/linktype.go; for 513 the first name (cisco) wins, as in enumer's output. */
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      entry(0, "netrom"), entry(1, "ether"), entry(2, "eether"), entry(3, "ax25"), entry(4, "pronet"),
      entry(5, "chaos"), entry(6, "ieee802"), entry(7, "arcnet"), entry(8, "atalk"), entry(15, "dlci"),
      entry(19, "atm"), entry(23, "metricom"), entry(24, "ieee1394"), entry(27, "eui64"), entry(32, "infiniband"),
      entry(256, "slip"), entry(257, "cslip"), entry(258, "slip6"), entry(259, "cslip6"), entry(260, "rsrvd"),
      entry(264, "adapt"), entry(270, "rose"), entry(271, "x25"), entry(272, "hwx25"), entry(280, "can"),
      entry(512, "ppp"), entry(513, "cisco"), entry(516, "lapb"), entry(517, "ddcmp"), entry(518, "rawhdlc"),
      entry(768, "ipip"), entry(769, "tunnel6"), entry(770, "frad"), entry(771, "skip"), entry(772, "loopback"),
      entry(773, "localtlk"), entry(774, "fddi"), entry(775, "bif"), entry(776, "sit"), entry(777, "ip/ddp"),
      entry(778, "gre"), entry(779, "pimreg"), entry(780, "hippi"), entry(781, "ash"), entry(782, "econet"),
      entry(783, "irda"), entry(784, "fcpp"), entry(785, "fcal"), entry(786, "fcpl"), entry(787, "fcfb_0"),
      entry(788, "fcfb_1"), entry(789, "fcfb_2"), entry(790, "fcfb_3"), entry(791, "fcfb_4"), entry(792, "fcfb_5"),
      entry(793, "fcfb_6"), entry(794, "fcfb_7"), entry(795, "fcfb_8"), entry(796, "fcfb_9"), entry(797, "fcfb_10"),
      entry(798, "fcfb_11"), entry(799, "fcfb_12"), entry(800, "tr"), entry(801, "ieee802.11"),
      entry(802, "ieee802.11_prism"), entry(803, "ieee802.11_radiotap"), entry(804, "ieee802.15.4"),
      entry(805, "ieee802.15.4_monitor"), entry(820, "phonet"), entry(821, "phonet_pipe"), entry(822, "caif"),
      entry(823, "ip6gre"), entry(824, "netlink"), entry(825, "6lowpan"), entry(65534, "nohdr"),
      entry(65535, "void"));
  private static final Map<String, Integer> NUMBERS = new HashMap<>();

  static {
    NAMES.forEach((number, name) -> NUMBERS.put(name, number));
  }

  public static LinkType of(int number) {
    return new LinkType(number);
  }

  @JsonValue
  public String text() {
    String name = NAMES.get(number);
    return name != null ? name : "LinkType(" + number + ")";
  }

  @JsonCreator
  public static LinkType parse(String text) {
    Integer number = NUMBERS.get(text.toLowerCase(Locale.ROOT));
    if (number != null) {
      return new LinkType(number);
    }
    Matcher m = UNNAMED.matcher(text);
    if (m.matches()) {
      return new LinkType(Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException(text + " does not belong to LinkType values");
  }

  @Override
  public Object protoValue() {
    return number;
  }

  @Override
  public String toString() {
    return text();
  }
}
