package dev.spindle.resources;

/**
 * A spec that exists once per configuration layer in a config namespace and is merged into one final spec; the
 * final spec keeps the layer that won, so {@code spindlectl get} shows where a value came from.
 */
public interface Layered {
  ConfigLayer layer();
}
