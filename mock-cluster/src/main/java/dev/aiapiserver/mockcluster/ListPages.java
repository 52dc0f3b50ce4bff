package dev.aiapiserver.mockcluster;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What kube-apiserver does with {@code limit} and {@code continue} on a list, in front of the
 * fabric8 CRUD mock, which ignores both and always answers the whole list. The first page takes a
 * snapshot of the whole list at its resourceVersion; every later page is cut from that snapshot, so
 * the pages together are one consistent list, as they are from etcd. The continue token has
 * kube-apiserver's shape (base64url of {@code {"v":"meta.k8s.io/v1","rv":N,"start":"..."}});
 * a token whose snapshot is gone (or that is not one) answers 410 Expired with kube-apiserver's
 * message, as a compacted revision does. A snapshot is let go once its last page is served (or
 * when 32 newer ones are kept), so a token asked for twice after the end is expired: kube-apiserver
 * would answer it until compaction. Each page carries {@code remainingItemCount}.
 */
public final class ListPages {
  /** Snapshots kept for continue tokens, least recently used dropped first. */
  private static final int SNAPSHOTS = 32;
  private static final Pattern TOKEN = Pattern.compile("\\{\"v\":\"meta\\.k8s\\.io/v1\",\"rv\":(\\d+),\"start\":\"(\\d+)\"}");
  private static final JsonFactory JSON = new JsonFactory();

  /** A whole list as the CRUD mock answered it, the items kept as the text it wrote. */
  private record Snapshot(String apiVersion, String kind, String resourceVersion, List<String> items) {}

  private final Map<String, Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
      return size() > SNAPSHOTS;
    }
  };

  /**
   * The page a GET list asks for, or null when the request asks for no page (no limit, a watch, a
   * single object, not a GET): then it goes to the mock as it is.
   *
   * @param list answers a path (with its query) with the whole list, as the CRUD mock's GET does
   */
  public MockResponse page(RecordedRequest request, Function<String, MockResponse> list) {
    String target = request.getPath();
    if (!"GET".equals(request.getMethod()) || target == null || !target.contains("?")) {
      return null;
    }
    String path = target.substring(0, target.indexOf('?'));
    Map<String, String> query = new LinkedHashMap<>();
    StringBuilder rest = new StringBuilder();
    for (String pair : target.substring(target.indexOf('?') + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      query.put(key, value);
      if (!key.equals("limit") && !key.equals("continue")) {
        rest.append(rest.length() == 0 ? "?" : "&").append(pair);
      }
    }
    long limit;
    try {
      limit = Long.parseLong(query.getOrDefault("limit", "0"));
    } catch (NumberFormatException e) {
      return null;
    }
    String watch = query.getOrDefault("watch", "false");
    if (limit <= 0 || !(watch.equals("false") || watch.equals("0"))) {
      return null;
    }
    String whole = path + rest;
    String token = query.get("continue");
    Snapshot snapshot;
    int start;
    if (token == null || token.isEmpty()) {
      MockResponse answer = list.apply(whole);
      if (answer.code() != 200 || answer.getBody() == null) {
        return answer;
      }
      snapshot = snapshot(new String(answer.getBody().getBytes(), StandardCharsets.UTF_8));
      if (snapshot == null) {
        return answer; // not a list: a single object, or something the mock made up
      }
      start = 0;
    } else {
      Matcher m = decode(token);
      synchronized (snapshots) {
        snapshot = m == null ? null : snapshots.get(whole + "@" + m.group(1));
      }
      if (snapshot == null) {
        return expired();
      }
      start = Integer.parseInt(m.group(2));
    }
    int end = (int) Math.min(snapshot.items().size(), start + limit);
    StringBuilder body = new StringBuilder(64 + 4096 * (end - start))
        .append("{\"apiVersion\":").append(quote(snapshot.apiVersion()))
        .append(",\"kind\":").append(quote(snapshot.kind()))
        .append(",\"metadata\":{\"resourceVersion\":").append(quote(snapshot.resourceVersion()));
    String key = whole + "@" + snapshot.resourceVersion();
    if (end >= snapshot.items().size()) {
      synchronized (snapshots) {
        snapshots.remove(key); // the last page is served: a whole list of 100k pods is 400 MB to keep
      }
    } else {
      synchronized (snapshots) {
        snapshots.put(key, snapshot);
      }
      body.append(",\"continue\":").append(quote(encode(snapshot.resourceVersion(), end)))
          .append(",\"remainingItemCount\":").append(snapshot.items().size() - end);
    }
    body.append("},\"items\":[");
    for (int i = start; i < end; i++) {
      body.append(i == start ? "" : ",").append(snapshot.items().get(i));
    }
    body.append("]}");
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }

  /** The list's envelope and each item's own text, or null if the body is not a list. */
  private static Snapshot snapshot(String text) {
    String apiVersion = "v1";
    String kind = "List";
    String resourceVersion = "0";
    List<String> items = null;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("apiVersion") && value == JsonToken.VALUE_STRING) {
          apiVersion = p.getString();
        } else if (name.equals("kind") && value == JsonToken.VALUE_STRING) {
          kind = p.getString();
        } else if (name.equals("metadata") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("resourceVersion")) {
              resourceVersion = p.getString();
            } else {
              p.skipChildren();
            }
          }
        } else if (name.equals("items") && value == JsonToken.START_ARRAY) {
          items = new ArrayList<>();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            int from = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            items.add(text.substring(from, (int) p.currentLocation().getCharOffset()));
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return items == null || !kind.endsWith("List") ? null : new Snapshot(apiVersion, kind, resourceVersion, items);
  }

  private static String encode(String resourceVersion, int start) {
    String json = "{\"v\":\"meta.k8s.io/v1\",\"rv\":" + resourceVersion + ",\"start\":\"" + start + "\"}";
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Matcher decode(String token) {
    try {
      Matcher m = TOKEN.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      return m.matches() ? m : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** kube-apiserver's answer to a continue token older than the compacted revision. */
  private static MockResponse expired() {
    return new MockResponse().setResponseCode(410).setHeader("Content-Type", "application/json").setBody("""
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"The provided continue \
        parameter is too old to display a consistent list result. You can start a new list without the continue \
        parameter.","reason":"Expired","code":410}""");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
