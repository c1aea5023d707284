package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** Whether and how a bond validates ARP probes (IFLA_BOND_ARP_VALIDATE). */
public enum ArpValidate implements TalosEnum {
  NONE("none"),
  ACTIVE("active"),
  BACKUP("backup"),
  ALL("all"),
  FILTER("filter"),
  FILTER_ACTIVE("filter-active"),
  FILTER_BACKUP("filter-backup");

  private final String text;

  ArpValidate(String text) {
    this.text = text;
  }

  @JsonCreator
  public static ArpValidate parse(String text) {
    return TalosEnum.parse(ArpValidate.class, text);
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
