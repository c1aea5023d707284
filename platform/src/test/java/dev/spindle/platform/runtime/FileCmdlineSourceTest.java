package dev.spindle.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCmdlineSourceTest {
  @TempDir
  Path dir;

  @Test
  void readsTheFileAsItIs() throws IOException {
    Path file = Files.writeString(dir.resolve("cmdline"), "console=ttyS0 talos.environment=A=b\n");
    assertThat(CmdlineSource.file(file).read()).isEqualTo("console=ttyS0 talos.environment=A=b\n");
  }

  @Test
  void aMissingFileIsAnEmptyCommandLine() throws IOException {
    assertThat(CmdlineSource.file(dir.resolve("absent")).read()).isEmpty();
  }

  @Test
  void anUnreadableFileIsAnErrorNamingThePath() {
    Path directory = dir.resolve("cmdline");
    assertThat(directory.toFile().mkdir()).isTrue();
    assertThatThrownBy(() -> CmdlineSource.file(directory).read())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("reading the kernel command line from " + directory + ": ");
  }

  @Test
  void createIfAbsentWritesOnceAndKeepsAnOperatorsEdit() throws IOException {
    var source = new FileCmdlineSource(dir.resolve("state/cmdline"));
    assertThat(source.createIfAbsent("talos.platform=metal ")).isTrue();
    assertThat(source.read()).isEqualTo("talos.platform=metal\n");
    Files.writeString(source.path(), "edited");
    assertThat(source.createIfAbsent("talos.platform=metal")).isFalse();
    assertThat(source.read()).isEqualTo("edited");
  }

  @Test
  void procIsTheKernelsFile() {
    assertThat(((FileCmdlineSource) CmdlineSource.proc()).path()).isEqualTo(Path.of("/proc/cmdline"));
  }
}
