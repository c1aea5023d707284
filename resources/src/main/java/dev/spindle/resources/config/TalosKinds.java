package dev.spindle.resources.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The document kinds Talos has ({@code talos-kinds.txt}, facts of its registry), so that a Talos configuration with a
 * kind Spindle does not read yet ({@code LinkConfig}, {@code VolumeConfig}) is told so, rather than called unknown like
 * a misspelt one.
 */
final class TalosKinds {
  private static final Set<String> KINDS = load();

  private TalosKinds() {}

  static boolean contains(String kind) {
    return KINDS.contains(kind);
  }

  private static Set<String> load() {
    var in = TalosKinds.class.getResourceAsStream("talos-kinds.txt");
    if (in == null) {
      throw new IllegalStateException("missing resource talos-kinds.txt");
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
