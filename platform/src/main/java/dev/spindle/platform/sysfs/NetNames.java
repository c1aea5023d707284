package dev.spindle.platform.sysfs;

import java.util.Objects;

/**
 * The names udev's {@code net_id} builtin proposes for one interface, prefix included, {@code ""} where a scheme
 * gives none: {@code ID_NET_NAME_ONBOARD} ({@code eno1}), {@code ID_NET_NAME_SLOT} ({@code ens1}),
 * {@code ID_NET_NAME_PATH} ({@code enp5s0}, {@code enp0s29u1u2}) and {@code ID_NET_NAME_MAC}
 * ({@code enx000000000466}). A name may be longer than an interface name can be (15 bytes): it can still serve as
 * an alternative name (up to 127).
 */
public record NetNames(String onboard, String slot, String path, String mac) {
  public static final NetNames NONE = new NetNames("", "", "", "");

  public NetNames {
    onboard = Objects.requireNonNullElse(onboard, "");
    slot = Objects.requireNonNullElse(slot, "");
    path = Objects.requireNonNullElse(path, "");
    mac = Objects.requireNonNullElse(mac, "");
  }
}
