package dev.spindle.api.server;

/**
 * What the caller of the current RPC may do: write, and read the specs of sensitive resource types. The daemon
 * derives it from the role in the client certificate; in-process servers can use a fixed value.
 */
public record Access(String caller, boolean mayWrite, boolean mayReadSensitive) {
  public static final Access ADMIN = new Access("admin", true, true);
  public static final Access READ_ONLY = new Access("reader", false, false);
}
