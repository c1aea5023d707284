package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.cli.Cli.Result;
import org.junit.jupiter.api.Test;

/** Usage errors, version and completion: nothing here needs a node. */
class CommandLineTest {
  @Test
  void usageErrorsAreExit2WithAHint() {
    Result unknownFlag = Cli.run("get", "--frobnicate", "ls");
    assertThat(unknownFlag.status()).isEqualTo(2);
    assertThat(unknownFlag.err()).isEqualTo("error: Unknown option: '--frobnicate'\n"
        + "Run 'spindlectl get --help' for usage.\n");

    assertThat(Cli.run("get").err()).startsWith("error: Missing required parameter: '<type>'\n");
    assertThat(Cli.run().status()).isEqualTo(2);
    assertThat(Cli.run("gen").status()).isEqualTo(2);
    assertThat(Cli.run("gen").err()).startsWith(
        "error: missing command (client-cert, config, wg-key, wg-pubkey, wg-psk)\n");

    Result badFormat = Cli.run("get", "ls", "-o", "xml");
    assertThat(badFormat.status()).isEqualTo(2);
    assertThat(badFormat.err()).startsWith(
        "error: output format \"xml\" is not supported (table, yaml, json, jsonpath=<template>)\n");
    assertThat(Cli.run("get", "ls", "-o", "jsonpath={.a").err())
        .startsWith("error: error parsing jsonpath: unclosed action\n");
  }

  @Test
  void helpIsExit0() {
    Result help = Cli.run("get", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("Usage: spindlectl get", "--selector", "--watch", "--nodes", "--spindleconfig");
  }

  @Test
  void versionPrintsTheClientBlock() {
    Result version = Cli.run("version", "--client");

    assertThat(version.status()).isZero();
    assertThat(version.out()).isEqualTo("Client:\n"
        + "\tTag:         " + VersionInfo.version() + "\n"
        + "\tJava:        " + System.getProperty("java.version") + "\n"
        + "\tOS/Arch:     " + VersionInfo.platform() + "\n");
    assertThat(VersionInfo.version()).isNotEqualTo("unknown").doesNotContain("${");
    assertThat(Cli.run("version").out()).endsWith("Server:\n\tnot available: Spindle's API has no version service yet\n");
  }

  @Test
  void completionScriptsForBashAndZsh() {
    Result bash = Cli.run("completion", "bash");
    assertThat(bash.status()).isZero();
    assertThat(bash.out()).contains("complete -F", "spindlectl", "client-cert", "--spindleconfig", "wg-key",
        "wg-pubkey", "wg-psk", "--wireguard-cidr", "--controlplanes");
    Result zsh = Cli.run("completion", "zsh");
    assertThat(zsh.out()).contains("bashcompinit");
    assertThat(Cli.run("completion", "fish").status()).isEqualTo(2);
  }
}
