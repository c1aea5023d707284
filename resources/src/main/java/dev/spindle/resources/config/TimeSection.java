package dev.spindle.resources.config;

import java.time.Duration;
import java.util.List;

/** {@code machine.time}: {@code servers} is null when the key is absent. */
public record TimeSection(boolean disabled, List<String> servers, Duration bootTimeout) {
  public TimeSection {
    servers = servers == null ? null : List.copyOf(servers);
    bootTimeout = bootTimeout == null ? Duration.ZERO : bootTimeout;
  }
}
