package dev.aiapiserver.http;

import dev.aiapiserver.request.Json;

import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.resources.ResourceType;
import dev.aiapiserver.store.ViewCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The codec of a served resource's store: compact JSON, and the fields its field selectors accept. */
public final class ViewCodecs {
  private ViewCodecs() {}

  public static ViewCodec of(ResourceType type) {
    List<String> paths = type.selectableFields();
    return new ViewCodec() {
      @Override
      public byte[] encode(ApiObject view) {
        return Json.bytes(view);
      }

      @Override
      public ApiObject decode(byte[] json) {
        return Json.MAPPER.readValue(json, type.type());
      }

      @Override
      public Map<String, String> fields(ApiObject view) {
        Map<String, String> values = new HashMap<>(paths.size() * 2);
        for (String path : paths) {
          String value = AiResources.field(type, view, path);
          if (value != null) {
            values.put(path, value);
          }
        }
        return Map.copyOf(values);
      }
    };
  }
}
