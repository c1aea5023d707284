package dev.spindle.resources.files;

/** The namespaces of the files domain. */
public final class FilesNamespaces {
  /** Files the node renders under {@code /etc} (resolv.conf, the CA bundle) and their status. */
  public static final String FILES = "files";

  private FilesNamespaces() {}
}
