package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** How often an 802.3ad bond sends LACPDUs (IFLA_BOND_AD_LACP_RATE). */
public enum LacpRate implements TalosEnum {
  SLOW("slow"),
  FAST("fast");

  private final String text;

  LacpRate(String text) {
    this.text = text;
  }

  @JsonCreator
  public static LacpRate parse(String text) {
    return TalosEnum.parse(LacpRate.class, text);
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
