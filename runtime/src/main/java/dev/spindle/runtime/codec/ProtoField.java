package dev.spindle.runtime.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The protobuf field number of a spec record component, as Talos declares it for the resource Spindle mirrors. The
 * API sends specs as {@code proto_spec} with these numbers; components without one are left out of the protobuf form
 * (they still appear in YAML).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface ProtoField {
  int value();
}
