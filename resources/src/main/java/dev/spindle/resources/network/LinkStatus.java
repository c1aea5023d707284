package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.spindle.runtime.codec.GoZero;
import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel reports about one link, as Talos's {@code LinkStatusSpec}: the id of the resource is the link
 * name, the fields come from rtnetlink, ethtool and sysfs. Field order, YAML names, {@code omitempty} and protobuf
 * numbers follow Talos, so {@code talosctl get links -o yaml} and Spindle print the same bytes.
 *
 * <p>The kind-specific parts ({@code vlan}, {@code bridgeMaster}, {@code bondMaster}, {@code vrfMaster},
 * {@code wireguard}, {@code veth}) are {@code null} when absent; an all-zero part is normalised to {@code null},
 * because Go cannot tell the two apart and YAML omits both. Missing scalars read as Go's zero values.
 */
public record LinkStatus(
    @ProtoField(31) @OmitEmpty String alias,
    @ProtoField(32) @OmitEmpty List<String> altNames,
    @ProtoField(1) int index,
    @ProtoField(2) LinkType type,
    @ProtoField(3) int linkIndex,
    @ProtoField(4) LinkFlags flags,
    @ProtoField(5) HardwareAddr hardwareAddr,
    @ProtoField(30) HardwareAddr permanentAddr,
    @ProtoField(6) HardwareAddr broadcastAddr,
    @ProtoField(7) int mtu,
    @ProtoField(8) String queueDisc,
    @ProtoField(9) @OmitEmpty int masterIndex,
    @ProtoField(10) OperationalState operationalState,
    @ProtoField(11) String kind,
    @ProtoField(12) String slaveKind,
    @ProtoField(13) @OmitEmpty String busPath,
    @ProtoField(14) @OmitEmpty @JsonProperty("pciID") String pciId,
    @ProtoField(15) @OmitEmpty String driver,
    @ProtoField(16) @OmitEmpty String driverVersion,
    @ProtoField(17) @OmitEmpty String firmwareVersion,
    @ProtoField(18) @OmitEmpty @JsonProperty("productID") String productId,
    @ProtoField(19) @OmitEmpty @JsonProperty("vendorID") String vendorId,
    @ProtoField(20) @OmitEmpty String product,
    @ProtoField(21) @OmitEmpty String vendor,
    @ProtoField(22) boolean linkState,
    @ProtoField(23) @OmitEmpty int speedMbit,
    @ProtoField(24) Port port,
    @ProtoField(25) Duplex duplex,
    @ProtoField(26) @OmitEmpty VlanSpec vlan,
    @ProtoField(27) @OmitEmpty BridgeMasterSpec bridgeMaster,
    @ProtoField(28) @OmitEmpty BondMasterSpec bondMaster,
    @ProtoField(33) @OmitEmpty VrfMasterSpec vrfMaster,
    @ProtoField(29) @OmitEmpty WireguardSpec wireguard,
    @ProtoField(34) @OmitEmpty VethSpec veth) implements NetworkSpec {

  public static final ResourceDefinition<LinkStatus> DEFINITION =
      ResourceDefinition.of(LinkStatus.class, "LinkStatuses.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .alias("link", "links")
          .column("Alias", "alias")
          .column("Type", "type")
          .column("Kind", "kind")
          .column("Hw Addr", "hardwareAddr")
          .column("Oper State", "operationalState")
          .column("Link State", "linkState")
          .build();

  public LinkStatus {
    alias = text(alias);
    altNames = altNames == null ? List.of() : List.copyOf(altNames);
    type = type == null ? LinkType.NETROM : type;
    flags = flags == null ? LinkFlags.NONE : flags;
    hardwareAddr = hardwareAddr == null ? HardwareAddr.EMPTY : hardwareAddr;
    permanentAddr = permanentAddr == null ? HardwareAddr.EMPTY : permanentAddr;
    broadcastAddr = broadcastAddr == null ? HardwareAddr.EMPTY : broadcastAddr;
    queueDisc = text(queueDisc);
    operationalState = operationalState == null ? OperationalState.UNKNOWN : operationalState;
    kind = text(kind);
    slaveKind = text(slaveKind);
    busPath = text(busPath);
    pciId = text(pciId);
    driver = text(driver);
    driverVersion = text(driverVersion);
    firmwareVersion = text(firmwareVersion);
    productId = text(productId);
    vendorId = text(vendorId);
    product = text(product);
    vendor = text(vendor);
    port = port == null ? Port.TWISTED_PAIR : port;
    duplex = duplex == null ? Duplex.HALF : duplex;
    vlan = absentIfZero(vlan);
    bridgeMaster = absentIfZero(bridgeMaster);
    bondMaster = absentIfZero(bondMaster);
    vrfMaster = absentIfZero(vrfMaster);
    wireguard = absentIfZero(wireguard);
    veth = absentIfZero(veth);
  }

  /** This status with the WireGuard section a device read gave (the link status controller adds it last). */
  public LinkStatus withWireguard(WireguardSpec w) {
    return new LinkStatus(alias, altNames, index, type, linkIndex, flags, hardwareAddr, permanentAddr, broadcastAddr,
        mtu, queueDisc, masterIndex, operationalState, kind, slaveKind, busPath, pciId, driver, driverVersion,
        firmwareVersion, productId, vendorId, product, vendor, linkState, speedMbit, port, duplex, vlan, bridgeMaster,
        bondMaster, vrfMaster, w, veth);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A physical Ethernet NIC: type {@code ether} and no kind (virtual links always have one). */
  public boolean physical() {
    return LinkType.ETHER.equals(type) && kind.isEmpty();
  }

  /** The other names the link answers to: the alias (if set), then the alternative names. */
  public List<String> allAliases() {
    var names = new ArrayList<String>(altNames.size() + 1);
    if (!alias.isEmpty()) {
      names.add(alias);
    }
    names.addAll(altNames);
    return List.copyOf(names);
  }

  /** Every name of the link whose resource id is {@code id}: the id first, then {@link #allAliases()}. */
  public List<String> allNames(String id) {
    var names = new ArrayList<String>();
    names.add(id);
    names.addAll(allAliases());
    return List.copyOf(names);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static <T> T absentIfZero(T part) {
    return GoZero.isZero(part) ? null : part;
  }

  /** Builds a {@link LinkStatus}; unset fields take Go's zero values. */
  public static final class Builder {
    private String alias;
    private List<String> altNames;
    private int index;
    private LinkType type;
    private int linkIndex;
    private LinkFlags flags;
    private HardwareAddr hardwareAddr;
    private HardwareAddr permanentAddr;
    private HardwareAddr broadcastAddr;
    private int mtu;
    private String queueDisc;
    private int masterIndex;
    private OperationalState operationalState;
    private String kind;
    private String slaveKind;
    private String busPath;
    private String pciId;
    private String driver;
    private String driverVersion;
    private String firmwareVersion;
    private String productId;
    private String vendorId;
    private String product;
    private String vendor;
    private boolean linkState;
    private int speedMbit;
    private Port port;
    private Duplex duplex;
    private VlanSpec vlan;
    private BridgeMasterSpec bridgeMaster;
    private BondMasterSpec bondMaster;
    private VrfMasterSpec vrfMaster;
    private WireguardSpec wireguard;
    private VethSpec veth;

    private Builder() {}

    public Builder alias(String v) { alias = v; return this; }
    public Builder altNames(List<String> v) { altNames = v; return this; }
    public Builder index(int v) { index = v; return this; }
    public Builder type(LinkType v) { type = v; return this; }
    public Builder linkIndex(int v) { linkIndex = v; return this; }
    public Builder flags(LinkFlags v) { flags = v; return this; }
    public Builder hardwareAddr(HardwareAddr v) { hardwareAddr = v; return this; }
    public Builder permanentAddr(HardwareAddr v) { permanentAddr = v; return this; }
    public Builder broadcastAddr(HardwareAddr v) { broadcastAddr = v; return this; }
    public Builder mtu(int v) { mtu = v; return this; }
    public Builder queueDisc(String v) { queueDisc = v; return this; }
    public Builder masterIndex(int v) { masterIndex = v; return this; }
    public Builder operationalState(OperationalState v) { operationalState = v; return this; }
    public Builder kind(String v) { kind = v; return this; }
    public Builder slaveKind(String v) { slaveKind = v; return this; }
    public Builder busPath(String v) { busPath = v; return this; }
    public Builder pciId(String v) { pciId = v; return this; }
    public Builder driver(String v) { driver = v; return this; }
    public Builder driverVersion(String v) { driverVersion = v; return this; }
    public Builder firmwareVersion(String v) { firmwareVersion = v; return this; }
    public Builder productId(String v) { productId = v; return this; }
    public Builder vendorId(String v) { vendorId = v; return this; }
    public Builder product(String v) { product = v; return this; }
    public Builder vendor(String v) { vendor = v; return this; }
    public Builder linkState(boolean v) { linkState = v; return this; }
    public Builder speedMbit(int v) { speedMbit = v; return this; }
    public Builder port(Port v) { port = v; return this; }
    public Builder duplex(Duplex v) { duplex = v; return this; }
    public Builder vlan(VlanSpec v) { vlan = v; return this; }
    public Builder bridgeMaster(BridgeMasterSpec v) { bridgeMaster = v; return this; }
    public Builder bondMaster(BondMasterSpec v) { bondMaster = v; return this; }
    public Builder vrfMaster(VrfMasterSpec v) { vrfMaster = v; return this; }
    public Builder wireguard(WireguardSpec v) { wireguard = v; return this; }
    public Builder veth(VethSpec v) { veth = v; return this; }

    public LinkStatus build() {
      return new LinkStatus(alias, altNames, index, type, linkIndex, flags, hardwareAddr, permanentAddr,
          broadcastAddr, mtu, queueDisc, masterIndex, operationalState, kind, slaveKind, busPath, pciId, driver,
          driverVersion, firmwareVersion, productId, vendorId, product, vendor, linkState, speedMbit, port, duplex,
          vlan, bridgeMaster, bondMaster, vrfMaster, wireguard, veth);
    }
  }
}
