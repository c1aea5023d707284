package dev.spindle.resources.config;

/** The parts of the v1alpha1 {@code cluster} section Spindle reads. {@link #toString()} never shows the secret. */
public record ClusterSection(String id, String secret, DiscoverySection discovery) {
  public static final ClusterSection EMPTY = new ClusterSection("", "", DiscoverySection.DISABLED);

  public ClusterSection {
    id = id == null ? "" : id;
    secret = secret == null ? "" : secret;
    discovery = discovery == null ? DiscoverySection.DISABLED : discovery;
  }

  @Override
  public String toString() {
    return "ClusterSection[id=" + id + ", secret=" + (secret.isEmpty() ? "" : "(redacted)") + ", discovery="
        + discovery + "]";
  }
}
