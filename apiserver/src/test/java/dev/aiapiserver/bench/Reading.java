package dev.aiapiserver.bench;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an agent read to do one task: every response or command output as text, the requests the
 * server saw for it, and the records (JSON items, table lines) in which an answer can be found.
 */
final class Reading {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final List<String> texts = new ArrayList<>();
  final List<String> records = new ArrayList<>();
  int requests;

  /** A JSON response: each item of a list is one record, any other object is one. */
  void json(String body) {
    texts.add(body);
    JsonNode node = JSON.readTree(body);
    JsonNode items = node.get("items");
    if (items != null && items.isArray()) {
      items.forEach(item -> records.add(item.toString()));
    } else {
      records.add(node.toString());
    }
  }

  /** A table as kubectl prints it: each line is one record. */
  void table(String output) {
    texts.add(output);
    output.lines().forEach(records::add);
  }

  /** A kubectl command: its output read as a table, the requests kubectl reported sending. */
  void kubectl(KubectlSession.Output output) {
    table(output.text());
    requests += output.requests().size();
  }

  long bytes() {
    return texts.stream().mapToLong(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
  }

  long tokens() {
    return texts.stream().mapToLong(Tokens::count).sum();
  }
}
