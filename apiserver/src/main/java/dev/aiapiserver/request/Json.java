package dev.aiapiserver.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one Jackson 3 mapper of the server (fabric8 8 is on Jackson 3; Vert.x's own Json cannot
 * serialize POJOs here). Null fields are left out, as kube-apiserver's omitempty does.
 */
public final class Json {
  private Json() {}

  public static final JsonMapper MAPPER = JsonMapper.builder()
      .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  public static final YAMLMapper YAML = YAMLMapper.builder()
      .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
      .build();

  public static byte[] bytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }
}
