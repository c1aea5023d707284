package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import java.util.Objects;

/**
 * The predictable names of one link (id = the kernel link name), a Spindle resource with no Talos counterpart: Talos
 * leaves naming to systemd-udevd, which keeps the candidates in its device database ({@code ID_NET_NAME_*}); Spindle
 * computes them from sysfs and shows them here. {@code name} is what Talos's {@code 99-default.link}
 * ({@code NamePolicy=keep kernel database onboard slot path mac}) would rename the link to, {@code policy} the
 * policy that chose it; {@code alternativeNames} are the {@code AlternativeNamesPolicy=database onboard slot path
 * mac} names other than the link's name. With {@code net.ifnames=0} on the kernel command line {@code enabled} is
 * false and {@code name} is empty (the kernel name stays); the candidates and the alternative names are still
 * listed, as udev skips only the name policy then.
 *
 * <p>Only links that udev's {@code net_id} names get one: not stacked (ifindex = iflink) and of type ether,
 * InfiniBand or SLIP. {@code nameAssignType} is how the link got its current name ({@code enum}: the kernel
 * enumerated it, {@code eth0}; {@code predictable}; {@code user}; {@code renamed}; {@code ""} when the kernel does not
 * say), {@code device} the bus device the link sits on ({@code virtio0}, {@code 0000:05:00.0}; {@code ""} for a
 * logical link). Spindle's {@code LinkRenameController} renames a link to {@code name} when it is enabled, differs
 * from the link's name, the kernel enumerated the name and the link sits on a device; after the rename the kernel
 * says {@code renamed}, so the {@code keep} policy holds the new name.
 */
public record LinkNameStatus(
    @ProtoField(1) @OmitEmpty String onboard,
    @ProtoField(2) @OmitEmpty String slot,
    @ProtoField(3) @OmitEmpty String path,
    @ProtoField(4) @OmitEmpty String mac,
    @ProtoField(5) @OmitEmpty String name,
    @ProtoField(6) @OmitEmpty String policy,
    @ProtoField(7) @OmitEmpty List<String> alternativeNames,
    @ProtoField(8) boolean enabled,
    @ProtoField(9) @OmitEmpty String nameAssignType,
    @ProtoField(10) @OmitEmpty String device) implements NetworkSpec {
  /** {@code nameAssignType} of a name the kernel enumerated ({@code NET_NAME_ENUM}). */
  public static final String ENUMERATED = "enum";

  public static final ResourceDefinition<LinkNameStatus> DEFINITION =
      ResourceDefinition.of(LinkNameStatus.class, "LinkNameStatuses.net.spindle.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("linkname", "linknames")
          .column("Name", "name")
          .column("Policy", "policy")
          .column("Enabled", "enabled")
          .column("Path", "path")
          .column("MAC", "mac")
          .build();

  public LinkNameStatus {
    onboard = Objects.requireNonNullElse(onboard, "");
    slot = Objects.requireNonNullElse(slot, "");
    path = Objects.requireNonNullElse(path, "");
    mac = Objects.requireNonNullElse(mac, "");
    name = Objects.requireNonNullElse(name, "");
    policy = Objects.requireNonNullElse(policy, "");
    alternativeNames = alternativeNames == null ? List.of() : List.copyOf(alternativeNames);
    nameAssignType = Objects.requireNonNullElse(nameAssignType, "");
    device = Objects.requireNonNullElse(device, "");
  }

  /** A status without the name's origin and device, as before they were recorded. */
  public LinkNameStatus(String onboard, String slot, String path, String mac, String name, String policy,
      List<String> alternativeNames, boolean enabled) {
    this(onboard, slot, path, mac, name, policy, alternativeNames, enabled, "", "");
  }
}
