package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** A network operator Talos runs on a link (Talos's {@code network.Operator}): a DHCP client or the VIP election. */
public enum Operator implements TalosEnum {
  DHCP4("dhcp4"),
  DHCP6("dhcp6"),
  VIP("vip");

  private final String text;

  Operator(String text) {
    this.text = text;
  }

  @JsonCreator
  public static Operator parse(String text) {
    return TalosEnum.parse(Operator.class, text);
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
