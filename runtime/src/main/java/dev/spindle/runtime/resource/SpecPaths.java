package dev.spindle.runtime.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;

/** Checks a dotted print-column path against the YAML names of a spec record's components. */
final class SpecPaths {
  private SpecPaths() {}

  static void check(Class<?> specClass, String path, String type) {
    Class<?> current = specClass;
    for (String part : path.split("\\.")) {
      String segment = part.replaceFirst("\\[[^\\]]*\\]$", ""); // "aliases[:]" names the field "aliases"
      if (current == null || !current.isRecord()) {
        return; // below a list, a map or a scalar the path is resolved at print time
      }
      RecordComponent found = null;
      for (RecordComponent c : current.getRecordComponents()) {
        if (yamlName(c).equals(segment)) {
          found = c;
          break;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException("resource type \"" + type + "\": print column path \"" + path
            + "\": " + current.getSimpleName() + " has no field \"" + segment + "\"");
      }
      current = found.getType();
    }
  }

  static String yamlName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    if (property == null) {
      property = component.getAnnotation(JsonProperty.class);
    }
    return property != null && !property.value().isEmpty() ? property.value() : component.getName();
  }
}
