package dev.spindle.resources.network;

import dev.spindle.resources.config.NetworkDevice;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * One {@code machine.network.interfaces[]} entry bound to a link, as Talos's {@code DeviceConfigSpec}: the entry with
 * its {@code deviceSelector} resolved to a link name (or its {@code bond.deviceSelectors} to member names). The id is
 * {@code <link>/<entry index %03d>}, plus {@code /<match ordinal %03d>} when one entry's selector matched several
 * links ({@code eth0/003/000}, {@code eth1/003/001}). The stages that turn configuration into links, addresses and
 * routes read these instead of the raw entries, so a selector is resolved in one place.
 *
 * <p>Sensitive, as in Talos: an entry may hold a WireGuard private key. The protobuf payload is the entry's YAML
 * (field 1, {@code yaml_marshalled}); there are no print columns.
 */
public record DeviceConfigSpec(@ProtoField(1) NetworkDevice device) implements NetworkSpec {
  public static final ResourceDefinition<DeviceConfigSpec> DEFINITION =
      ResourceDefinition.of(DeviceConfigSpec.class, "DeviceConfigSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .sensitive()
          .build();

  public DeviceConfigSpec {
    Objects.requireNonNull(device, "device");
  }

  /** Talos's id: {@code <link>/<index>} or, for one of several matches, {@code <link>/<index>/<ordinal>}. */
  public static String id(String linkName, int entryIndex, int ordinal, int matches) {
    String id = linkName + "/" + String.format("%03d", entryIndex);
    return matches > 1 ? id + "/" + String.format("%03d", ordinal) : id;
  }
}
