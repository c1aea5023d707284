package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** Whether an 802.3ad bond sends LACPDUs on its own (IFLA_BOND_AD_LACP_ACTIVE). */
public enum AdLacpActive implements TalosEnum {
  OFF("off"),
  ON("on");

  private final String text;

  AdLacpActive(String text) {
    this.text = text;
  }

  @JsonCreator
  public static AdLacpActive parse(String text) {
    return TalosEnum.parse(AdLacpActive.class, text);
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
