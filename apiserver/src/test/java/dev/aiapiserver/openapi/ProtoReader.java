package dev.aiapiserver.openapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads protocol buffers wire format without a schema: field number to its values. */
final class ProtoReader {
  private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

  ProtoReader(byte[] bytes) {
    int[] at = {0};
    while (at[0] < bytes.length) {
      long tag = varint(bytes, at);
      int field = (int) (tag >>> 3);
      Object value = switch ((int) (tag & 7)) {
        case 0 -> varint(bytes, at);
        case 1 -> {
          long bits = 0;
          for (int i = 0; i < 8; i++) {
            bits |= (bytes[at[0] + i] & 0xffL) << (8 * i);
          }
          at[0] += 8;
          yield bits;
        }
        case 2 -> {
          int length = (int) varint(bytes, at);
          byte[] slice = java.util.Arrays.copyOfRange(bytes, at[0], at[0] + length);
          at[0] += length;
          yield slice;
        }
        default -> throw new IllegalArgumentException("unexpected wire type in tag " + tag);
      };
      fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
    }
  }

  List<Object> all(int field) {
    return fields.getOrDefault(field, List.of());
  }

  ProtoReader message(int field) {
    return new ProtoReader((byte[]) all(field).get(0));
  }

  List<ProtoReader> messages(int field) {
    return all(field).stream().map(b -> new ProtoReader((byte[]) b)).toList();
  }

  String string(int field) {
    List<Object> values = all(field);
    return values.isEmpty() ? "" : new String((byte[]) values.get(0), StandardCharsets.UTF_8);
  }

  /** The entries of a gnostic map (repeated Named* with name 1 and value 2) by name. */
  Map<String, ProtoReader> named(int field) {
    Map<String, ProtoReader> entries = new LinkedHashMap<>();
    for (ProtoReader entry : messages(field)) {
      entries.put(entry.string(1), entry.message(2));
    }
    return entries;
  }

  private static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }
}
