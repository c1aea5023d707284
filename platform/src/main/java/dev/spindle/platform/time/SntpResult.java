package dev.spindle.platform.time;

import java.time.Duration;
import java.util.Objects;

/**
 * One validated SNTP answer: the server entry asked, the address that answered, the local clock's offset from it
 * (positive: the local clock is behind and must move forward), the round-trip delay, the server's stratum and leap
 * indicator.
 */
public record SntpResult(SntpServer server, String address, Duration offset, Duration delay, int stratum, Leap leap) {
  public SntpResult {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(leap, "leap");
  }
}
