package dev.aiapiserver.openapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record with every field set (strings, numbers, one list item, one map entry, nested records),
 * built by reflection so that a field added to a view tomorrow is covered by the same test.
 */
final class SampleRecords {
  private SampleRecords() {}

  static Object of(Type type) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == String.class) {
      return "sample";
    } else if (raw == int.class || raw == Integer.class) {
      return 3;
    } else if (raw == long.class || raw == Long.class) {
      return 3L;
    } else if (raw == double.class || raw == Double.class) {
      return 0.5;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return true;
    } else if (raw.isEnum()) {
      return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
    } else if (Set.class.isAssignableFrom(raw)) {
      return Set.of(of(argument(type, 0)));
    } else if (Collection.class.isAssignableFrom(raw)) {
      return List.of(of(argument(type, 0)));
    } else if (Map.class.isAssignableFrom(raw)) {
      return Map.of("key", of(argument(type, 1)));
    } else if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = of(components[i].getGenericType());
        types[i] = components[i].getType();
      }
      try {
        var constructor = raw.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build a sample " + raw.getName(), e);
      }
    }
    throw new IllegalArgumentException("no sample for " + type.getTypeName());
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
