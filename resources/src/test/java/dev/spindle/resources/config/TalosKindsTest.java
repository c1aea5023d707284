package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TalosKindsTest {
  @Test
  void everyKindSpindleReadsIsATalosKind() {
    assertThat(DocumentReader.KINDS).allSatisfy(kind -> assertThat(TalosKinds.contains(kind)).as(kind).isTrue());
  }

  @Test
  void knowsTalosKindsAndNotOthers() {
    assertThat(TalosKinds.contains("LinkConfig")).isTrue();
    assertThat(TalosKinds.contains("VolumeConfig")).isTrue();
    assertThat(TalosKinds.contains("NetworkDefaultActionConfig")).isTrue();
    assertThat(TalosKinds.contains("SideroLinkConfig")).isTrue();
    assertThat(TalosKinds.contains("linkconfig")).isFalse();
    assertThat(TalosKinds.contains("Bogus")).isFalse();
    assertThat(TalosKinds.contains("v1alpha1")).isFalse();
  }
}
