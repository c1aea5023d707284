package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.runtime.codec.GoZero;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;

/**
 * The link a configuration layer wants ({@code network-config}, id {@code <layer>/<name>}, e.g.
 * {@code configuration/eth0.24}, {@code default/lo}) or the merged result ({@code network}, id = the link name), as
 * Talos's {@code LinkSpecSpec}. Field order, YAML names, {@code omitempty} and protobuf numbers follow Talos: the bond
 * membership ({@link BondSlave}) is inlined in YAML ({@code masterName}, {@code slaveIndex}) and is message 8 in
 * protobuf. Sensitive, because a WireGuard link carries its private key; no print columns, as in Talos.
 *
 * <p>The kind-specific parts are {@code null} when absent (an all-zero part is normalised to {@code null}, since Go
 * cannot tell the two apart and YAML omits both). {@code multicast} is a Go {@code *bool}: {@code null} leaves the
 * kernel's flag alone. Talos's {@code macvlan} part (field 20) is not modelled yet.
 */
public record LinkSpec(
    @ProtoField(1) String name,
    @ProtoField(2) boolean logical,
    @ProtoField(3) boolean up,
    @ProtoField(4) int mtu,
    @ProtoField(5) String kind,
    @ProtoField(6) LinkType type,
    @ProtoField(15) @OmitEmpty HardwareAddr hardwareAddr,
    @ProtoField(7) @OmitEmpty String parentName,
    @ProtoField(8) @JsonUnwrapped BondSlave bondSlave,
    @ProtoField(9) @OmitEmpty BridgeSlave bridgeSlave,
    @ProtoField(18) @OmitEmpty VrfSlave vrfSlave,
    @ProtoField(10) @OmitEmpty VlanSpec vlan,
    @ProtoField(11) @OmitEmpty BondMasterSpec bondMaster,
    @ProtoField(12) @OmitEmpty BridgeMasterSpec bridgeMaster,
    @ProtoField(17) @OmitEmpty VrfMasterSpec vrfMaster,
    @ProtoField(13) @OmitEmpty WireguardSpec wireguard,
    @ProtoField(19) @OmitEmpty VethSpec veth,
    @ProtoField(14) ConfigLayer layer,
    @ProtoField(16) @JsonInclude(JsonInclude.Include.NON_NULL) Boolean multicast)
    implements NetworkSpec, Layered {

  public static final ResourceDefinition<LinkSpec> DEFINITION =
      ResourceDefinition.of(LinkSpec.class, "LinkSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .sensitive()
          .build();

  public LinkSpec {
    name = name == null ? "" : name;
    kind = kind == null ? "" : kind;
    type = type == null ? LinkType.NETROM : type;
    hardwareAddr = hardwareAddr == null ? HardwareAddr.EMPTY : hardwareAddr;
    parentName = parentName == null ? "" : parentName;
    bondSlave = absentIfZero(bondSlave);
    bridgeSlave = absentIfZero(bridgeSlave);
    vrfSlave = absentIfZero(vrfSlave);
    vlan = absentIfZero(vlan);
    bondMaster = absentIfZero(bondMaster);
    bridgeMaster = absentIfZero(bridgeMaster);
    vrfMaster = absentIfZero(vrfMaster);
    wireguard = wireguard == null || isZero(wireguard) ? null : wireguard;
    veth = absentIfZero(veth);
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
  }

  public static Builder builder(String name, ConfigLayer layer) {
    return new Builder().name(name).layer(layer);
  }

  public Builder toBuilder() {
    return new Builder().name(name).logical(logical).up(up).mtu(mtu).kind(kind).type(type)
        .hardwareAddr(hardwareAddr).parentName(parentName).bondSlave(bondSlave).bridgeSlave(bridgeSlave)
        .vrfSlave(vrfSlave).vlan(vlan).bondMaster(bondMaster).bridgeMaster(bridgeMaster).vrfMaster(vrfMaster)
        .wireguard(wireguard).veth(veth).layer(layer).multicast(multicast);
  }

  /** The final id: the link name. */
  public String id() {
    return name;
  }

  /** The id in the config namespace: {@code <layer>/<name>}. */
  public String layeredId() {
    return layer.id(name);
  }

  /** The bond this link is a member of, {@code ""} when none. */
  public String bondMasterName() {
    return bondSlave == null ? "" : bondSlave.masterName();
  }

  /**
   * Talos's {@code LinkSpecSpec.Merge}: {@code other} (a higher layer) laid over this one. Scalars and parts are
   * taken from {@code other} only when set; {@code bondMaster} and the hardware address are replaced when set;
   * WireGuard settings merge field by field ({@link #mergeWireguard}); the layer becomes {@code other}'s.
   * {@code multicast} is deliberately not merged, as in Talos: the lowest layer that sets it decides.
   */
  public LinkSpec merge(LinkSpec other) {
    var b = toBuilder();
    if (other.logical) {
      b.logical(true);
    }
    if (other.up) {
      b.up(true);
    }
    if (other.mtu != 0) {
      b.mtu(other.mtu);
    }
    if (!other.kind.isEmpty()) {
      b.kind(other.kind);
    }
    if (other.type.number() != 0) {
      b.type(other.type);
    }
    if (!other.parentName.isEmpty()) {
      b.parentName(other.parentName);
    }
    b.bondSlave(other.bondSlave != null ? other.bondSlave : bondSlave);
    b.vlan(other.vlan != null ? other.vlan : vlan);
    b.bridgeMaster(other.bridgeMaster != null ? other.bridgeMaster : bridgeMaster);
    b.bridgeSlave(other.bridgeSlave != null ? other.bridgeSlave : bridgeSlave);
    b.vrfMaster(other.vrfMaster != null ? other.vrfMaster : vrfMaster);
    b.vrfSlave(other.vrfSlave != null ? other.vrfSlave : vrfSlave);
    b.veth(other.veth != null ? other.veth : veth);
    b.bondMaster(other.bondMaster != null ? other.bondMaster : bondMaster);
    if (!other.hardwareAddr.isEmpty()) {
      b.hardwareAddr(other.hardwareAddr);
    }
    b.wireguard(mergeWireguard(wireguard, other.wireguard));
    b.layer(other.layer);
    return b.build();
  }

  /**
   * Talos's WireGuard layering: a zero side yields the other; otherwise port, mark and private key are overwritten
   * when set, and a peer is appended only if no peer with its public key exists (the lower layer's peer wins).
   */
  static WireguardSpec mergeWireguard(WireguardSpec base, WireguardSpec over) {
    if (over == null || isZero(over)) {
      return base;
    }
    if (base == null || isZero(base)) {
      return over;
    }
    var peers = new java.util.ArrayList<>(base.peers());
    for (WireguardPeer peer : over.peers()) {
      if (peers.stream().noneMatch(p -> p.publicKey().equals(peer.publicKey()))) {
        peers.add(peer);
      }
    }
    return new WireguardSpec(over.privateKey().isEmpty() ? base.privateKey() : over.privateKey(), base.publicKey(),
        over.listenPort() != 0 ? over.listenPort() : base.listenPort(),
        over.firewallMark() != 0 ? over.firewallMark() : base.firewallMark(), peers);
  }

  /** Talos's {@code WireguardSpec.IsZero}: the public key (status only) does not count. */
  static boolean isZero(WireguardSpec spec) {
    return spec.privateKey().isEmpty() && spec.listenPort() == 0 && spec.firewallMark() == 0
        && spec.peers().isEmpty();
  }

  private static <T> T absentIfZero(T part) {
    return GoZero.isZero(part) ? null : part;
  }

  /** Builds a {@link LinkSpec}; unset fields take Go's zero values. */
  public static final class Builder {
    private String name;
    private boolean logical;
    private boolean up;
    private int mtu;
    private String kind;
    private LinkType type;
    private HardwareAddr hardwareAddr;
    private String parentName;
    private BondSlave bondSlave;
    private BridgeSlave bridgeSlave;
    private VrfSlave vrfSlave;
    private VlanSpec vlan;
    private BondMasterSpec bondMaster;
    private BridgeMasterSpec bridgeMaster;
    private VrfMasterSpec vrfMaster;
    private WireguardSpec wireguard;
    private VethSpec veth;
    private ConfigLayer layer;
    private Boolean multicast;

    private Builder() {}

    public Builder name(String v) { name = v; return this; }
    public Builder logical(boolean v) { logical = v; return this; }
    public Builder up(boolean v) { up = v; return this; }
    public Builder mtu(int v) { mtu = v; return this; }
    public Builder kind(String v) { kind = v; return this; }
    public Builder type(LinkType v) { type = v; return this; }
    public Builder hardwareAddr(HardwareAddr v) { hardwareAddr = v; return this; }
    public Builder parentName(String v) { parentName = v; return this; }
    public Builder bondSlave(BondSlave v) { bondSlave = v; return this; }
    public Builder bridgeSlave(BridgeSlave v) { bridgeSlave = v; return this; }
    public Builder vrfSlave(VrfSlave v) { vrfSlave = v; return this; }
    public Builder vlan(VlanSpec v) { vlan = v; return this; }
    public Builder bondMaster(BondMasterSpec v) { bondMaster = v; return this; }
    public Builder bridgeMaster(BridgeMasterSpec v) { bridgeMaster = v; return this; }
    public Builder vrfMaster(VrfMasterSpec v) { vrfMaster = v; return this; }
    public Builder wireguard(WireguardSpec v) { wireguard = v; return this; }
    public Builder veth(VethSpec v) { veth = v; return this; }
    public Builder layer(ConfigLayer v) { layer = v; return this; }
    public Builder multicast(Boolean v) { multicast = v; return this; }

    public LinkSpec build() {
      return new LinkSpec(name, logical, up, mtu, kind, type, hardwareAddr, parentName, bondSlave, bridgeSlave,
          vrfSlave, vlan, bondMaster, bridgeMaster, vrfMaster, wireguard, veth, layer, multicast);
    }
  }
}
