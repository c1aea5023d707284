package dev.spindle.runtime.resource;

import java.util.Objects;

/**
 * An extra table column of {@code spindlectl get}: a header and a dotted path into the spec's YAML form
 * ({@code wireguard.listenPort}). {@link #jsonPath()} renders it the way COSI stores it ({@code {.wireguard.listenPort}}).
 */
public record PrintColumn(String name, String path) {
  public PrintColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (name.isBlank() || path.isBlank()) {
      throw new IllegalArgumentException("print column name and path must not be blank");
    }
  }

  public String jsonPath() {
    return "{." + path + "}";
  }
}
