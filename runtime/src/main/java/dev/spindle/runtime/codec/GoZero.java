package dev.spindle.runtime.codec;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Go's zero value test behind {@code omitempty}, as a Jackson value filter (see {@link OmitEmpty}). Unlike
 * {@code NON_EMPTY} it counts zero numbers, {@code false}, a {@link ProtoEnum} constant numbered 0 (Go's enums are
 * integers) and a record whose components are all zero (go-yaml's zero struct) as empty. A Go pointer field is
 * omitted only when nil: mirror it with {@code @JsonInclude(NON_NULL)} on a boxed or nullable component instead.
 */
public final class GoZero {
  @Override
  public boolean equals(Object value) {
    return isZero(value);
  }

  @Override
  public int hashCode() {
    return GoZero.class.hashCode();
  }

  public static boolean isZero(Object value) {
    return switch (value) {
      case null -> true;
      case CharSequence s -> s.isEmpty();
      case Boolean b -> !b;
      case Number n -> n.doubleValue() == 0;
      case Character c -> c == 0;
      case Collection<?> c -> c.isEmpty();
      case Map<?, ?> m -> m.isEmpty();
      case Optional<?> o -> o.isEmpty();
      case ProtoEnum e -> e.protoNumber() == 0;
      case Record r -> allComponentsZero(r);
      default -> value.getClass().isArray() && Array.getLength(value) == 0;
    };
  }

  private static boolean allComponentsZero(Record record) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        var accessor = component.getAccessor();
        accessor.trySetAccessible();
        if (!isZero(accessor.invoke(record))) {
          return false;
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        return false;
      }
    }
    return true;
  }
}
