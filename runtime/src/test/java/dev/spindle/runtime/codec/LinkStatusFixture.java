package dev.spindle.runtime.codec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only mirror of Talos's LinkStatusSpec with just enough of its types to reproduce the go-yaml vector of
 * talos-network.md §1.5 (R/link_status_test.go): Go field tags become component names, {@code @JsonProperty} and
 * {@link OmitEmpty}; enumer text forms become {@code @JsonValue}.
 */
final class LinkStatusFixture {
  private LinkStatusFixture() {}

  /** Go leaves an omitted field at its zero value; the records do the same so that a decoded spec is equal. */
  static String str(String s) {
    return s == null ? "" : s;
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  enum LinkType {
    ETHER("ether"), LOOPBACK("loopback");

    private final String text;

    LinkType(String text) {
      this.text = text;
    }

    @JsonValue
    String text() {
      return text;
    }
  }

  enum OperationalState {
    UNKNOWN("unknown"), DOWN("down"), LOWER_LAYER_DOWN("lowerLayerDown"), UP("up");

    private final String text;

    OperationalState(String text) {
      this.text = text;
    }

    @JsonValue
    String text() {
      return text;
    }
  }

  enum Port {
    TWISTED_PAIR("TwistedPair"), FIBRE(""), OTHER("Other");

    private final String text;

    Port(String text) {
      this.text = text;
    }

    @JsonValue
    String text() {
      return text;
    }
  }

  enum Duplex { Half, Full, Unknown }

  enum VlanProtocol {
    Q("802.1q"), AD("802.1ad");

    private final String text;

    VlanProtocol(String text) {
      this.text = text;
    }

    @JsonValue
    String text() {
      return text;
    }
  }

  /** IFF_* bits printed comma-joined in bit order, as nethelpers.LinkFlags does. */
  record LinkFlags(int bits) {
    private static final List<String> NAMES = List.of("UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTTOPOINT",
        "NOTRAILERS", "RUNNING", "NOARP", "PROMISC", "ALLMULTI", "MASTER", "SLAVE", "MULTICAST", "PORTSEL",
        "AUTOMEDIA", "DYNAMIC", "LOWER_UP", "DORMANT", "ECHO");

    @JsonValue
    String text() {
      var names = new ArrayList<String>();
      for (int i = 0; i < NAMES.size(); i++) {
        if ((bits & (1 << i)) != 0) {
          names.add(NAMES.get(i));
        }
      }
      return String.join(",", names);
    }

    @JsonCreator
    static LinkFlags parse(String text) {
      int bits = 0;
      for (String name : text.isEmpty() ? new String[0] : text.split(",")) {
        bits |= 1 << NAMES.indexOf(name);
      }
      return new LinkFlags(bits);
    }
  }

  record VlanSpec(@JsonProperty("vlanID") int vlanId, VlanProtocol vlanProtocol) {}

  record BondMasterSpec(
      String mode,
      String xmitHashPolicy,
      String lacpRate,
      String arpValidate,
      String arpAllTargets,
      @OmitEmpty Integer primaryIndex,
      String primaryReselect,
      String failOverMac,
      @OmitEmpty String adSelect,
      @OmitEmpty int miimon,
      @OmitEmpty int updelay,
      @OmitEmpty int downdelay,
      @OmitEmpty int arpInterval,
      @OmitEmpty int resendIgmp,
      @OmitEmpty int minLinks,
      @OmitEmpty int lpInterval,
      @OmitEmpty int packetsPerSlave,
      @OmitEmpty int numPeerNotif,
      @OmitEmpty int tlbLogicalLb,
      @OmitEmpty int allSlavesActive,
      @OmitEmpty boolean useCarrier,
      @OmitEmpty int adActorSysPrio,
      @OmitEmpty int adUserPortKey,
      @OmitEmpty int peerNotifyDelay,
      @OmitEmpty List<String> arpIpTargets,
      @OmitEmpty List<String> nsIp6Targets,
      @OmitEmpty String adLacpActive,
      @OmitEmpty int missedMax,
      @OmitEmpty String primary) {
    BondMasterSpec {
      arpIpTargets = list(arpIpTargets);
      nsIp6Targets = list(nsIp6Targets);
      adSelect = str(adSelect);
      adLacpActive = str(adLacpActive);
      primary = str(primary);
    }
  }

  record VrfMasterSpec(String table) {}

  record WireguardPeer(
      String publicKey,
      String presharedKey,
      String endpoint,
      String persistentKeepaliveInterval,
      @JsonProperty("allowedIPs") List<String> allowedIps) {
    WireguardPeer {
      allowedIps = list(allowedIps);
    }
  }

  record WireguardSpec(
      @OmitEmpty String privateKey,
      @OmitEmpty String publicKey,
      int listenPort,
      int firewallMark,
      @OmitEmpty List<WireguardPeer> peers) {
    WireguardSpec {
      privateKey = str(privateKey);
      publicKey = str(publicKey);
      peers = list(peers);
    }
  }

  record VethSpec(String peerName) {
    VethSpec {
      peerName = str(peerName);
    }
  }

  record BridgeMasterSpec(StpSpec stp) {}

  record StpSpec(boolean enabled) {}

  record LinkStatusSpec(
      @OmitEmpty String alias,
      @OmitEmpty List<String> altNames,
      int index,
      LinkType type,
      int linkIndex,
      LinkFlags flags,
      String hardwareAddr,
      String permanentAddr,
      String broadcastAddr,
      int mtu,
      String queueDisc,
      @OmitEmpty int masterIndex,
      OperationalState operationalState,
      String kind,
      String slaveKind,
      @OmitEmpty String busPath,
      @OmitEmpty @JsonProperty("pciID") String pciId,
      @OmitEmpty String driver,
      @OmitEmpty String driverVersion,
      @OmitEmpty String firmwareVersion,
      @OmitEmpty @JsonProperty("productID") String productId,
      @OmitEmpty @JsonProperty("vendorID") String vendorId,
      @OmitEmpty String product,
      @OmitEmpty String vendor,
      boolean linkState,
      @OmitEmpty int speedMbit,
      Port port,
      Duplex duplex,
      @OmitEmpty VlanSpec vlan,
      @OmitEmpty BridgeMasterSpec bridgeMaster,
      @OmitEmpty BondMasterSpec bondMaster,
      @OmitEmpty VrfMasterSpec vrfMaster,
      @OmitEmpty WireguardSpec wireguard,
      @OmitEmpty VethSpec veth) {
    LinkStatusSpec {
      alias = str(alias);
      altNames = list(altNames);
      busPath = str(busPath);
      pciId = str(pciId);
      driver = str(driver);
      driverVersion = str(driverVersion);
      firmwareVersion = str(firmwareVersion);
      productId = str(productId);
      vendorId = str(vendorId);
      product = str(product);
      vendor = str(vendor);
      bridgeMaster = bridgeMaster == null ? new BridgeMasterSpec(new StpSpec(false)) : bridgeMaster;
      veth = veth == null ? new VethSpec("") : veth;
    }
  }

  /** The input of the §1.5 vector. */
  static LinkStatusSpec vectorSpec() {
    var bond = new BondMasterSpec("802.3ad", "encap3+4", "fast", "all", "any", 3, "better", "follow", "count", 33,
        100, 200, 10, 30, 1, 3, 4, 4, 5, 1, true, 6, 7, 40, List.of(), List.of(), "", 0, "");
    var peer = new WireguardPeer("peer=", "key=", "127.0.0.1:3333", "30s", List.of("192.83.93.94/31"));
    return new LinkStatusSpec("", List.of(), 3, LinkType.ETHER, 44, new LinkFlags(1 | 1 << 6),
        "01:23:45:67:89:ab", "01:23:45:67:89:ab", "ff:ff:ff:ff:ff:ff", 1500, "fifo", 4,
        OperationalState.LOWER_LAYER_DOWN, "bridge", "ether", "00:11:22", "0000:00:00.0", "bonding", "1.0.0", "3.1.5",
        "0x3ebf", "0x1d6b", "10Gbase-T", "Intel Corporation", true, 1024, Port.TWISTED_PAIR, Duplex.Full,
        new VlanSpec(25, VlanProtocol.AD), new BridgeMasterSpec(new StpSpec(false)), bond, new VrfMasterSpec("123"),
        new WireguardSpec("", "bar=", 51820, 11233, List.of(peer)), new VethSpec(""));
  }

  /** talos-network.md §1.5, byte for byte. */
  static final String VECTOR_YAML = """
      index: 3
      type: ether
      linkIndex: 44
      flags: UP,RUNNING
      hardwareAddr: 01:23:45:67:89:ab
      permanentAddr: 01:23:45:67:89:ab
      broadcastAddr: ff:ff:ff:ff:ff:ff
      mtu: 1500
      queueDisc: fifo
      masterIndex: 4
      operationalState: lowerLayerDown
      kind: bridge
      slaveKind: ether
      busPath: '00:11:22'
      pciID: '0000:00:00.0'
      driver: bonding
      driverVersion: 1.0.0
      firmwareVersion: 3.1.5
      productID: "0x3ebf"
      vendorID: "0x1d6b"
      product: 10Gbase-T
      vendor: Intel Corporation
      linkState: true
      speedMbit: 1024
      port: TwistedPair
      duplex: Full
      vlan:
          vlanID: 25
          vlanProtocol: 802.1ad
      bondMaster:
          mode: 802.3ad
          xmitHashPolicy: encap3+4
          lacpRate: fast
          arpValidate: all
          arpAllTargets: any
          primaryIndex: 3
          primaryReselect: better
          failOverMac: follow
          adSelect: count
          miimon: 33
          updelay: 100
          downdelay: 200
          arpInterval: 10
          resendIgmp: 30
          minLinks: 1
          lpInterval: 3
          packetsPerSlave: 4
          numPeerNotif: 4
          tlbLogicalLb: 5
          allSlavesActive: 1
          useCarrier: true
          adActorSysPrio: 6
          adUserPortKey: 7
          peerNotifyDelay: 40
      vrfMaster:
          table: "123"
      wireguard:
          publicKey: bar=
          listenPort: 51820
          firewallMark: 11233
          peers:
              - publicKey: peer=
                presharedKey: key=
                endpoint: 127.0.0.1:3333
                persistentKeepaliveInterval: 30s
                allowedIPs:
                  - 192.83.93.94/31
      """;
}
