package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.spindle.resources.TalosEnum;
import dev.spindle.runtime.codec.SpecMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enumer text forms of talos-network.md §1.2, through the same mapper the codecs use. */
class TalosEnumTextTest {
  private static final List<Class<? extends TalosEnum>> ENUMS = List.of(OperationalState.class, Port.class,
      Duplex.class, VlanProtocol.class, BondMode.class, BondXmitHashPolicy.class, LacpRate.class, ArpValidate.class,
      ArpAllTargets.class, PrimaryReselect.class, FailOverMac.class, AdSelect.class, AdLacpActive.class);

  @Test
  void everyConstantPrintsItsTextAndReadsBackAlsoInLowerCase() {
    for (var type : ENUMS) {
      for (TalosEnum constant : type.getEnumConstants()) {
        assertThat(SpecMapper.toTree(constant)).isEqualTo(new TextNode(constant.text()));
        assertThat(SpecMapper.fromTree(new TextNode(constant.text()), type)).isSameAs(constant);
        assertThat(SpecMapper.fromTree(new TextNode(constant.text().toLowerCase()), type)).isSameAs(constant);
      }
    }
  }

  @Test
  void textsAndNumbersAreTalos() {
    assertThat(OperationalState.LOWER_LAYER_DOWN.text()).isEqualTo("lowerLayerDown");
    assertThat(OperationalState.of(6)).isEqualTo(OperationalState.UP);
    assertThat(Port.FIBRE.text()).as("the enumer quirk").isEmpty();
    assertThat(Port.of(239)).isEqualTo(Port.NONE);
    assertThat(Duplex.UNKNOWN.protoNumber()).isEqualTo(255);
    assertThat(VlanProtocol.IEEE_802_1Q.protoNumber()).isEqualTo(33024);
    assertThat(VlanProtocol.IEEE_802_1AD.text()).isEqualTo("802.1ad");
    assertThat(BondMode.IEEE_802_3AD.protoNumber()).isEqualTo(4);
    assertThat(BondXmitHashPolicy.LAYER3_4.text()).isEqualTo("layer3+4");
    assertThat(ArpValidate.FILTER_BACKUP.text()).isEqualTo("filter-backup");
  }
}
