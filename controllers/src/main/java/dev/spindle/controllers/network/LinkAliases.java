package dev.spindle.controllers.network;

import dev.spindle.resources.config.LinkAliasConfig;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkAliasConfigStatus;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.resource.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which physical link gets which alias, from the {@code LinkAliasConfig} documents: a pure function of the configs
 * and the links, with the rules of Talos's {@code LinkAliasConfigController}.
 *
 * <ol>
 *   <li>Only physical links count, in hardware address order: the permanent address, or the current one when the
 *       link has none, compared as bytes (ties in link name order, so the result never depends on input order).</li>
 *   <li>Configs are taken in name order.</li>
 *   <li>A fixed name that selects more than one link is skipped, with a warning.</li>
 *   <li>A link that an earlier config already aliased keeps its alias (a warning names both).</li>
 *   <li>A pattern ({@code net%d}) numbers the links it still has from 0, in hardware address order.</li>
 * </ol>
 * Spindle's differences: a selector that selects no link is a warning too (Talos is silent), and a selector that fails
 * while evaluating (a CEL runtime error) selects nothing and is reported on its config, where Talos fails the whole
 * pass and so gives no link an alias until the configuration changes. Each config's outcome is a
 * {@link LinkAliasConfigStatus}.
 *
 * @param aliases link name → alias, one {@code LinkAliasSpec} each
 * @param statuses config name → what it selected and did
 * @param warnings config name → the warning to log (absent when the config gave every selected link an alias)
 */
public record LinkAliases(Map<String, String> aliases, Map<String, LinkAliasConfigStatus> statuses,
    Map<String, String> warnings) {
  public LinkAliases {
    aliases = Map.copyOf(aliases);
    statuses = Map.copyOf(statuses);
    warnings = Map.copyOf(warnings);
  }

  /** Hardware address order: the address that identifies the NIC, as unsigned bytes. */
  private static final Comparator<Resource<LinkStatus>> MAC_ORDER =
      Comparator.<Resource<LinkStatus>, byte[]>comparing(link -> identity(link.spec()), Arrays::compareUnsigned)
          .thenComparing(Resource::id);

  public static LinkAliases plan(List<LinkAliasConfig> configs, List<Resource<LinkStatus>> links,
      LinkSelectors selectors) {
    List<Resource<LinkStatus>> physical = links.stream().filter(l -> l.spec().physical()).sorted(MAC_ORDER).toList();
    Map<String, String> aliases = new TreeMap<>();
    Map<String, LinkAliasConfigStatus> statuses = new TreeMap<>();
    Map<String, String> warnings = new TreeMap<>();
    List<LinkAliasConfig> ordered = configs.stream().sorted(Comparator.comparing(LinkAliasConfig::name)).toList();
    for (LinkAliasConfig config : ordered) {
      List<String> selected = new ArrayList<>();
      String failure = null;
      for (Resource<LinkStatus> link : physical) {
        try {
          if (selectors.matches(config.match(), link.spec())) {
            selected.add(link.id());
          }
        } catch (LinkSelectors.LinkSelectorException e) {
          failure = "error evaluating link selector " + config.match() + " on link " + link.id() + ": "
              + e.getMessage();
          selected.clear();
          break;
        }
      }
      List<String> given = new ArrayList<>();
      String warning = failure;
      if (failure == null && selected.isEmpty()) {
        warning = "link selector matched no link";
      } else if (failure == null && selected.size() > 1 && !config.pattern()) {
        warning = "link selector matched multiple links, skipping: " + String.join(", ", selected);
      } else if (failure == null) {
        Map<String, String> taken = new LinkedHashMap<>();
        for (String link : selected) {
          if (aliases.containsKey(link)) {
            taken.put(link, aliases.get(link));
          } else {
            given.add(link);
          }
        }
        for (int n = 0; n < given.size(); n++) {
          aliases.put(given.get(n), config.alias(n));
        }
        if (!taken.isEmpty()) {
          warning = "link already has an alias, skipping: " + String.join(", ",
              taken.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
        }
      }
      statuses.put(config.name(), new LinkAliasConfigStatus(config.match().text(), selected, given,
          !selected.isEmpty(), warning));
      if (warning != null) {
        warnings.put(config.name(), "LinkAliasConfig " + config.name() + ": " + warning);
      }
    }
    return new LinkAliases(aliases, statuses, warnings);
  }

  private static byte[] identity(LinkStatus link) {
    HardwareAddr addr = link.permanentAddr().isEmpty() ? link.hardwareAddr() : link.permanentAddr();
    return addr.bytes();
  }
}
