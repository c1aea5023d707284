package dev.spindle.daemon;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** The daemon's settings after parsing the command line. */
public record DaemonOptions(
    Platform platform, Path stateDirectory, InetSocketAddress listen, List<String> serverNames,
    Path clientConfig, String contextName) {}
