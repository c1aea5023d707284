package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** Whether any or all ARP targets must answer for a bond slave to count as up (IFLA_BOND_ARP_ALL_TARGETS). */
public enum ArpAllTargets implements TalosEnum {
  ANY("any"),
  ALL("all");

  private final String text;

  ArpAllTargets(String text) {
    this.text = text;
  }

  @JsonCreator
  public static ArpAllTargets parse(String text) {
    return TalosEnum.parse(ArpAllTargets.class, text);
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
