package dev.lagotto.agent.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.agent.server.store.Exposure;
import dev.lagotto.agent.server.store.ExposureFields;
import dev.lagotto.agent.server.store.ExposureKey;
import dev.lagotto.agent.server.store.SourceEvent;
import dev.lagotto.core.rule.Category;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates an NDJSON batch of findings line by line and turns it into observations. The line format is
 * the {@code lagotto scan --format jsonl} record ({@code type finding|skipped|summary}) plus the agent's
 * aggregation fields {@code count}, {@code first_seen}, {@code last_seen} and optional {@code tags}.
 * {@code summary} lines and {@code skipped} lines are accepted and not indexed, except a {@code skipped} line
 * with {@code "reason":"deleted"} (the agent found a scanned file gone), which becomes a
 * {@link SourceEvent.Type#GONE} event at its {@code time}. The agent's source lines {@code present} (unchanged
 * since last read: {@link SourceEvent.Type#PRESENT}) and {@code rescanned} (read again completely: what it did
 * not report at {@code time} is {@link SourceEvent.Type#GONE}) carry {@code source} and {@code time} only.
 * A finding's {@code count} may be 0 (seen again, no new occurrence). The first bad line rejects the
 * whole batch; a {@code value} field anywhere is rejected because the index never stores raw values.
 * Error messages name the line and field, never the content. Cost: linear in the body. Thread-safe.
 */
final class BatchParser {
  static final long MAX_COUNT = 1_000_000_000_000L;
  static final int MAX_FIELD_CHARS = 4096;
  static final int MAX_MASKED_CHARS = 256;
  static final int MAX_TAG_CHARS = 64;
  static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);

  private static final Set<String> FINDING_FIELDS = Set.of("type", "category", "rule", "confidence", "source",
      "location", "masked", "fingerprint", "count", "first_seen", "last_seen", "tags", "rows_matched",
      "rows_sampled", "evidence");
  private static final Set<String> SOURCE_FIELDS = Set.of("kind", "uri", "host");
  private static final Set<String> SOURCE_EVENT_FIELDS = Set.of("type", "source", "time");
  private static final String DELETED = "deleted";
  private static final Set<String> LOCATION_FIELDS =
      Set.of("line", "last_line", "column", "offset", "length", "entry", "field", "extracted", "table", "row");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:=/\\-]{1," + MAX_TAG_CHARS + "}");
  private static final Pattern KIND = Pattern.compile("[a-z0-9_\\-]{1,32}");

  private final Clock clock;

  BatchParser(Clock clock) {
    this.clock = clock;
  }

  /** What a batch body holds: observations and source events, each in line order. */
  record Lines(List<Exposure> observations, List<SourceEvent> events) {}

  /** The observations and source events of a batch body; throws a 400 {@link HttpError} naming the first bad line. */
  Lines parse(byte[] body) throws HttpError {
    Instant now = clock.instant();
    List<Exposure> observations = new ArrayList<>();
    List<SourceEvent> events = new ArrayList<>();
    int start = 0;
    long line = 0;
    while (start < body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      line++;
      int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
      if (!blank(body, start, stop)) {
        Object parsed = parseLine(body, start, stop - start, line, now);
        if (parsed instanceof Exposure e) {
          observations.add(e);
        } else if (parsed instanceof SourceEvent e) {
          events.add(e);
        }
      }
      start = end + 1;
    }
    if (observations.isEmpty() && line == 0) {
      throw new HttpError(400, "empty batch");
    }
    return new Lines(observations, events);
  }

  /** An {@link Exposure}, a {@link SourceEvent} or {@code null} (a line that is accepted and not indexed). */
  private Object parseLine(byte[] body, int offset, int length, long line, Instant now) throws HttpError {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(body, offset, length);
    } catch (JsonProcessingException e) {
      throw bad(line, "not a valid JSON object" + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw bad(line, "not a valid JSON object");
    }
    if (node == null || !node.isObject()) {
      throw bad(line, "not a JSON object");
    }
    if (containsValue(node)) {
      throw bad(line, "field 'value' is not accepted: the index never stores raw values (scan without --reveal)");
    }
    String type = text(node, "type", line, true);
    switch (type) {
      case "finding":
        return finding(node, line, now);
      case "skipped":
        return DELETED.equals(node.path("reason").textValue()) ? sourceEvent(node, SourceEvent.Type.GONE, line, now, true)
            : null;
      case "present":
        return sourceEvent(node, SourceEvent.Type.PRESENT, line, now, false);
      case "rescanned":
        return sourceEvent(node, SourceEvent.Type.GONE, line, now, false);
      case "summary":
        return null;
      default:
        throw bad(line, "unknown type; expected finding, skipped, present, rescanned or summary");
    }
  }

  private SourceEvent sourceEvent(JsonNode node, SourceEvent.Type type, long line, Instant now, boolean skippedLine)
      throws HttpError {
    if (!skippedLine) {
      unknownFields(node, SOURCE_EVENT_FIELDS, "", line);
    }
    JsonNode source = object(node, "source", line, true);
    unknownFields(source, SOURCE_FIELDS, "source.", line);
    String uri = text(source, "uri", line, true);
    String host = ExposureFields.normaliseHost(text(source, "host", line, true));
    return new SourceEvent(type, host, uri, time(node, "time", line, now));
  }

  private Exposure finding(JsonNode node, long line, Instant now) throws HttpError {
    unknownFields(node, FINDING_FIELDS, "", line);
    String categoryId = text(node, "category", line, true);
    if (Category.fromId(categoryId).isEmpty()) {
      throw bad(line, "field 'category' is not a known category");
    }
    String rule = text(node, "rule", line, true);
    if (!RULE.matcher(rule).matches()) {
      throw bad(line, "field 'rule' must match " + RULE.pattern());
    }
    JsonNode conf = node.get("confidence");
    if (conf == null || !conf.isNumber() || !(conf.doubleValue() >= 0 && conf.doubleValue() <= 1)) {
      throw bad(line, "field 'confidence' must be a number in 0..1");
    }
    JsonNode source = object(node, "source", line, true);
    unknownFields(source, SOURCE_FIELDS, "source.", line);
    String kind = text(source, "kind", line, true);
    if (!KIND.matcher(kind).matches()) {
      throw bad(line, "field 'source.kind' must match " + KIND.pattern());
    }
    String uri = text(source, "uri", line, true);
    String host = ExposureFields.normaliseHost(text(source, "host", line, true));
    JsonNode location = object(node, "location", line, false);
    String entry = null;
    String table = null;
    String column = null;
    long firstLine = 0;
    long lastLine = 0;
    if (location != null) {
      unknownFields(location, LOCATION_FIELDS, "location.", line);
      entry = text(location, "entry", line, false);
      table = text(location, "table", line, false);
      JsonNode col = location.get("column");
      if (table != null) {
        column = text(location, "column", line, false);
      } else if (col != null && !col.isIntegralNumber()) {
        throw bad(line, "field 'location.column' must be a whole number for text sources");
      }
      firstLine = whole(location, "line", 1, Long.MAX_VALUE, 0, line);
      lastLine = whole(location, "last_line", 1, Long.MAX_VALUE, firstLine, line);
      if (lastLine < firstLine) {
        throw bad(line, "field 'location.last_line' is below 'location.line'");
      }
    }
    String masked = text(node, "masked", line, true);
    if (masked.length() > MAX_MASKED_CHARS) {
      throw bad(line, "field 'masked' is longer than " + MAX_MASKED_CHARS + " characters");
    }
    String fingerprint = text(node, "fingerprint", line, true);
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw bad(line, "field 'fingerprint' must be 64 lower-case hex digits (HMAC-SHA256)");
    }
    long count = whole(node, "count", 0, MAX_COUNT, 1, line);
    whole(node, "rows_matched", 0, Long.MAX_VALUE, 0, line);
    whole(node, "rows_sampled", 0, Long.MAX_VALUE, 0, line);
    stringArray(node, "evidence", line);
    Instant firstSeen = time(node, "first_seen", line, now);
    Instant lastSeen = time(node, "last_seen", line, now);
    if (node.get("first_seen") == null && node.get("last_seen") != null) {
      firstSeen = lastSeen;
    }
    if (node.get("last_seen") == null && node.get("first_seen") != null) {
      lastSeen = firstSeen;
    }
    if (firstSeen.isAfter(lastSeen)) {
      throw bad(line, "field 'first_seen' is after 'last_seen'");
    }
    List<String> tags = stringArray(node, "tags", line);
    if (tags.size() > Exposure.MAX_TAGS) {
      throw bad(line, "field 'tags' has more than " + Exposure.MAX_TAGS + " tags");
    }
    for (String tag : tags) {
      if (!TAG.matcher(tag).matches()) {
        throw bad(line, "field 'tags' holds a tag that does not match " + TAG.pattern());
      }
    }
    ExposureKey key = new ExposureKey(host, uri, entry, table, column, categoryId, rule, fingerprint);
    return new Exposure(key, kind, conf.doubleValue(), masked, count, firstSeen, lastSeen, firstLine, lastLine, tags);
  }

  private static boolean containsValue(JsonNode node) {
    if (node.isObject() && node.has("value")) {
      return true;
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      if (containsValue(it.next())) {
        return true;
      }
    }
    return false;
  }

  private Instant time(JsonNode node, String field, long line, Instant now) throws HttpError {
    JsonNode v = node.get(field);
    if (v == null) {
      return now;
    }
    if (!v.isTextual()) {
      throw bad(line, "field '" + field + "' must be an ISO-8601 time string");
    }
    Instant t;
    try {
      t = OffsetDateTime.parse(v.textValue()).toInstant();
    } catch (DateTimeException e) {
      throw bad(line, "field '" + field + "' must be an ISO-8601 time with offset, e.g. 2026-01-31T12:00:00Z");
    }
    if (t.isAfter(now.plus(MAX_FUTURE_SKEW))) {
      throw bad(line, "field '" + field + "' is more than " + MAX_FUTURE_SKEW.toHours() + " h in the future");
    }
    return t;
  }

  private static void unknownFields(JsonNode node, Set<String> allowed, String prefix, long line) throws HttpError {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw bad(line, "unknown field '" + prefix + safeName(name) + "'");
      }
    }
  }

  private static String safeName(String name) {
    return name.length() > 40 || !name.matches("[A-Za-z0-9_]*") ? "(unprintable)" : name;
  }

  private static String text(JsonNode node, String field, long line, boolean required) throws HttpError {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw bad(line, "field '" + field + "' is missing");
      }
      return null;
    }
    if (!v.isTextual() || v.textValue().isEmpty()) {
      throw bad(line, "field '" + field + "' must be a non-empty string");
    }
    if (v.textValue().length() > MAX_FIELD_CHARS) {
      throw bad(line, "field '" + field + "' is longer than " + MAX_FIELD_CHARS + " characters");
    }
    return v.textValue();
  }

  private static JsonNode object(JsonNode node, String field, long line, boolean required) throws HttpError {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw bad(line, "field '" + field + "' is missing");
      }
      return null;
    }
    if (!v.isObject()) {
      throw bad(line, "field '" + field + "' must be an object");
    }
    return v;
  }

  private static long whole(JsonNode node, String field, long min, long max, long absent, long line) throws HttpError {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      throw bad(line, "field '" + field + "' must be a whole number in " + min + ".." + max);
    }
    return v.longValue();
  }

  private static List<String> stringArray(JsonNode node, String field, long line) throws HttpError {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw bad(line, "field '" + field + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw bad(line, "field '" + field + "' must be an array of strings");
      }
      out.add(item.textValue());
    }
    return out;
  }

  private static boolean blank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] != ' ' && body[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static HttpError bad(long line, String message) {
    return new HttpError(400, "line " + line + ": " + message, line);
  }
}
