package dev.spindle.resources.runtime;

/** The namespaces of the runtime domain. */
public final class RuntimeNamespaces {
  /** Facts about the running node: kernel command line, merged environment, time status. */
  public static final String RUNTIME = "runtime";
  /** One spec per configuration layer of the runtime domain (environment), merged into {@link #RUNTIME}. */
  public static final String RUNTIME_CONFIG = "runtime-config";

  private RuntimeNamespaces() {}
}
