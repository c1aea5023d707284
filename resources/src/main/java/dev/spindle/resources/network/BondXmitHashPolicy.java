package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** The transmit hash policy of a bond (IFLA_BOND_XMIT_HASH_POLICY). */
public enum BondXmitHashPolicy implements TalosEnum {
  LAYER2("layer2"),
  LAYER3_4("layer3+4"),
  LAYER2_3("layer2+3"),
  ENCAP2_3("encap2+3"),
  ENCAP3_4("encap3+4");

  private final String text;

  BondXmitHashPolicy(String text) {
    this.text = text;
  }

  @JsonCreator
  public static BondXmitHashPolicy parse(String text) {
    return TalosEnum.parse(BondXmitHashPolicy.class, text);
  }

  @Override
  public int protoNumber() {
    return ordinal();
  }

  @Override
  public String text() {
    return text;
  }
}
