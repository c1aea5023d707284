package dev.spindle.resources.network;

/** One {@code IFF_*} interface flag; bit {@code ordinal()} of the kernel's flags word, named as Talos prints it. */
public enum LinkFlag {
  UP, BROADCAST, DEBUG, LOOPBACK, POINTTOPOINT, NOTRAILERS, RUNNING, NOARP, PROMISC, ALLMULTI, MASTER, SLAVE,
  MULTICAST, PORTSEL, AUTOMEDIA, DYNAMIC, LOWER_UP, DORMANT, ECHO;

  public int bit() {
    return 1 << ordinal();
  }
}
