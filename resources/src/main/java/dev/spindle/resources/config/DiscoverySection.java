package dev.spindle.resources.config;

/** {@code cluster.discovery}: whether discovery is on and which registries it uses. */
public record DiscoverySection(boolean enabled, boolean kubernetesRegistryDisabled, boolean serviceRegistryDisabled,
    String serviceEndpoint) {
  public static final DiscoverySection DISABLED = new DiscoverySection(false, true, true, "");

  public DiscoverySection {
    serviceEndpoint = serviceEndpoint == null ? "" : serviceEndpoint;
  }

  /** The endpoint without user information (an endpoint URL may carry credentials). */
  @Override
  public String toString() {
    return "DiscoverySection[enabled=" + enabled + ", kubernetesRegistryDisabled=" + kubernetesRegistryDisabled
        + ", serviceRegistryDisabled=" + serviceRegistryDisabled + ", serviceEndpoint="
        + (serviceEndpoint.indexOf('@') >= 0 ? Problems.REDACTED : serviceEndpoint) + "]";
  }
}
