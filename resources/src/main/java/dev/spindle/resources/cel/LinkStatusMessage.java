package dev.spindle.resources.cel;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.codec.ProtoSpecs;

/**
 * Talos's {@code talos.resource.definitions.network.LinkStatusSpec} protobuf message, the type of {@code link} in a
 * {@code LinkAliasConfig} selector: CEL sees a link through its protobuf field names ({@code link.permanent_addr},
 * {@code link.pciid}, {@code link.type}) and types ({@code mtu} is a {@code uint}, the addresses are {@code bytes},
 * enums are {@code int}s), so an expression written for Talos type-checks and evaluates the same here.
 *
 * <p>The descriptor is declared here, field for field from Talos's {@code network.proto} (Spindle has no protoc in the
 * build of this module); enum fields are declared {@code int32}, which is what CEL makes of an enum and what the wire
 * carries. A link becomes a message the way Talos makes one ({@code proto.ResourceSpecToProto}): its protobuf
 * encoding ({@link ProtoSpecs}, the bytes the COSI API sends) parsed with this descriptor.
 */
public final class LinkStatusMessage {
  /** The full name of the message, as CEL names the type in its errors. */
  public static final String TYPE_NAME = "talos.resource.definitions.network.LinkStatusSpec";

  private static final Descriptor DESCRIPTOR = build();

  private LinkStatusMessage() {}

  public static Descriptor descriptor() {
    return DESCRIPTOR;
  }

  /** {@code link} as a CEL selector sees it. */
  public static DynamicMessage of(LinkStatus link) {
    try {
      return DynamicMessage.parseFrom(DESCRIPTOR, ProtoSpecs.encode(link));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a LinkStatus does not parse as Talos's LinkStatusSpec", e);
    }
  }

  private static Descriptor build() {
    var common = FileDescriptorProto.newBuilder().setName("common/common.proto").setPackage("common").setSyntax("proto3")
        .addMessageType(message("NetIP", bytes("ip", 1)))
        .addMessageType(message("NetIPPrefix", bytes("ip", 1), scalar("prefix_length", 2, Type.TYPE_INT32)))
        .build();
    var network = FileDescriptorProto.newBuilder()
        .setName("resource/definitions/network/network.proto")
        .setPackage("talos.resource.definitions.network")
        .setSyntax("proto3")
        .addDependency(common.getName())
        .addDependency(DurationProto.getDescriptor().getName())
        .addMessageType(message("LinkStatusSpec",
            uint32("index", 1), enumField("type", 2), uint32("link_index", 3), uint32("flags", 4),
            bytes("hardware_addr", 5), bytes("broadcast_addr", 6), uint32("mtu", 7), string("queue_disc", 8),
            uint32("master_index", 9), enumField("operational_state", 10), string("kind", 11),
            string("slave_kind", 12), string("bus_path", 13), string("pciid", 14), string("driver", 15),
            string("driver_version", 16), string("firmware_version", 17), string("product_id", 18),
            string("vendor_id", 19), string("product", 20), string("vendor", 21),
            scalar("link_state", 22, Type.TYPE_BOOL), scalar("speed_megabits", 23, Type.TYPE_INT64),
            enumField("port", 24), enumField("duplex", 25), nested("vlan", 26, "VLANSpec"),
            nested("bridge_master", 27, "BridgeMasterSpec"), nested("bond_master", 28, "BondMasterSpec"),
            nested("wireguard", 29, "WireguardSpec"), bytes("permanent_addr", 30), string("alias", 31),
            repeated(string("alt_names", 32)), nested("vrf_master", 33, "VRFMasterSpec"),
            nested("veth", 34, "VethSpec")))
        .addMessageType(message("VLANSpec", uint32("vid", 1), enumField("protocol", 2)))
        .addMessageType(message("BridgeMasterSpec", nested("stp", 1, "STPSpec"), nested("vlan", 2, "BridgeVLANSpec")))
        .addMessageType(message("STPSpec", scalar("enabled", 1, Type.TYPE_BOOL)))
        .addMessageType(message("BridgeVLANSpec", scalar("filtering_enabled", 1, Type.TYPE_BOOL)))
        .addMessageType(message("BondMasterSpec",
            enumField("mode", 1), enumField("hash_policy", 2), enumField("lacp_rate", 3),
            enumField("arp_validate", 4), enumField("arp_all_targets", 5), uint32("primary_index", 6),
            enumField("primary_reselect", 7), enumField("fail_over_mac", 8), enumField("ad_select", 9),
            uint32("mii_mon", 10), uint32("up_delay", 11), uint32("down_delay", 12), uint32("arp_interval", 13),
            uint32("resend_igmp", 14), uint32("min_links", 15), uint32("lp_interval", 16),
            uint32("packets_per_slave", 17), uint32("num_peer_notif", 18), uint32("tlb_dynamic_lb", 19),
            uint32("all_slaves_active", 20), scalar("use_carrier", 21, Type.TYPE_BOOL),
            uint32("ad_actor_sys_prio", 22), uint32("ad_user_port_key", 23), uint32("peer_notify_delay", 24),
            repeated(nested("arpip_targets", 25, ".common.NetIP")),
            repeated(nested("nsip6_targets", 26, ".common.NetIP")), enumField("adlacp_active", 27),
            uint32("missed_max", 28), string("primary", 29)))
        .addMessageType(message("WireguardSpec", string("private_key", 1), string("public_key", 2),
            scalar("listen_port", 3, Type.TYPE_INT64), scalar("firewall_mark", 4, Type.TYPE_INT64),
            repeated(nested("peers", 5, "WireguardPeer"))))
        .addMessageType(message("WireguardPeer", string("public_key", 1), string("preshared_key", 2),
            string("endpoint", 3), nested("persistent_keepalive_interval", 4, ".google.protobuf.Duration"),
            repeated(nested("allowed_ips", 5, ".common.NetIPPrefix"))))
        .addMessageType(message("VRFMasterSpec", enumField("table", 1)))
        .addMessageType(message("VethSpec", string("peer_name", 1)))
        .build();
    try {
      FileDescriptor commonFile = FileDescriptor.buildFrom(common, new FileDescriptor[0]);
      FileDescriptor file = FileDescriptor.buildFrom(network,
          new FileDescriptor[] {commonFile, DurationProto.getDescriptor()});
      return file.findMessageTypeByName("LinkStatusSpec");
    } catch (DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
    var b = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto f : fields) {
      b.addField(f);
    }
    return b.build();
  }

  private static FieldDescriptorProto scalar(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
        .setLabel(Label.LABEL_OPTIONAL).build();
  }

  private static FieldDescriptorProto uint32(String name, int number) {
    return scalar(name, number, Type.TYPE_UINT32);
  }

  private static FieldDescriptorProto string(String name, int number) {
    return scalar(name, number, Type.TYPE_STRING);
  }

  private static FieldDescriptorProto bytes(String name, int number) {
    return scalar(name, number, Type.TYPE_BYTES);
  }

  /** A Talos enum field: an {@code int} to CEL, a varint on the wire. */
  private static FieldDescriptorProto enumField(String name, int number) {
    return scalar(name, number, Type.TYPE_INT32);
  }

  private static FieldDescriptorProto nested(String name, int number, String typeName) {
    return scalar(name, number, Type.TYPE_MESSAGE).toBuilder().setTypeName(typeName).build();
  }

  private static FieldDescriptorProto repeated(FieldDescriptorProto field) {
    return field.toBuilder().setLabel(Label.LABEL_REPEATED).build();
  }
}
