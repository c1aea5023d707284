package dev.spindle.runtime.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The one Jackson mapper through which specs become trees and back, shared by the codecs, the API and the CLI so
 * that a spec has a single set of field names everywhere.
 *
 * <p>Field names are record component names or {@code @JsonProperty}; properties keep declaration order and map
 * entries keep the map's own order (Talos field order is part of the output); every property is written unless its
 * class asks otherwise through {@code @JsonInclude} (see {@link OmitEmpty} for Go's {@code omitempty}); enums use
 * {@code @JsonValue} when present; {@code java.time} values are ISO-8601 strings, and points in time take Go's
 * {@code time.Time} form ({@link GoTimeSerializer}). Reading is strict: an unknown property is an error, so a
 * misspelt field in a config document is not silently dropped.
 */
public final class SpecMapper {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("go-time")
          .addSerializer(Instant.class, new GoTimeSerializer<>(Instant.class))
          .addSerializer(OffsetDateTime.class, new GoTimeSerializer<>(OffsetDateTime.class))
          .addSerializer(ZonedDateTime.class, new GoTimeSerializer<>(ZonedDateTime.class)))
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private SpecMapper() {}

  /** The shared mapper. Treat it as read-only: reconfiguring it would change every codec. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static JsonNode toTree(Object spec) {
    return MAPPER.valueToTree(spec);
  }

  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot decode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
