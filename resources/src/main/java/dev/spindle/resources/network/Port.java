package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/**
 * The physical connector of a link, from ethtool ({@code PORT_*}). Talos prints Fibre as {@code ""}: a
 * {@code nolint} comment on that constant became its enumer line comment. Spindle keeps the quirk so that output and
 * parsing match talosctl.
 */
public enum Port implements TalosEnum {
  TWISTED_PAIR(0, "TwistedPair"),
  AUI(1, "AUI"),
  MII(2, "MII"),
  FIBRE(3, ""),
  BNC(4, "BNC"),
  DIRECT_ATTACH(5, "DirectAttach"),
  NONE(239, "None"),
  OTHER(255, "Other");

  private final int number;
  private final String text;

  Port(int number, String text) {
    this.number = number;
    this.text = text;
  }

  /** The constant for a kernel value; throws for a value Talos does not name either. */
  public static Port of(int number) {
    return TalosEnum.of(Port.class, number);
  }

  @JsonCreator
  public static Port parse(String text) {
    return TalosEnum.parse(Port.class, text);
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
