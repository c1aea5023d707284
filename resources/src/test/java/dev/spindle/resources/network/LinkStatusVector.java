package dev.spindle.resources.network;

import java.time.Duration;
import java.util.List;

/** The full LinkStatus of talos-network.md §1.5 (Talos R/link_status_test.go) and its go-yaml output. */
final class LinkStatusVector {
  private LinkStatusVector() {}

  static LinkStatus spec() {
    var mac = HardwareAddr.parse("01:23:45:67:89:ab");
    var bond = new BondMasterSpec(BondMode.IEEE_802_3AD, BondXmitHashPolicy.ENCAP3_4, LacpRate.FAST,
        ArpValidate.ALL, ArpAllTargets.ANY, 3, PrimaryReselect.BETTER, FailOverMac.FOLLOW, AdSelect.COUNT, 33, 100,
        200, 10, 30, 1, 3, 4, 4, 5, 1, true, 6, 7, 40, List.of(), List.of(), null, 0, "");
    var peer = new WireguardPeer("peer=", "key=", "127.0.0.1:3333", Duration.ofSeconds(30),
        List.of(IpPrefix.parse("192.83.93.94/31")));
    return LinkStatus.builder()
        .index(3).type(LinkType.ETHER).linkIndex(44).flags(LinkFlags.of(LinkFlag.UP, LinkFlag.RUNNING))
        .hardwareAddr(mac).permanentAddr(mac).broadcastAddr(HardwareAddr.parse("ff:ff:ff:ff:ff:ff"))
        .mtu(1500).queueDisc("fifo").masterIndex(4).operationalState(OperationalState.LOWER_LAYER_DOWN)
        .kind("bridge").slaveKind("ether").busPath("00:11:22").pciId("0000:00:00.0").driver("bonding")
        .driverVersion("1.0.0").firmwareVersion("3.1.5").productId("0x3ebf").vendorId("0x1d6b")
        .product("10Gbase-T").vendor("Intel Corporation").linkState(true).speedMbit(1024)
        .port(Port.TWISTED_PAIR).duplex(Duplex.FULL)
        .vlan(new VlanSpec(25, VlanProtocol.IEEE_802_1AD))
        .bondMaster(bond)
        .vrfMaster(new VrfMasterSpec(RoutingTable.of(123)))
        .wireguard(new WireguardSpec("", "bar=", 51820, 11233, List.of(peer)))
        .build();
  }

  static final String YAML = """
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
