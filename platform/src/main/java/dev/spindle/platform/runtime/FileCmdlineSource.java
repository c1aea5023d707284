package dev.spindle.platform.runtime;

import dev.spindle.platform.files.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A kernel command line read from a file: {@code /proc/cmdline}, or the simulated node's {@code <state-dir>/cmdline}.
 * A missing file reads as {@code ""} (a node booted without arguments, or a container, where Talos publishes none);
 * any other failure is an {@link IOException} that names the path.
 */
public final class FileCmdlineSource implements CmdlineSource {
  private final Path path;

  public FileCmdlineSource(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }

  @Override
  public String read() throws IOException {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException missing) {
      return "";
    } catch (IOException e) {
      throw new IOException("reading the kernel command line from " + path + ": " + IoErrors.reason(e), e);
    }
  }

  /**
   * Writes {@code cmdline} to the file unless it exists, so a simulated node boots with a plausible command line the
   * operator can then edit. Returns whether it wrote.
   */
  public boolean createIfAbsent(String cmdline) throws IOException {
    if (Files.exists(path)) {
      return false;
    }
    Files.createDirectories(path.toAbsolutePath().getParent());
    Files.writeString(path, cmdline.strip() + "\n", StandardCharsets.UTF_8);
    return true;
  }

  @Override
  public String toString() {
    return "FileCmdlineSource[" + path + "]";
  }
}
