package dev.spindle.controllers.network;

import dev.spindle.platform.network.Arphrd;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.runtime.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which links to rename to their predictable names, a pure function of the {@link LinkNameStatus}es and the kernel's
 * links. A link is renamed when its status is enabled (no {@code net.ifnames=0}) and names it otherwise, the kernel
 * enumerated its current name ({@code NET_NAME_ENUM}: udev's {@code keep} policy holds a name userspace gave, the
 * {@code kernel} policy one the kernel made predictable), it sits on a bus device (logical links have none; their
 * names are their creator's) and it is no loopback. The kernel's current view decides: a status written for a name
 * no link has any more is stale and skipped.
 */
final class LinkRenamePlan {
  private LinkRenamePlan() {}

  /**
   * One rename.
   *
   * @param index the link's ifindex
   * @param from its current name
   * @param to the predictable name
   * @param policy the name policy that chose {@code to} ({@code path}, {@code slot}, ...)
   * @param up whether the link is up (kernels before 6.2 refuse to rename it then)
   */
  record Rename(int index, String from, String to, String policy, boolean up) {
    Rename {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(policy, "policy");
    }
  }

  static List<Rename> plan(List<Resource<LinkNameStatus>> statuses, List<LinkMessage> links) {
    Map<String, LinkMessage> byName = links.stream()
        .collect(Collectors.toMap(LinkMessage::name, Function.identity(), (a, b) -> a));
    var renames = new ArrayList<Rename>();
    for (Resource<LinkNameStatus> status : statuses) {
      LinkNameStatus s = status.spec();
      LinkMessage link = byName.get(status.id());
      if (link != null && wanted(s, link)) {
        renames.add(new Rename(link.index(), link.name(), s.name(), s.policy(), link.hasFlags(Iff.UP)));
      }
    }
    return List.copyOf(renames);
  }

  private static boolean wanted(LinkNameStatus s, LinkMessage link) {
    return s.enabled() && !s.name().isEmpty() && !s.name().equals(link.name())
        && s.nameAssignType().equals(LinkNameStatus.ENUMERATED) && !s.device().isEmpty()
        && link.type() != Arphrd.LOOPBACK && !link.hasFlags(Iff.LOOPBACK);
  }
}
