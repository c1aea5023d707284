package dev.spindle.resources.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code TimeSyncConfig} document. {@code ntpServers} is null when there is no {@code ntp.servers} list
 * (no {@code ntp} section, or one that only sets {@code useNTS}), so the configuration layer is absent, as in Talos;
 * likewise {@code ptpDevices} without a {@code ptp.devices} list. The two sections are mutually exclusive. {@code bootTimeout} is {@link Duration#ZERO} when unset (wait forever).
 */
public record TimeSyncConfig(boolean enabled, Duration bootTimeout, List<String> ntpServers, boolean useNts,
    List<String> ptpDevices) implements ConfigDocument {
  public static final String KIND = "TimeSyncConfig";

  public TimeSyncConfig {
    ntpServers = ntpServers == null ? null : List.copyOf(ntpServers);
    ptpDevices = ptpDevices == null ? null : List.copyOf(ptpDevices);
  }

  /** Talos's {@code Servers()}: the NTP servers, or for PTP the devices; null when neither section is present. */
  public List<String> servers() {
    return ntpServers != null ? ntpServers : ptpDevices;
  }

  @Override
  public String kind() {
    return KIND;
  }
}
