package dev.spindle.resources;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where a layered spec came from, as Talos's {@code network.ConfigLayer}: the number is the priority, so when several
 * layers describe the same object the merge prefers the higher one (the machine configuration beats an operator such
 * as DHCP, which beats the platform, the kernel command line and the built-in defaults).
 */
public enum ConfigLayer implements TalosEnum {
  DEFAULT("default"),
  CMDLINE("cmdline"),
  PLATFORM("platform"),
  OPERATOR("operator"),
  CONFIGURATION("configuration");

  private final String text;

  ConfigLayer(String text) {
    this.text = text;
  }

  @JsonCreator
  public static ConfigLayer parse(String text) {
    return TalosEnum.parse(ConfigLayer.class, text);
  }

  /** Talos's {@code LayeredID}: the id of this layer's copy of an object in a config namespace. */
  public String id(String objectId) {
    return text + "/" + objectId;
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
