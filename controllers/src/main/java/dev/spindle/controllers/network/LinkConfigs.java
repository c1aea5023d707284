package dev.spindle.controllers.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.GoDurationText;
import dev.spindle.resources.config.BondConfig;
import dev.spindle.resources.config.BridgeConfig;
import dev.spindle.resources.config.DummyLinkConfig;
import dev.spindle.resources.config.LinkConfig;
import dev.spindle.resources.config.LinkDocument;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.VlanConfig;
import dev.spindle.resources.config.WireguardConfig;
import dev.spindle.resources.config.WireguardPeerConfig;
import dev.spindle.resources.network.BondSlave;
import dev.spindle.resources.network.BridgeMasterSpec;
import dev.spindle.resources.network.BridgeSlave;
import dev.spindle.resources.network.BridgeVlanSpec;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.StpSpec;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.resources.network.WireguardPeer;
import dev.spindle.resources.network.WireguardSpec;
import dev.spindle.runtime.resource.Resource;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The pure planner behind {@link LinkConfigController}, Talos's {@code LinkConfigController} pass: from the machine
 * configuration, the bound {@code machine.network.interfaces[]} entries ({@link DeviceConfigSpec}s, selectors already
 * resolved), the node's links and the command line's links, the {@link LinkSpec}s of every layer, by layered id.
 *
 * <ol>
 *   <li>{@code default/lo} {up};</li>
 *   <li>the {@code cmdline} links ({@link CmdlineLinks}), unless an entry with {@code ignore: true} names them;</li>
 *   <li>{@code configuration}: each entry not ignored is up, with its {@code mtu}; a {@code bond} makes it a logical
 *       bond ({@link BondSettings}) and each of {@code bond.interfaces} a member ({@code masterName}, its position as
 *       {@code slaveIndex}); a {@code bridge} makes it a bridge and its interfaces ports ({@code bridgeSlave}), as
 *       does {@code bridgePort.master} on a port; {@code dummy: true} a dummy link; {@code wireguard} a WireGuard link; each {@code vlans[]} entry a VLAN
 *       link {@code <interface>.<vid>} ({@link VlanLinkName} of the name as written, the mtu copied);</li>
 *   <li>then the link documents, laid over the same links: {@code up} (default true), {@code mtu}, the hardware
 *       address (cleared for the kinds without one), {@code multicast}, and per kind the bond with its members, the
 *       bridge with its ports, the VLAN on its parent, the dummy link, the WireGuard link;</li>
 *   <li>{@code default/<link>} {up} for every physical link that nothing above names, by any of its names, when the
 *       configuration has no link documents (Talos's "default DHCP operators" mode; Spindle has no DHCP documents
 *       yet, which would also end it).</li>
 * </ol>
 * Names in bonds, bridges, VLAN parents and documents are resolved through the links' aliases and altnames.
 *
 * <p>A legacy {@code wireguard} section makes a WireGuard link (Talos's {@code wireguardLinkLegacy}), as does a
 * {@code WireguardConfig} document ({@code wireguardLink}). Not yet as in Talos: VRF, veth and macvlan links, and
 * DHCP documents.
 */
final class LinkConfigs {
  private LinkConfigs() {}

  /**
   * @param devices the bound entries by id, in id order
   * @param resolver resolves the names the configuration uses (altnames, aliases) to kernel names
   * @param cmdlineLinks the command line's links, empty when it does not parse
   * @param ignoredByCmdline {@code talos.network.interface.ignore=} names
   * @param warn receives (topic, message) for a link in two bonds or bridges and a bond section that does not read
   */
  static Map<String, LinkSpec> plan(Optional<MachineConfig> config, Map<String, DeviceConfigSpec> devices,
      List<Resource<LinkStatus>> links, LinkResolver resolver, List<LinkSpec> cmdlineLinks,
      List<String> ignoredByCmdline, BiConsumer<String, String> warn) {
    var specs = new LinkedHashMap<String, LinkSpec>();
    put(specs, LinkSpec.builder("lo", ConfigLayer.DEFAULT).up(true).build());

    var ignored = new HashSet<String>();
    devices.values().forEach(d -> {
      if (d.device().tree().path("ignore").asBoolean(false)) {
        ignored.add(d.device().interfaceName());
      }
    });
    for (LinkSpec link : cmdlineLinks) {
      if (!link.name().isEmpty() && !ignored.contains(link.name())) {
        put(specs, link);
      }
    }

    var configured = new TreeMap<String, LinkSpec.Builder>();
    legacy(configured, devices, resolver, warn);
    List<LinkDocument> documents = config.map(c -> c.documents(LinkDocument.class)).orElse(List.of());
    documents(configured, documents, resolver);
    configured.values().forEach(b -> put(specs, b.build()));

    if (documents.isEmpty()) {
      Set<String> named = new HashSet<>(ignoredByCmdline);
      cmdlineLinks.forEach(l -> named.add(l.name()));
      for (DeviceConfigSpec d : devices.values()) {
        JsonNode entry = d.device().tree();
        named.add(d.device().interfaceName());
        entry.path("bond").path("interfaces").forEach(n -> named.add(n.asText()));
        entry.path("bridge").path("interfaces").forEach(n -> named.add(n.asText()));
      }
      for (Resource<LinkStatus> link : links) {
        boolean mentioned = link.spec().allNames(link.id()).stream().anyMatch(named::contains);
        if (!mentioned && link.spec().physical()) {
          put(specs, LinkSpec.builder(link.id(), ConfigLayer.DEFAULT).up(true).build());
        }
      }
    }
    return specs;
  }

  private static void legacy(Map<String, LinkSpec.Builder> map, Map<String, DeviceConfigSpec> devices,
      LinkResolver resolver, BiConsumer<String, String> warn) {
    var bonded = new LinkedHashMap<String, BondSlave>();
    var bridged = new LinkedHashMap<String, String>();
    for (DeviceConfigSpec d : devices.values()) {
      JsonNode entry = d.device().tree();
      if (entry.path("ignore").asBoolean(false)) {
        continue;
      }
      String name = resolver.resolve(d.device().interfaceName());
      JsonNode ifaces = entry.path("bond").path("interfaces");
      for (int i = 0; i < ifaces.size(); i++) {
        String member = resolver.resolve(ifaces.get(i).asText());
        BondSlave before = bonded.get(member);
        if (before != null && !before.masterName().equals(name)) {
          warn.accept("bond/" + member, "link \"" + member + "\" is included in both bonds \""
              + before.masterName() + "\" and \"" + name + "\"");
        }
        if (bridged.containsKey(member)) {
          warn.accept("bond/" + member, "link \"" + member + "\" is included in both bond \"" + name
              + "\" and bridge \"" + bridged.get(member) + "\"");
        }
        bonded.put(member, new BondSlave(name, i));
      }
      entry.path("bridge").path("interfaces").forEach(n -> {
        String port = resolver.resolve(n.asText());
        String before = bridged.get(port);
        if (before != null && !before.equals(name)) {
          warn.accept("bridge/" + port, "link \"" + port + "\" is included in both bridges \"" + before + "\" and \""
              + name + "\"");
        }
        if (bonded.containsKey(port)) {
          warn.accept("bridge/" + port, "link \"" + port + "\" is included in both bond \""
              + bonded.get(port).masterName() + "\" and bridge \"" + name + "\"");
        }
        bridged.put(port, name);
      });
      String master = entry.path("bridgePort").path("master").asText("");
      if (!master.isEmpty()) {
        bridged.put(name, resolver.resolve(master));
      }
    }
    for (DeviceConfigSpec d : devices.values()) {
      JsonNode entry = d.device().tree();
      if (entry.path("ignore").asBoolean(false)) {
        continue;
      }
      String original = d.device().interfaceName();
      String name = resolver.resolve(original);
      LinkSpec.Builder link = map.computeIfAbsent(name, n -> configured(n).up(true));
      int mtu = entry.path("mtu").asInt(0);
      if (mtu != 0) {
        link.mtu(mtu);
      }
      if (entry.path("bond").isObject()) {
        bondMaster(link);
        try {
          link.bondMaster(BondSettings.legacy(entry.path("bond"), resolver::resolve));
        } catch (IllegalArgumentException e) {
          warn.accept("bond-config/" + name, "error parsing bond config of \"" + name + "\": " + e.getMessage());
        }
      }
      if (entry.path("bridge").isObject()) {
        JsonNode bridge = entry.path("bridge");
        bridgeMaster(link, bridge.path("stp").path("enabled").asBoolean(false),
            bridge.path("vlan").path("vlanFiltering").asBoolean(false));
      }
      if (entry.path("wireguard").isObject()) {
        wireguardLegacy(link, entry.path("wireguard"), name, warn);
      }
      if (entry.path("dummy").asBoolean(false)) {
        dummy(link);
      }
      JsonNode vlans = entry.path("vlans");
      for (JsonNode vlan : vlans) {
        int vid = vlan.path("vlanId").asInt(0);
        String vlanName = VlanLinkName.of(original, vid);
        LinkSpec.Builder v = configured(vlanName);
        vlanLink(v, name, new VlanSpec(vid, VlanProtocol.IEEE_802_1Q));
        v.mtu(vlan.path("mtu").asInt(0));
        map.put(vlanName, v);
      }
    }
    bonded.forEach((member, slave) -> map.computeIfAbsent(member, n -> configured(n).up(true)).bondSlave(slave));
    bridged.forEach((port, bridge) -> map.computeIfAbsent(port, n -> configured(n).up(true))
        .bridgeSlave(new BridgeSlave(bridge)));
  }

  private static void documents(Map<String, LinkSpec.Builder> map, List<LinkDocument> documents,
      LinkResolver resolver) {
    for (LinkDocument doc : documents) {
      String name = resolver.resolve(doc.name());
      LinkSpec.Builder link = map.computeIfAbsent(name, LinkConfigs::configured);
      link.up(doc.common().upOrDefault());
      if (doc.common().mtu() != 0) {
        link.mtu(doc.common().mtu());
      }
      boolean hasHardwareAddr = doc instanceof BondConfig || doc instanceof BridgeConfig
          || doc instanceof DummyLinkConfig;
      if (!hasHardwareAddr) {
        link.hardwareAddr(HardwareAddr.EMPTY);
      } else if (!doc.hardwareAddr().isEmpty()) {
        link.hardwareAddr(doc.hardwareAddr());
      }
      if (doc.common().multicast() != null) {
        link.multicast(doc.common().multicast());
      }
      switch (doc) {
        case LinkConfig physical -> { }
        case DummyLinkConfig dummy -> dummy(link);
        case VlanConfig vlan -> vlanLink(link, resolver.resolve(vlan.parent()),
            new VlanSpec(vlan.vlanId(), vlan.modeOrDefault()));
        case BondConfig bond -> {
          bondMaster(link);
          link.bondMaster(BondSettings.document(bond.settings(), resolver::resolve));
          for (int i = 0; i < bond.links().size(); i++) {
            String member = resolver.resolve(bond.links().get(i));
            map.computeIfAbsent(member, n -> configured(n).up(true)).bondSlave(new BondSlave(name, i));
          }
        }
        case BridgeConfig bridge -> {
          bridgeMaster(link, Boolean.TRUE.equals(bridge.stpEnabled()), Boolean.TRUE.equals(bridge.vlanFiltering()));
          for (String port : bridge.links()) {
            map.computeIfAbsent(resolver.resolve(port), n -> configured(n).up(true))
                .bridgeSlave(new BridgeSlave(name));
          }
        }
        case WireguardConfig wg -> wireguard(link, wg);
      }
    }
  }

  /**
   * Talos's {@code wireguardLinkLegacy}: a logical {@code wireguard} link of type {@code nohdr} with the section's
   * key, port, mark and peers; an allowed IP that does not parse ends the peer list there, with a warning. The keys
   * are not checked here, as in Talos.
   */
  private static void wireguardLegacy(LinkSpec.Builder link, JsonNode wg, String name,
      BiConsumer<String, String> warn) {
    link.logical(true).kind("wireguard").type(LinkType.NONE);
    var peers = new java.util.ArrayList<WireguardPeer>();
    String topic = "wireguard/" + name;
    try {
      for (JsonNode peer : wg.path("peers")) {
        var allowed = new java.util.ArrayList<IpPrefix>();
        for (JsonNode ip : peer.path("allowedIPs")) {
          allowed.add(IpPrefix.parse(ip.asText()));
        }
        String keepalive = peer.path("persistentKeepaliveInterval").asText("");
        peers.add(new WireguardPeer(peer.path("publicKey").asText(""), "", peer.path("endpoint").asText(""),
            keepalive.isEmpty() ? Duration.ZERO : GoDurationText.parse(keepalive), allowed));
      }
    } catch (IllegalArgumentException e) {
      warn.accept(topic, "error parsing wireguard config of \"" + name + "\": " + e.getMessage());
    }
    link.wireguard(new WireguardSpec(wg.path("privateKey").asText(""), "", wg.path("listenPort").asInt(0),
        wg.path("firewallMark").asInt(0), peers));
  }

  /**
   * Talos's {@code wireguardLink}: a logical {@code wireguard} link of type {@code nohdr} with the document's key,
   * port, mark and peers (preshared key, endpoint and keepalive empty when unset). The keys were checked when the
   * configuration was parsed.
   */
  private static void wireguard(LinkSpec.Builder link, WireguardConfig wg) {
    link.logical(true).kind("wireguard").type(LinkType.NONE);
    List<WireguardPeer> peers = wg.peers().stream().map(LinkConfigs::peer).toList();
    link.wireguard(new WireguardSpec(wg.privateKey(), "", wg.listenPort(), wg.firewallMark(), peers));
  }

  private static WireguardPeer peer(WireguardPeerConfig p) {
    return new WireguardPeer(p.publicKey(), p.presharedKey(), p.endpoint(), p.persistentKeepaliveInterval(),
        p.allowedIps());
  }

  private static LinkSpec.Builder configured(String name) {
    return LinkSpec.builder(name, ConfigLayer.CONFIGURATION);
  }

  private static void bondMaster(LinkSpec.Builder link) {
    link.logical(true).kind("bond").type(LinkType.ETHER);
  }

  private static void bridgeMaster(LinkSpec.Builder link, boolean stp, boolean vlanFiltering) {
    link.logical(true).kind("bridge").type(LinkType.ETHER)
        .bridgeMaster(new BridgeMasterSpec(new StpSpec(stp), new BridgeVlanSpec(vlanFiltering)));
  }

  private static void dummy(LinkSpec.Builder link) {
    link.logical(true).kind("dummy").type(LinkType.ETHER);
  }

  private static void vlanLink(LinkSpec.Builder link, String parent, VlanSpec vlan) {
    link.logical(true).up(true).kind("vlan").type(LinkType.ETHER).parentName(parent).vlan(vlan);
  }

  private static void put(Map<String, LinkSpec> specs, LinkSpec spec) {
    specs.put(spec.layeredId(), spec);
  }
}
