package dev.aiapiserver.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the wire would carry: Jackson 3, nulls left out. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder()
      .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL)
          .withContentInclusion(JsonInclude.Include.NON_NULL))
      .build();

  private Json() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static int size(Object value) {
    return MAPPER.writeValueAsBytes(value).length;
  }
}
