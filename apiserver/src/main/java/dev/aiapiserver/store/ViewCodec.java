package dev.aiapiserver.store;

import dev.aiapiserver.api.ApiObject;
import java.util.Map;

/** How a store writes its views to bytes, reads them back, and what of them lists filter by. */
public interface ViewCodec {

  /** The view's JSON, as served. */
  byte[] encode(ApiObject view);

  /** The view again, from its JSON. */
  ApiObject decode(byte[] json);

  /** The values of the view's selectable fields by path (e.g. metadata.name, health.verdict). */
  Map<String, String> fields(ApiObject view);
}
