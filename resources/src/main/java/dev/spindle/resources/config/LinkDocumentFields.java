package dev.spindle.resources.config;

import static dev.spindle.resources.config.FieldPath.field;
import static dev.spindle.resources.config.FieldPath.index;
import static dev.spindle.resources.config.YamlTree.items;
import static dev.spindle.resources.config.YamlTree.text;

import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The fields the link documents share, read and checked as Talos's {@code CommonLinkConfig.Validate} checks them
 * (its messages: {@code address 0 must be specified}, {@code route 1 gateway must be a valid IP address}), each
 * located at the offending value. Also {@code name}, {@code hardwareAddr} and {@code links}, which several kinds have.
 */
final class LinkDocumentFields {
  private LinkDocumentFields() {}

  /** {@code name}: {@code name must be specified} when missing or empty. */
  static String name(Node root, Problems problems) {
    Node node = YamlTree.field(root, "name");
    String name = text(node);
    if (name == null || name.isEmpty()) {
      problems.error(node == null ? YamlTree.keyNode(root, "kind") : node, "name", null, "name must be specified");
      return "";
    }
    return name;
  }

  static CommonLinkConfig common(Node root, Problems problems) {
    var addresses = new ArrayList<LinkAddressConfig>();
    List<Node> addressNodes = items(YamlTree.field(root, "addresses"));
    for (int i = 0; i < addressNodes.size(); i++) {
      Node entry = addressNodes.get(i);
      Node addressNode = YamlTree.field(entry, "address");
      String path = field(index("addresses", i), "address");
      String text = text(addressNode);
      IpPrefix address = null;
      if (text == null || text.isEmpty()) {
        problems.error(addressNode == null ? entry : addressNode, path, null, "address " + i + " must be specified");
      } else {
        address = parse(text, IpPrefix::parse);
        if (address == null) {
          problems.error(addressNode, path, Problems.shown(addressNode, false),
              "address " + i + " must be a valid IP prefix");
        } else if (unspecified(address.addr())) {
          problems.error(addressNode, path, Problems.shown(addressNode, false),
              "address " + i + " must be a valid IP address");
          address = null;
        }
      }
      BigInteger priority = YamlTree.integer(YamlTree.field(entry, "routePriority"));
      if (address != null) {
        addresses.add(new LinkAddressConfig(address, priority == null ? null : priority.intValue()));
      }
    }
    var routes = new ArrayList<LinkRouteConfig>();
    List<Node> routeNodes = items(YamlTree.field(root, "routes"));
    for (int i = 0; i < routeNodes.size(); i++) {
      Node entry = routeNodes.get(i);
      String path = index("routes", i);
      IpPrefix destination = routeValue(entry, "destination", path, i, IpPrefix::parse, problems);
      IpAddr gateway = routeValue(entry, "gateway", path, i, IpAddr::parse, problems);
      IpAddr source = routeValue(entry, "source", path, i, IpAddr::parse, problems);
      routes.add(new LinkRouteConfig(destination, gateway, source, intOrZero(YamlTree.field(entry, "metric")),
          intOrZero(YamlTree.field(entry, "mtu")), text(YamlTree.field(entry, "table"))));
    }
    return new CommonLinkConfig(YamlTree.bool(YamlTree.field(root, "up")), intOrZero(YamlTree.field(root, "mtu")),
        addresses, routes, YamlTree.bool(YamlTree.field(root, "multicast")));
  }

  /** {@code hardwareAddr}: hex bytes separated by colons; empty when unset. */
  static HardwareAddr hardwareAddr(Node root, Problems problems) {
    Node node = YamlTree.field(root, "hardwareAddr");
    String text = text(node);
    if (text == null || text.isEmpty()) {
      return HardwareAddr.EMPTY;
    }
    HardwareAddr addr = parse(text, HardwareAddr::parse);
    if (addr == null) {
      problems.error(node, "hardwareAddr", Problems.shown(node, false), "invalid hardware address");
      return HardwareAddr.EMPTY;
    }
    return addr;
  }

  /** {@code links}: the names as given (aliases are resolved by the config stage). */
  static List<String> links(Node root) {
    List<String> links = YamlTree.strings(YamlTree.field(root, "links"));
    return links == null ? List.of() : links;
  }

  /** Go's {@code IsUnspecified}: 0.0.0.0 or ::. */
  static boolean unspecified(IpAddr addr) {
    for (byte b : addr.bytes()) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  static int intOrZero(Node node) {
    BigInteger value = YamlTree.integer(node);
    return value == null ? 0 : value.intValue();
  }

  /** A value of a Talos enum by its text, or null after an error naming the accepted values. */
  static <E extends Enum<E> & dev.spindle.resources.TalosEnum> E enumValue(Node root, String key, Class<E> type,
      Problems problems) {
    Node node = YamlTree.field(root, key);
    String text = text(node);
    if (text == null) {
      return null;
    }
    E value = parse(text, t -> dev.spindle.resources.TalosEnum.parse(type, t));
    if (value == null) {
      var accepted = new ArrayList<String>();
      for (E e : type.getEnumConstants()) {
        accepted.add(e.text());
      }
      problems.error(node, key, Problems.shown(node, false), "unknown value (" + String.join(", ", accepted) + ")");
    }
    return value;
  }

  private static <T> T routeValue(Node entry, String key, String path, int i, Function<String, T> parser,
      Problems problems) {
    Node node = YamlTree.field(entry, key);
    String text = text(node);
    if (text == null || text.isEmpty()) {
      return null;
    }
    T value = parse(text, parser);
    boolean unspecified = value instanceof IpAddr a && unspecified(a)
        || value instanceof IpPrefix p && unspecified(p.addr());
    if (value == null || unspecified) {
      String what = key.equals("destination") ? "a valid IP prefix" : "a valid IP address";
      problems.error(node, field(path, key), Problems.shown(node, false),
          "route " + i + " " + key + " must be " + what);
      return null;
    }
    return value;
  }

  private static <T> T parse(String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
