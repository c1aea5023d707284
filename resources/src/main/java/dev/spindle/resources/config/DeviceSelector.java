package dev.spindle.resources.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import java.util.Objects;

/**
 * A v1alpha1 {@code NetworkDeviceSelector} ({@code machine.network.interfaces[].deviceSelector} and each of
 * {@code bond.deviceSelectors}): picks links by their {@code LinkStatus} facts instead of by name. Every text field is
 * a go-glob pattern ({@code *} only, case-sensitive) and an empty one is not checked; {@code physical} is exact and
 * null when unset. A link matches when every set field matches (a logical AND); a selector with no field set matches
 * nothing (validation rejects it).
 */
public record DeviceSelector(
    @ProtoField(1) @OmitEmpty String busPath,
    @ProtoField(2) @OmitEmpty String hardwareAddr,
    @ProtoField(3) @OmitEmpty String permanentAddr,
    @ProtoField(4) @OmitEmpty @JsonProperty("pciID") String pciId,
    @ProtoField(5) @OmitEmpty String driver,
    @ProtoField(6) @JsonInclude(JsonInclude.Include.NON_NULL) Boolean physical) {

  public DeviceSelector {
    busPath = Objects.requireNonNullElse(busPath, "");
    hardwareAddr = Objects.requireNonNullElse(hardwareAddr, "");
    permanentAddr = Objects.requireNonNullElse(permanentAddr, "");
    pciId = Objects.requireNonNullElse(pciId, "");
    driver = Objects.requireNonNullElse(driver, "");
  }

  public static DeviceSelector ofDriver(String pattern) {
    return new DeviceSelector(null, null, null, null, pattern, null);
  }

  public static DeviceSelector ofBusPath(String pattern) {
    return new DeviceSelector(pattern, null, null, null, null, null);
  }

  public static DeviceSelector ofPermanentAddr(String pattern) {
    return new DeviceSelector(null, null, pattern, null, null, null);
  }

  public static DeviceSelector ofPhysical(boolean physical) {
    return new DeviceSelector(null, null, null, null, null, physical);
  }

  /** From the parsed YAML of a selector; absent or non-text fields read as unset (the schema check reported them). */
  @JsonCreator
  public static DeviceSelector fromJson(JsonNode node) {
    JsonNode physical = node.get("physical");
    return new DeviceSelector(text(node, "busPath"), text(node, "hardwareAddr"), text(node, "permanentAddr"),
        text(node, "pciID"), text(node, "driver"),
        physical != null && physical.isBoolean() ? physical.booleanValue() : null);
  }

  /** True when no field is set: such a selector matches no link. */
  @JsonIgnore
  public boolean isEmpty() {
    return busPath.isEmpty() && hardwareAddr.isEmpty() && permanentAddr.isEmpty() && pciId.isEmpty()
        && driver.isEmpty() && physical == null;
  }

  /** Talos's log form of a selector ({@code {driver: virtio*, physical: true}}): the set fields only. */
  @Override
  public String toString() {
    var s = new StringBuilder("{");
    append(s, "busPath", busPath);
    append(s, "hardwareAddr", hardwareAddr);
    append(s, "permanentAddr", permanentAddr);
    append(s, "pciID", pciId);
    append(s, "driver", driver);
    if (physical != null) {
      append(s, "physical", physical.toString());
    }
    return s.append('}').toString();
  }

  private static void append(StringBuilder s, String key, String value) {
    if (value.isEmpty()) {
      return;
    }
    if (s.length() > 1) {
      s.append(", ");
    }
    s.append(key).append(": ").append(value);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }
}
