package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code LinkAliasConfig} document did right now (id = its {@code name}, e.g. {@code net%d}), a Spindle
 * resource with no Talos counterpart. Talos only logs a warning when a fixed name selects several links or a link
 * already has an alias, and says nothing when the selector selects no link; here each config stays visible, so
 * {@code spindlectl get linkaliasconfigstatuses} shows which selector found nothing and why a link got no alias.
 *
 * @param match the selector's CEL expression
 * @param links the physical links it selected, in hardware address order
 * @param aliased the links this config gave an alias to (a {@link LinkAliasSpec} each), in the same order
 * @param matched whether it selected any link
 * @param warning why it gave fewer aliases than it selected links (empty when it gave one to each)
 */
public record LinkAliasConfigStatus(
    @ProtoField(1) String match,
    @ProtoField(2) @OmitEmpty List<String> links,
    @ProtoField(3) @OmitEmpty List<String> aliased,
    @ProtoField(4) boolean matched,
    @ProtoField(5) @OmitEmpty String warning) implements NetworkSpec {
  public static final ResourceDefinition<LinkAliasConfigStatus> DEFINITION =
      ResourceDefinition.of(LinkAliasConfigStatus.class, "LinkAliasConfigStatuses.net.spindle.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .column("Matched", "matched")
          .column("Links", "links")
          .column("Aliased", "aliased")
          .column("Warning", "warning")
          .build();

  public LinkAliasConfigStatus {
    match = Objects.requireNonNull(match, "match");
    links = links == null ? List.of() : List.copyOf(links);
    aliased = aliased == null ? List.of() : List.copyOf(aliased);
    warning = warning == null ? "" : warning;
  }
}
