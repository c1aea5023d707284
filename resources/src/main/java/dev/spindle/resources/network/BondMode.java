package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** The bonding policy of a bond master (IFLA_BOND_MODE). */
public enum BondMode implements TalosEnum {
  BALANCE_RR("balance-rr"),
  ACTIVE_BACKUP("active-backup"),
  BALANCE_XOR("balance-xor"),
  BROADCAST("broadcast"),
  IEEE_802_3AD("802.3ad"),
  BALANCE_TLB("balance-tlb"),
  BALANCE_ALB("balance-alb");

  private final String text;

  BondMode(String text) {
    this.text = text;
  }

  @JsonCreator
  public static BondMode parse(String text) {
    return TalosEnum.parse(BondMode.class, text);
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
