package dev.spindle.resources.config;

/**
 * One document of a multi-document machine configuration ({@code apiVersion: v1alpha1}, {@code kind: ...}). Sealed:
 * the parser, the validator and the config controllers all switch over the known kinds, so adding a kind is a compile
 * error until each of them handles it.
 */
public sealed interface ConfigDocument
    permits EnvironmentConfig, TrustedRootsConfig, ResolverConfig, TimeSyncConfig, HostnameConfig, LinkDocument,
    LinkAliasConfig {
  /** The document's {@code kind}, e.g. {@code EnvironmentConfig}. */
  String kind();
}
