package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every machine configuration under {@code examples/} (the README's) is valid, so copy-paste works. */
class ExamplesTest {
  static Stream<Path> examples() throws IOException {
    return Files.list(Path.of("..", "examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void validates(Path example) throws IOException {
    var result = MachineConfigParser.check(Files.readString(example), example.toString(), ValidationMode.CONTAINER);
    assertThat(result.errors()).isEmpty();
  }
}
