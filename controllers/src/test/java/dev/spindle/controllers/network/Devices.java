package dev.spindle.controllers.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.resources.config.NetworkDevice;
import dev.spindle.resources.config.NetworkSection;
import dev.spindle.runtime.codec.SpecMapper;
import java.util.Arrays;
import java.util.List;

/** {@code machine.network.interfaces[]} entries written as JSON, for the selector tests. */
final class Devices {
  private Devices() {}

  static JsonNode json(String text) {
    try {
      return SpecMapper.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static NetworkDevice device(String text) {
    return NetworkDevice.of(json(text));
  }

  static List<NetworkDevice> devices(String... entries) {
    return Arrays.stream(entries).map(Devices::device).toList();
  }

  static NetworkSection interfaces(String... entries) {
    return new NetworkSection("", List.of(), null, false, Arrays.stream(entries).map(Devices::json).toList());
  }
}
