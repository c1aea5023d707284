package dev.spindle.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The applied machine configuration on disk ({@code <state-dir>/config.yaml}, mode 0600: it holds cluster secrets),
 * so a restart comes back with what {@code apply-config} last set. Written as a temporary file, synced and renamed over
 * the old one: a crash leaves either the old or the new configuration, never a truncated one.
 */
final class MachineConfigStore {
  static final String FILE_NAME = "config.yaml";

  private final Path file;

  MachineConfigStore(Path stateDirectory) {
    this.file = stateDirectory.resolve(FILE_NAME);
  }

  Path path() {
    return file;
  }

  Optional<String> load() throws IOException {
    return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  void save(String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".config-", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(StandardCharsets.UTF_8.encode(text));
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
        directory.force(true);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
