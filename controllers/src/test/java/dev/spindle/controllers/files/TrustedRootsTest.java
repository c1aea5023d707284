package dev.spindle.controllers.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.TrustedRootsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedRootsTest {
  /** Talos's trusted_roots_test.go, reference §4.2: both names and both certificate texts follow the base. */
  @Test
  void talosVector() {
    String out = TrustedRoots.render("## Bundle of CA Root Certificates\n", List.of(
        new TrustedRootsConfig("root1", "-- BEGIN1 --"), new TrustedRootsConfig("root2", "-- BEGIN2 --")));
    assertThat(out).isEqualTo("## Bundle of CA Root Certificates\n"
        + "\nroot1:\n======\n-- BEGIN1 --"
        + "\n\n"
        + "\nroot2:\n======\n-- BEGIN2 --");
  }

  @Test
  void noExtrasIsTheBaseAlone() {
    assertThat(TrustedRoots.render("base", List.of())).isEqualTo("base");
  }

  @Test
  void problemsNameTheirDocument() {
    assertThat(TrustedRoots.problems(List.of(new TrustedRootsConfig("good", TestCertificates.pem(0)),
        new TrustedRootsConfig("corp", "-- BEGIN1 --"))))
        .containsExactly("TrustedRootsConfig \"corp\" (document 2 of its kind).certificates: no PEM certificate found");
  }
}
