package dev.spindle.platform.network;

/**
 * What ethtool says about one link ({@code ethtool <link>}, {@code ethtool -i <link>}), in the kernel's numbers. A
 * driver without the operation leaves its part unknown.
 *
 * @param linkDetected ETHTOOL_GLINK: the carrier as the driver sees it; {@code null} when the driver cannot say
 * @param speedMbit the link speed; {@link #SPEED_UNKNOWN} when unknown (no carrier, or no settings)
 * @param duplex {@code DUPLEX_*}: 0 half, 1 full, {@link #DUPLEX_UNKNOWN}
 * @param port {@code PORT_*}: 0 twisted pair, 1 AUI, 2 MII, 3 fibre, 4 BNC, 5 direct attach, 0xef none,
 *     {@link #PORT_OTHER} (also when unknown)
 * @param driver ETHTOOL_GDRVINFO {@code driver}, {@code ""} when unknown
 * @param driverVersion {@code version}
 * @param firmwareVersion {@code fw_version}
 * @param busInfo {@code bus_info} (a PCI address such as {@code 0000:00:03.0}, or {@code ""})
 */
public record EthtoolFacts(Boolean linkDetected, int speedMbit, int duplex, int port, String driver,
    String driverVersion, String firmwareVersion, String busInfo) {
  public static final int SPEED_UNKNOWN = -1;
  public static final int DUPLEX_HALF = 0;
  public static final int DUPLEX_FULL = 1;
  public static final int DUPLEX_UNKNOWN = 0xff;
  public static final int PORT_TP = 0;
  public static final int PORT_OTHER = 0xff;

  /** A link ethtool knows nothing about. */
  public static final EthtoolFacts UNKNOWN =
      new EthtoolFacts(null, SPEED_UNKNOWN, DUPLEX_UNKNOWN, PORT_OTHER, "", "", "", "");

  public EthtoolFacts {
    driver = driver == null ? "" : driver;
    driverVersion = driverVersion == null ? "" : driverVersion;
    firmwareVersion = firmwareVersion == null ? "" : firmwareVersion;
    busInfo = busInfo == null ? "" : busInfo;
  }
}
