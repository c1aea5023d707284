package dev.spindle.benchmarks;

import dev.spindle.controllers.network.NetworkControllers;
import dev.spindle.controllers.network.ResolvConfController;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.HostnameStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.resources.network.ResolverStatus;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.resources.network.TimeServerStatus;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.controllers.files.FilesControllers;
import dev.spindle.controllers.runtime.RuntimeControllers;
import dev.spindle.controllers.time.TimeControllers;
import dev.spindle.platform.files.LocalNodeFiles;
import dev.spindle.platform.runtime.CmdlineSource;
import dev.spindle.platform.time.FakeSntp;
import dev.spindle.platform.time.SimulatedClock;
import dev.spindle.resources.runtime.Environment;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@link ApplyConfigLatency} applies and waits for: the simulated node's controllers, a numbered corporate-proxy
 * machine configuration, and the value each final resource must reach for it. A new domain adds its controllers and
 * its final resources here.
 */
final class ApplyConfigWorkload {
  private ApplyConfigWorkload() {}

  /**
   * The controllers of the simulated node, one line per domain; add a domain's {@code all(...)} here when it is
   * merged (environment, files, time) and its final resources to {@link #expectations}.
   */
  /** {@code root}: the simulated node's files root and the home of its kernel command line file. */
  static List<Controller> nodeControllers(Path root) throws IOException {
    var all = new ArrayList<Controller>();
    all.addAll(NetworkControllers.all(FakeRtnetlink.simulatedNode()));
    all.addAll(RuntimeControllers.all(CmdlineSource.file(root.resolve("cmdline"))));
    all.addAll(FilesControllers.all(new LocalNodeFiles(Files.createDirectories(root.resolve("root")))));
    all.addAll(TimeControllers.all(FakeSntp.simulatedNode(new SimulatedClock(Duration.ZERO)), Optional.empty()));
    return List.copyOf(all);
  }

  /** The value a final resource must reach for configuration {@code n}. */
  record Expectation(ResourcePointer pointer, String what, Predicate<Object> reached) {
    <S> Expectation(ResourceDefinition<S> definition, String namespace, String id, String what, Predicate<S> test) {
      this(definition.pointer(namespace, id), what, spec -> definition.specClass().isInstance(spec)
          && test.test(definition.specClass().cast(spec)));
    }
  }

  static List<Expectation> expectations(int n) {
    List<String> servers = List.of(nameserver(n), "10.0.1.53");
    List<String> ntp = List.of(timeServer(n), "ntp2.corp.example");
    String host = "worker-" + n;
    return List.of(
        new Expectation(ResolverSpec.DEFINITION, Namespaces.NETWORK, ResolverSpec.ID, "resolvers " + servers,
            s -> strings(s.dnsServers()).equals(servers)),
        new Expectation(ResolverStatus.DEFINITION, Namespaces.NETWORK, ResolverStatus.ID, "resolvers " + servers,
            s -> strings(s.dnsServers()).equals(servers)),
        new Expectation(EtcFileSpec.DEFINITION, FilesNamespaces.FILES, ResolvConfController.ID,
            "nameserver " + nameserver(n), s -> s.contents().startsWith("nameserver " + nameserver(n) + "\n")
                || s.contents().contains("\nnameserver " + nameserver(n) + "\n")),
        new Expectation(TimeServerSpec.DEFINITION, Namespaces.NETWORK, TimeServerSpec.ID, "time servers " + ntp,
            s -> s.timeServers().equals(ntp)),
        new Expectation(TimeServerStatus.DEFINITION, Namespaces.NETWORK, TimeServerStatus.ID, "time servers " + ntp,
            s -> s.timeServers().equals(ntp)),
        new Expectation(HostnameSpec.DEFINITION, Namespaces.NETWORK, HostnameSpec.ID, "hostname " + host,
            s -> s.hostname().equals(host) && s.domainname().equals("corp.example")),
        new Expectation(HostnameStatus.DEFINITION, Namespaces.NETWORK, HostnameStatus.ID, "hostname " + host,
            s -> s.hostname().equals(host) && s.domainname().equals("corp.example")),
        new Expectation(EnvironmentSpec.DEFINITION, RuntimeNamespaces.RUNTIME, EnvironmentSpec.ID,
            "no_proxy " + noProxy(n), s -> s.variables().contains("no_proxy=" + noProxy(n))),
        new Expectation(Environment.DEFINITION, RuntimeNamespaces.RUNTIME, Environment.ID,
            "no_proxy " + noProxy(n), s -> s.variables().contains("no_proxy=" + noProxy(n))));
  }

  private static String noProxy(int n) {
    return ".corp.example,10." + n + ".0.0/16,localhost";
  }

  private static String nameserver(int n) {
    return "10.0.0." + n;
  }

  private static String timeServer(int n) {
    return "ntp-" + n + ".corp.example";
  }

  private static List<String> strings(List<?> values) {
    return values.stream().map(Object::toString).toList();
  }

  /** A corporate-proxy configuration (as examples/corporate-proxy.yaml) numbered {@code n}, 1 to 250. */
  static String config(int n) {
    return """
        version: v1alpha1
        machine:
          type: worker
          env:
            http_proxy: http://proxy.corp.example:3128
            https_proxy: http://proxy.corp.example:3128
            no_proxy: %4$s
          network:
            hostname: worker-%1$d.corp.example
        cluster:
          id: 0123456789abcdef0123456789abcdef0123456789a=
          secret: c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=
        ---
        apiVersion: v1alpha1
        kind: TrustedRootsConfig
        name: corp-proxy-ca
        certificates: |
          -----BEGIN CERTIFICATE-----
          MIIBzjCCAXOgAwIBAgIUBbtMAFASWYO4vWcjptIb4MA6irIwCgYIKoZIzj0EAwIw
          PDEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMSMwIQYDVQQDDBpFeGFtcGxlIENvcnAg
          UHJveHkgUm9vdCBDQTAeFw0yNjEyMDMwNjQ0MTNaFw0zNjExMzAwNjQ0MTNaMDwx
          FTATBgNVBAoMDEV4YW1wbGUgQ29ycDEjMCEGA1UEAwwaRXhhbXBsZSBDb3JwIFBy
          b3h5IFJvb3QgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATBPeL6vRhlOya/
          chLzzLUcQAyqX+BJKsikujIzCQWlZyWWNa4Twxq1TrXfxNzYigIQNGsYXNvY+lEM
          Fr0oc6M6o1MwUTAdBgNVHQ4EFgQUsoJWQsNaF4Ay9ExQxksXNhmbq54wHwYDVR0j
          BBgwFoAUsoJWQsNaF4Ay9ExQxksXNhmbq54wDwYDVR0TAQH/BAUwAwEB/zAKBggq
          hkjOPQQDAgNJADBGAiEAtKCajDEl5C3i0QqDDvW4RULZex3999NGaj472tmckZ0C
          IQCHw0lnV4PoYNz/2zoEUvzGwC5uz5XE+MhVzI4JMPa5YQ==
          -----END CERTIFICATE-----
        ---
        apiVersion: v1alpha1
        kind: ResolverConfig
        nameservers:
          - address: %2$s
          - address: 10.0.1.53
        searchDomains:
          domains:
            - corp.example
        ---
        apiVersion: v1alpha1
        kind: TimeSyncConfig
        ntp:
          servers:
            - %3$s
            - ntp2.corp.example
        """.formatted(n, nameserver(n), timeServer(n), noProxy(n));
  }
}
