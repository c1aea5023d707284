package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** How an active-backup bond handles slave MAC addresses on failover (IFLA_BOND_FAIL_OVER_MAC). */
public enum FailOverMac implements TalosEnum {
  NONE("none"),
  ACTIVE("active"),
  FOLLOW("follow");

  private final String text;

  FailOverMac(String text) {
    this.text = text;
  }

  @JsonCreator
  public static FailOverMac parse(String text) {
    return TalosEnum.parse(FailOverMac.class, text);
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
