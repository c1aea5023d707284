package dev.spindle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The client's version, from the properties file Maven fills in at build time, and the platform it runs on. */
public final class VersionInfo implements IVersionProvider {
  static String version() {
    try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      var properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version; // unfiltered: run from an IDE without Maven
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GOOS/GOARCH style, as talosctl prints {@code OS/Arch}. */
  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    os = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os;
    String arch = switch (System.getProperty("os.arch")) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64" -> "arm64";
      case String other -> other;
    };
    return os + "/" + arch;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"spindlectl " + version()};
  }
}
