package dev.spindle.resources.network;

import dev.spindle.resources.config.DeviceSelector;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import java.util.Objects;

/**
 * What each device selector of the machine configuration matched right now (id = the entry index, {@code %03d}), a
 * Spindle resource with no Talos counterpart. Talos only logs {@code no matching network device for defined
 * selector} and drops the entry; here the entry stays visible with {@code matched: false}, so
 * {@code spindlectl get deviceselectorstatuses} shows which selector found no link (and which links each found).
 *
 * @param config where the selector is ({@code machine.network.interfaces[2].deviceSelector} or
 *     {@code machine.network.interfaces[0].bond.deviceSelectors})
 * @param selectors the selector, or the bond's selectors in order
 * @param links the matched link ids, in match order (a bond member matched by two selectors appears twice, as in
 *     Talos)
 * @param matched whether any link matched; false means the entry produced no {@link DeviceConfigSpec}
 */
public record DeviceSelectorStatus(
    @ProtoField(1) String config,
    @ProtoField(2) List<DeviceSelector> selectors,
    @ProtoField(3) @OmitEmpty List<String> links,
    @ProtoField(4) boolean matched) implements NetworkSpec {
  public static final ResourceDefinition<DeviceSelectorStatus> DEFINITION =
      ResourceDefinition.of(DeviceSelectorStatus.class, "DeviceSelectorStatuses.net.spindle.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .column("Config", "config")
          .column("Matched", "matched")
          .column("Links", "links")
          .build();

  public DeviceSelectorStatus {
    config = Objects.requireNonNull(config, "config");
    selectors = List.copyOf(selectors);
    links = links == null ? List.of() : List.copyOf(links);
  }
}
