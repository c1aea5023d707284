package dev.spindle.resources.network;

/**
 * One {@code IFA_F_*} address flag; bit {@code ordinal()} of the kernel's 32-bit IFA_FLAGS, named as Talos's
 * {@code nethelpers.AddressFlag} prints it. {@link #TEMPORARY} is also IPv4's {@code IFA_F_SECONDARY}.
 */
public enum AddressFlag {
  TEMPORARY("temporary"),
  NO_DAD("nodad"),
  OPTIMISTIC("optimistic"),
  DAD_FAILED("dadfailed"),
  HOME("homeaddress"),
  DEPRECATED("deprecated"),
  TENTATIVE("tentative"),
  PERMANENT("permanent"),
  MANAGEMENT_TEMP("mngmtmpaddr"),
  NO_PREFIX_ROUTE("noprefixroute"),
  MC_AUTO_JOIN("mcautojoin"),
  STABLE_PRIVACY("stableprivacy");

  private final String text;

  AddressFlag(String text) {
    this.text = text;
  }

  public int bit() {
    return 1 << ordinal();
  }

  public String text() {
    return text;
  }
}
