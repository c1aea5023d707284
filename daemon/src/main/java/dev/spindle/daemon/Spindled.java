package dev.spindle.daemon;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code spindled}: parses the command line, starts the node, and runs until SIGTERM/SIGINT. */
@QuarkusMain
public class Spindled implements QuarkusApplication {
  private static final Logger LOG = LoggerFactory.getLogger(Spindled.class);

  @Inject
  SpindleNode node;

  public static void main(String... args) {
    // before any java.net.http client exists: proxy credentials must be allowed on CONNECT (see OutboundHttp)
    if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
      System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    }
    Quarkus.run(Spindled.class, args);
  }

  @Override
  public int run(String... args) {
    var command = new SpindledCommand();
    var cli = new CommandLine(command);
    DaemonOptions options;
    try {
      var parsed = cli.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) {
        return 0;
      }
      options = command.call();
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      System.err.println("spindled: " + e.getMessage());
      return 2;
    }
    try {
      node.start(options);
    } catch (Exception e) {
      LOG.error("spindled failed to start: {}", e.getMessage());
      node.stop();
      return 1;
    }
    Quarkus.waitForExit();
    node.stop();
    return 0;
  }
}
