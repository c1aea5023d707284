package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/**
 * An address family as Talos's {@code nethelpers.Family}: the kernel's {@code AF_INET} (2) and {@code AF_INET6} (10),
 * printed {@code inet4} and {@code inet6}; a varint on the wire.
 */
public enum Family implements TalosEnum {
  INET4(2, "inet4"),
  INET6(10, "inet6");

  private final int number;
  private final String text;

  Family(int number, String text) {
    this.number = number;
    this.text = text;
  }

  /** The constant for a kernel {@code AF_*} number; throws for any family but the two. */
  public static Family of(int number) {
    return TalosEnum.of(Family.class, number);
  }

  @JsonCreator
  public static Family parse(String text) {
    return TalosEnum.parse(Family.class, text);
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
