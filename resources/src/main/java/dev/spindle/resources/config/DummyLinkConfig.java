package dev.spindle.resources.config;

import dev.spindle.resources.network.HardwareAddr;

/** The {@code DummyLinkConfig} document: a dummy link to create, optionally with its own MAC address. */
public record DummyLinkConfig(String name, HardwareAddr hardwareAddr, CommonLinkConfig common)
    implements LinkDocument {
  public static final String KIND = "DummyLinkConfig";

  public DummyLinkConfig {
    hardwareAddr = hardwareAddr == null ? HardwareAddr.EMPTY : hardwareAddr;
  }

  @Override
  public String kind() {
    return KIND;
  }
}
