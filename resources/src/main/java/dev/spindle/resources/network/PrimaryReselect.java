package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** When a bond's primary slave becomes active again (IFLA_BOND_PRIMARY_RESELECT). */
public enum PrimaryReselect implements TalosEnum {
  ALWAYS("always"),
  BETTER("better"),
  FAILURE("failure");

  private final String text;

  PrimaryReselect(String text) {
    this.text = text;
  }

  @JsonCreator
  public static PrimaryReselect parse(String text) {
    return TalosEnum.parse(PrimaryReselect.class, text);
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
