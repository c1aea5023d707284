package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** The VLAN tag protocol (IFLA_VLAN_PROTOCOL): the ethertype, in host order. */
public enum VlanProtocol implements TalosEnum {
  IEEE_802_1Q(0x8100, "802.1q"),
  IEEE_802_1AD(0x88a8, "802.1ad");

  private final int number;
  private final String text;

  VlanProtocol(int number, String text) {
    this.number = number;
    this.text = text;
  }

  /** The constant for a kernel value; throws for a value Talos does not name either. */
  public static VlanProtocol of(int number) {
    return TalosEnum.of(VlanProtocol.class, number);
  }

  @JsonCreator
  public static VlanProtocol parse(String text) {
    return TalosEnum.parse(VlanProtocol.class, text);
  }

  @Override
  public int protoNumber() {
    return number;
  }

  @Override
  public String text() {
    return text;
  }
}
