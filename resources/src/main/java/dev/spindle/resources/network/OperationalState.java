package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/**
 * The RFC 2863 operational state of a link (IFLA_OPERSTATE, the kernel's {@code IF_OPER_*}), as Talos's
 * {@code nethelpers.OperationalState} prints it.
 */
public enum OperationalState implements TalosEnum {
  UNKNOWN("unknown"),
  NOT_PRESENT("notPresent"),
  DOWN("down"),
  LOWER_LAYER_DOWN("lowerLayerDown"),
  TESTING("testing"),
  DORMANT("dormant"),
  UP("up");

  private final String text;

  OperationalState(String text) {
    this.text = text;
  }

  /** The constant for a kernel value; throws for a value Talos does not name either. */
  public static OperationalState of(int number) {
    return TalosEnum.of(OperationalState.class, number);
  }

  @JsonCreator
  public static OperationalState parse(String text) {
    return TalosEnum.parse(OperationalState.class, text);
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
