package dev.lagotto.agent.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lagotto.agent.server.store.Exposure;
import dev.lagotto.agent.server.store.ExposureKey;

/** The shared JSON mapper (strict: duplicate keys and trailing tokens are errors) and the exposure view. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper(
      JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

  private Json() {}

  /** The API's JSON form of an exposure. */
  static ObjectNode exposure(Exposure e) {
    ExposureKey k = e.key();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", e.id());
    node.put("host", k.host());
    ObjectNode source = node.putObject("source");
    source.put("kind", e.kind());
    source.put("uri", k.uri());
    ObjectNode location = node.putObject("location");
    putIfSet(location, "entry", k.entry());
    putIfSet(location, "table", k.table());
    putIfSet(location, "column", k.column());
    node.put("category", k.category());
    node.put("rule", k.rule());
    node.put("fingerprint", k.fingerprint());
    putIfSet(node, "masked", e.masked());
    node.put("count", e.count());
    node.put("first_seen", e.firstSeen().toString());
    node.put("last_seen", e.lastSeen().toString());
    node.put("state", e.state());
    if (e.closedAt() != null) {
      node.put("closed_at", e.closedAt().toString());
    }
    if (e.firstLine() > 0) {
      node.put("first_line", e.firstLine());
      node.put("last_line", e.lastLine());
    }
    node.put("confidence", e.confidence());
    ArrayNode tags = node.putArray("tags");
    e.tags().forEach(tags::add);
    return node;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
