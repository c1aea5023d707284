package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** The 802.3ad aggregator selection logic of a bond (IFLA_BOND_AD_SELECT). */
public enum AdSelect implements TalosEnum {
  STABLE("stable"),
  BANDWIDTH("bandwidth"),
  COUNT("count");

  private final String text;

  AdSelect(String text) {
    this.text = text;
  }

  @JsonCreator
  public static AdSelect parse(String text) {
    return TalosEnum.parse(AdSelect.class, text);
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
