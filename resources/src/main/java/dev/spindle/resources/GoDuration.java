package dev.spindle.resources;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.time.Duration} spec component that Go declares as {@code time.Duration}: go-yaml writes those
 * as {@code Duration.String()} ({@code 30s}, {@code 1m30s}, {@code 1.5ms}), not as ISO-8601. The protobuf form stays
 * the well-known {@code Duration} message, which the runtime's proto encoder already writes for a {@code Duration}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = GoDurationText.Serializer.class)
@JsonDeserialize(using = GoDurationText.Deserializer.class)
public @interface GoDuration {}
