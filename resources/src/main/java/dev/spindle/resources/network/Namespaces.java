package dev.spindle.resources.network;

/** The namespaces of the network domain, as Talos names them. */
public final class Namespaces {
  /** Final specs (merged, no layer in their ids) and every status. */
  public static final String NETWORK = "network";
  /** One spec per (config layer, object), written by the config controllers and merged into {@link #NETWORK}. */
  public static final String NETWORK_CONFIG = "network-config";

  private Namespaces() {}
}
