package dev.spindle.benchmarks;

import java.util.Locale;

/**
 * A large, valid machine configuration for {@link MachineConfigParseBenchmark}: a v1alpha1 document with many
 * interfaces (addresses, routes, VLANs, a bond, a WireGuard link), environment variables, files (CA appends that
 * the parser checks as PEM), Kubernetes sections, then the multi-document kinds. Every field is one the parser
 * checks, so the whole tree goes through the schema and the value rules.
 */
final class LargeMachineConfig {
  /** A self-signed test CA (prime256v1), as a corporate CA bundle would hold. */
  static final String CA =
      "-----BEGIN CERTIFICATE-----\n"
      + "MIIBoDCCAUWgAwIBAgIUT+TOd2pg2kJFoBOpZ8gbPXb7wN8wCgYIKoZIzj0EAwIw\n"
      + "JDEiMCAGA1UEAwwZU3BpbmRsZSBUZXN0IENvcnBvcmF0ZSBDQTAgFw0yNjEyMDMw\n"
      + "NjUxMDBaGA8yMTI2MTEwOTA2NTEwMFowJDEiMCAGA1UEAwwZU3BpbmRsZSBUZXN0\n"
      + "IENvcnBvcmF0ZSBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABJyh/O3gF7fu\n"
      + "yjuJYr09+8KQv1o+oLpuQ4ZTq5JLERU1mPZWszmqJShPU8u0He8hIIBsTzN6OvtT\n"
      + "ahiMGvZDQuGjUzBRMB0GA1UdDgQWBBRdNFZnD8jvliD9f3bMpw/bePrhUzAfBgNV\n"
      + "HSMEGDAWgBRdNFZnD8jvliD9f3bMpw/bePrhUzAPBgNVHRMBAf8EBTADAQH/MAoG\n"
      + "CCqGSM49BAMCA0kAMEYCIQCsawodqcfO+DwH0RN9GGtPpuWlhffugixPLae0dNzt\n"
      + "9AIhAPD6vW2+4TSpjjbBzXHWvla0rgHPsd+5O8VnecKcs5cT\n"
      + "-----END CERTIFICATE-----\n";

  private LargeMachineConfig() {}

  /** About {@code 14 * interfaces + 120} lines. */
  static String generate(int interfaces) {
    var b = new StringBuilder(64 * 1024);
    b.append("""
        version: v1alpha1
        debug: false
        persist: true
        machine:
          type: controlplane
          token: abcdef.0123456789abcdef
          certSANs: [10.0.0.10, node-1.corp.example]
          kubelet:
            image: ghcr.io/siderolabs/kubelet:v1.34.0
            extraArgs:
              rotate-server-certificates: "true"
              max-pods: "250"
            nodeIP:
              validSubnets: [10.0.0.0/8]
          network:
            hostname: node-1.corp.example
            nameservers: [10.0.0.53, 10.0.1.53, fd00::53]
            searchDomains: [corp.example, lab.corp.example]
            interfaces:
        """);
    for (int i = 0; i < interfaces; i++) {
      int a = i / 250;
      int c = i % 250;
      b.append(String.format(Locale.ROOT, """
                - interface: eth%d
                  mtu: 1500
                  dhcp: false
                  addresses:
                    - 10.%d.%d.2/24
                    - fd00:%x::2/64
                  routes:
                    - network: 172.%d.%d.0/24
                      gateway: 10.%d.%d.1
                      metric: 1024
                  vlans:
                    - vlanId: %d
                      addresses: [192.168.%d.2/24]
                      mtu: 1400
          """, i, a + 1, c, i + 1, 16 + a, c, a + 1, c, i % 4094 + 1, c));
    }
    b.append("""
              - interface: bond0
                bond:
                  mode: 802.3ad
                  interfaces: [ens1, ens2]
                  lacpRate: fast
                addresses: [10.200.0.2/24]
              - interface: wg0
                addresses: [10.254.0.1/24]
                wireguard:
                  privateKey: AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                  listenPort: 51820
                  peers:
                    - publicKey: AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                      endpoint: 192.0.2.1:51820
                      allowedIPs: [10.254.0.0/24]
                      persistentKeepaliveInterval: 25s
          env:
        """);
    for (int i = 0; i < 40; i++) {
      b.append("    SPINDLE_VAR_").append(i).append(": value-").append(i).append('\n');
    }
    b.append("""
            http_proxy: http://proxy.corp.example:3128
            https_proxy: http://proxy.corp.example:3128
            no_proxy: localhost,127.0.0.1,10.0.0.0/8,.corp.example
          files:
        """);
    String indentedCa = CA.indent(8);
    for (int i = 0; i < 3; i++) {
      b.append("    - path: /etc/ssl/certs/extra-").append(i).append(".pem\n")
          .append("      op: overwrite\n      permissions: 0644\n      content: |\n").append(indentedCa);
    }
    b.append("""
          time:
            servers: [ntp1.corp.example, ntp2.corp.example, 10.0.0.123]
            bootTimeout: 2m0s
          features:
            stableHostname: true
            kubePrism: {enabled: true, port: 7445}
          sysctls:
            net.ipv4.ip_forward: "1"
            net.core.somaxconn: "65535"
        cluster:
          id: 3dsQx_CkdHyHDd_wHjsAK2GqAFQ4=
          secret: Xq0Mfh+GpdmsIFIm8c2iaGmrQ5xSzeOEMdGiYLEAO4c=
          controlPlane:
            endpoint: https://10.0.0.10:6443
          clusterName: corp
          network:
            dnsDomain: cluster.local
            podSubnets: [10.244.0.0/16]
            serviceSubnets: [10.96.0.0/12]
          apiServer:
            certSANs: [10.0.0.10]
            extraArgs: {feature-gates: "X=true"}
          discovery:
            enabled: true
            registries:
              kubernetes: {disabled: true}
              service: {endpoint: "https://discovery.corp.example/"}
          etcd:
            advertisedSubnets: [10.0.0.0/24]
        ---
        apiVersion: v1alpha1
        kind: EnvironmentConfig
        variables:
          GRPC_GO_LOG_SEVERITY_LEVEL: error
        ---
        apiVersion: v1alpha1
        kind: TrustedRootsConfig
        name: corp-ca
        certificates: |
        """);
    b.append(CA.indent(2));
    return b.toString();
  }
}
