package dev.spindle.daemon;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon's settings after parsing the command line. {@code config} is the machine configuration file to start
 * with, or null to start with the one {@code apply-config} last stored in the state directory (if any).
 * {@code setClock}: step the wall clock from SNTP answers (only with {@code --platform linux}). {@code filesRoot}: where
 * the node's files ({@code /etc/resolv.conf}, the CA bundle, {@code machine.files}) are written.
 */
public record DaemonOptions(
    Platform platform, Path stateDirectory, InetSocketAddress listen, List<String> serverNames,
    Path clientConfig, String contextName, Path config, boolean setClock, Path filesRoot) {}
