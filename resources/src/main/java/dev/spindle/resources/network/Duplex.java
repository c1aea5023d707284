package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** The duplex mode of a link, from ethtool ({@code DUPLEX_*}). */
public enum Duplex implements TalosEnum {
  HALF(0, "Half"),
  FULL(1, "Full"),
  UNKNOWN(255, "Unknown");

  private final int number;
  private final String text;

  Duplex(int number, String text) {
    this.number = number;
    this.text = text;
  }

  /** The constant for a kernel value; throws for a value Talos does not name either. */
  public static Duplex of(int number) {
    return TalosEnum.of(Duplex.class, number);
  }

  @JsonCreator
  public static Duplex parse(String text) {
    return TalosEnum.parse(Duplex.class, text);
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
