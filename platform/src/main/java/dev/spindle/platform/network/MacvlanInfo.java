package dev.spindle.platform.network;

/**
 * A macvlan link's mode (IFLA_MACVLAN_MODE); its lower link is {@link LinkRequest#parentIndex()} /
 * {@link LinkMessage#parentIndex()} (IFLA_LINK).
 *
 * @param mode one of {@link #PRIVATE}, {@link #VEPA}, {@link #BRIDGE}, {@link #PASSTHRU}, {@link #SOURCE}
 */
public record MacvlanInfo(int mode) implements LinkInfo {
  public static final int PRIVATE = 1;
  public static final int VEPA = 2;
  public static final int BRIDGE = 4;
  public static final int PASSTHRU = 8;
  public static final int SOURCE = 16;

  @Override
  public String kind() {
    return "macvlan";
  }
}
