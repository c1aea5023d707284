package dev.spindle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Keeps grpc's BoringSSL library (netty-tcnative, inside grpc-netty-shaded's jar) in a directory of the user's cache
 * that the launcher puts on {@code java.library.path}. Netty first tries to load the library from there; only when
 * that fails does it copy the 3 MB library out of its jar into a temporary file and load that, on every run. The
 * launcher names the directory (system property {@value #PROPERTY}) after the build, like its AOT cache, so the
 * library there always comes from the jar on the class path. Without the property, or on any failure, nothing
 * changes: Netty extracts the library as it always did.
 */
final class NativeLibraryCache {
  static final String PROPERTY = "spindlectl.nativeLibraryCache";

  private NativeLibraryCache() {}

  /** Copies the library into the cache directory if it is not there yet (after Netty has loaded its own copy). */
  static void fill() {
    String directory = System.getProperty(PROPERTY);
    String name = libraryName();
    if (directory == null || name == null) {
      return;
    }
    Path target = Path.of(directory, name);
    if (Files.exists(target)) {
      return;
    }
    try (InputStream in = NativeLibraryCache.class.getClassLoader().getResourceAsStream("META-INF/native/" + name)) {
      if (in == null) {
        return;
      }
      Files.createDirectories(target.getParent());
      // Written aside and renamed into place, so a concurrent run never loads half a library.
      Path partial = Files.createTempFile(target.getParent(), name, ".partial");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | RuntimeException e) {
      // the cache is an optimisation: Netty keeps extracting the library
    }
  }

  /** grpc-netty-shaded's file name for this platform's tcnative library; null where the launcher is not used. */
  private static String libraryName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64" -> "aarch_64";
      default -> null;
    };
    return os.startsWith("linux") && arch != null
        ? "libio_grpc_netty_shaded_netty_tcnative_linux_" + arch + ".so" : null;
  }
}
