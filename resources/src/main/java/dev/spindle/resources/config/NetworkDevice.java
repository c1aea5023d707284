package dev.spindle.resources.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.runtime.codec.ProtoValue;
import dev.spindle.runtime.codec.YamlEmitter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code machine.network.interfaces[]} entry (Talos's v1alpha1 {@code Device}), typed where the selector stage
 * needs it and whole otherwise: the link name ({@code interface}), the {@code deviceSelector}, the bond's
 * {@code interfaces} and {@code deviceSelectors}, and the complete entry as parsed ({@link #tree()}), so addresses,
 * routes, VLANs, WireGuard and the rest travel unchanged to the stages that model them.
 *
 * <p>Immutable: the tree is copied in and out, and every "with" method returns a new device. Its YAML form is the
 * entry with its keys in Talos's {@code Device} field order (what {@code yaml.Marshal(device)} prints), its protobuf
 * form that YAML as bytes, as Talos's {@code DeviceConfigSpecSpec.yaml_marshalled}.
 */
public final class NetworkDevice implements ProtoValue {
  private static final ConfigSchema.Struct DEVICE = ConfigSchema.struct("Device");

  private final ObjectNode tree;

  private NetworkDevice(ObjectNode tree) {
    this.tree = tree;
  }

  /** From the parsed YAML of one entry; a non-mapping entry (rejected by validation) reads as an empty device. */
  @JsonCreator
  public static NetworkDevice of(JsonNode entry) {
    ObjectNode copy = entry != null && entry.isObject() ? ((ObjectNode) entry).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    return new NetworkDevice((ObjectNode) ordered(copy, DEVICE));
  }

  /** Every entry of {@code machine.network.interfaces}, in order. */
  public static List<NetworkDevice> all(NetworkSection network) {
    return network.interfaces().stream().map(NetworkDevice::of).toList();
  }

  /** {@code interface}: the link name, {@code ""} when the entry selects its link. */
  public String interfaceName() {
    JsonNode name = tree.get("interface");
    return name != null && name.isTextual() ? name.textValue() : "";
  }

  /** {@code deviceSelector}, null when absent. */
  public DeviceSelector deviceSelector() {
    JsonNode selector = tree.get("deviceSelector");
    return selector != null && selector.isObject() ? DeviceSelector.fromJson(selector) : null;
  }

  /** {@code bond.deviceSelectors}, empty when absent. */
  public List<DeviceSelector> bondSelectors() {
    var selectors = new ArrayList<DeviceSelector>();
    tree.path("bond").path("deviceSelectors").forEach(s -> {
      if (s.isObject()) {
        selectors.add(DeviceSelector.fromJson(s));
      }
    });
    return List.copyOf(selectors);
  }

  /** {@code bond.interfaces}, empty when absent. */
  public List<String> bondInterfaces() {
    var names = new ArrayList<String>();
    tree.path("bond").path("interfaces").forEach(n -> {
      if (n.isTextual()) {
        names.add(n.textValue());
      }
    });
    return List.copyOf(names);
  }

  public boolean hasBond() {
    return tree.path("bond").isObject();
  }

  /** This entry for one selected link: {@code interface} set to it and the {@code deviceSelector} dropped. */
  public NetworkDevice forLink(String linkName) {
    ObjectNode copy = tree.deepCopy();
    copy.remove("deviceSelector");
    copy.put("interface", linkName);
    return new NetworkDevice((ObjectNode) ordered(copy, DEVICE));
  }

  /** This bond with its selectors resolved: {@code bond.interfaces} set to the links, {@code deviceSelectors} gone. */
  public NetworkDevice withBondInterfaces(List<String> links) {
    ObjectNode copy = tree.deepCopy();
    ObjectNode bond = copy.get("bond") instanceof ObjectNode b ? b : copy.putObject("bond");
    bond.remove("deviceSelectors");
    var names = bond.putArray("interfaces");
    links.forEach(names::add);
    return new NetworkDevice((ObjectNode) ordered(copy, DEVICE));
  }

  /** The whole entry, keys in Talos's field order. A copy: changing it changes nothing here. */
  @JsonValue
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  @Override
  public Object protoValue() {
    return YamlEmitter.emit(tree).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    // by text: a YAML round trip may read 1500 back as a long node, which Jackson's node equality tells apart
    return o instanceof NetworkDevice other && tree.toString().equals(other.tree.toString());
  }

  @Override
  public int hashCode() {
    return tree.toString().hashCode();
  }

  /** Names the link and the selectors only: the entry may hold a WireGuard private key. */
  @Override
  public String toString() {
    return "NetworkDevice[interface=" + interfaceName() + ", deviceSelector=" + deviceSelector()
        + ", bondSelectors=" + bondSelectors() + "]";
  }

  /** The known keys first, in the schema's (Go struct) order, then any others as they came; nested structs too. */
  private static JsonNode ordered(JsonNode node, ConfigSchema.Shape shape) {
    switch (shape) {
      case ConfigSchema.Struct struct when node.isObject() -> {
        ObjectNode in = (ObjectNode) node;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, ConfigSchema.Field> f : struct.fields().entrySet()) {
          JsonNode value = in.get(f.getKey());
          if (value != null) {
            out.set(f.getKey(), ordered(value, f.getValue().shape()));
          }
        }
        in.properties().forEach(e -> {
          if (!out.has(e.getKey())) {
            out.set(e.getKey(), e.getValue());
          }
        });
        return out;
      }
      case ConfigSchema.ListOf list when node.isArray() -> {
        var out = JsonNodeFactory.instance.arrayNode();
        node.forEach(item -> out.add(ordered(item, list.item())));
        return out;
      }
      default -> {
        return node;
      }
    }
  }
}
