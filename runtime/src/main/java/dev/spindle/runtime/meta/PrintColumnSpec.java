package dev.spindle.runtime.meta;

import dev.spindle.runtime.codec.ProtoField;

/** One print column as COSI stores it in a resource definition: a header and a JSONPath over the spec. */
public record PrintColumnSpec(@ProtoField(1) String name, @ProtoField(2) String jsonPath) {}
