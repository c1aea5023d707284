package dev.spindle.platform.network;

/**
 * The ethtool view of a link: carrier, speed, duplex, connector, driver and firmware versions — what
 * {@code LinkStatus} shows beside rtnetlink's facts. Implemented over the {@code SIOCETHTOOL} ioctl
 * ({@code linux.LinuxEthtool}) and by {@link FakeEthtool}; {@code EthtoolContract} holds both to the same answers.
 */
public interface Ethtool extends AutoCloseable {
  /**
   * The link's ethtool facts. Operations the driver lacks ({@code EOPNOTSUPP}) leave their fields unknown rather
   * than fail.
   *
   * @throws NetlinkException {@link Errno#ENODEV} if there is no link of that name
   */
  EthtoolFacts facts(String link) throws NetlinkException;

  @Override
  void close();
}
