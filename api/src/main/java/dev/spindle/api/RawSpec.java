package dev.spindle.api;

import java.util.Arrays;

/**
 * The spec of a resource whose type this process does not know: kept exactly as it came over the wire, protobuf bytes
 * and YAML text, so it can be stored, shown and sent on unchanged.
 */
public record RawSpec(byte[] proto, String yaml) {
  public RawSpec {
    proto = proto == null ? new byte[0] : proto.clone();
    yaml = yaml == null ? "" : yaml;
  }

  @Override
  public byte[] proto() {
    return proto.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawSpec other && Arrays.equals(proto, other.proto) && yaml.equals(other.yaml);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(proto) * 31 + yaml.hashCode();
  }

  @Override
  public String toString() {
    return yaml.isEmpty() ? "{}" : yaml.strip();
  }
}
