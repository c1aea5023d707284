package dev.spindle.platform.network.linux;

import java.util.Map;
import java.util.Objects;

/**
 * A generic netlink family as the controller ({@code nlctrl}) describes it in answer to {@code CTRL_CMD_GETFAMILY}:
 * the id its messages carry as {@code nlmsg_type}, which the kernel assigns when the module registers the family, so
 * it must be looked up by name on every boot.
 *
 * @param name CTRL_ATTR_FAMILY_NAME ({@code wireguard}, {@code ethtool}, …)
 * @param id CTRL_ATTR_FAMILY_ID
 * @param version CTRL_ATTR_VERSION: the family's interface version
 * @param maxAttribute CTRL_ATTR_MAXATTR, 0 if not reported
 * @param multicastGroups CTRL_ATTR_MCAST_GROUPS: group name to group id, for families that send events
 */
public record GenlFamily(String name, int id, int version, int maxAttribute, Map<String, Integer> multicastGroups) {
  public GenlFamily {
    Objects.requireNonNull(name, "name");
    multicastGroups = multicastGroups == null ? Map.of() : Map.copyOf(multicastGroups);
  }
}
