package dev.spindle.resources.config;

/**
 * The legacy single document ({@code version: v1alpha1}, sections {@code machine} and {@code cluster}). Only the
 * fields Spindle uses are typed here; the rest of the document is validated against Talos's field names and kept in
 * {@link MachineConfig#text()}.
 */
public record V1Alpha1Config(MachineSection machine, ClusterSection cluster) {
  public static final V1Alpha1Config EMPTY = new V1Alpha1Config(MachineSection.EMPTY, ClusterSection.EMPTY);

  public V1Alpha1Config {
    machine = machine == null ? MachineSection.EMPTY : machine;
    cluster = cluster == null ? ClusterSection.EMPTY : cluster;
  }
}
