package dev.lagotto.core.extract.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An {@link ExtractVisitor} that records every call, reading each text unit whole as UTF-8. */
final class Recorder implements ExtractVisitor {

  record Unit(String entryPath, String field, boolean extracted, String mediaType, String text) {}

  record Skip(String entryPath, SkipReason reason, String detail) {}

  record Geo(String entryPath, double latitude, double longitude) {}

  final List<Unit> units = new ArrayList<>();
  final List<Skip> skips = new ArrayList<>();
  final List<Geo> geos = new ArrayList<>();

  /** What {@code extractor} reports for {@code file}. */
  static Recorder of(DocumentExtractor extractor, java.nio.file.Path file) throws IOException {
    Recorder r = new Recorder();
    extractor.extract(file, r);
    return r;
  }

  @Override
  public void text(TextUnit unit, InputStream text) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try {
      byte[] buffer = new byte[8192];
      for (int n; (n = text.read(buffer)) > 0; ) {
        read.write(buffer, 0, n);
      }
    } finally {
      units.add(new Unit(unit.entryPath(), unit.field(), unit.extracted(), unit.mediaType(),
          read.toString(StandardCharsets.UTF_8)));
    }
  }

  @Override
  public void geo(String entryPath, double latitude, double longitude) {
    geos.add(new Geo(entryPath, latitude, longitude));
  }

  @Override
  public void skipped(String entryPath, SkipReason reason, String detail) {
    skips.add(new Skip(entryPath, reason, detail));
  }

  /** The body unit (field null) of an entry path; fails when there is none or several. */
  Unit body(String entryPath) {
    return only(entryPath, null);
  }

  /** The unit of one metadata field of an entry path. */
  Unit field(String entryPath, String field) {
    return only(entryPath, field);
  }

  /** Skips as "path|REASON" strings, in order, for exact assertions. */
  List<String> skipKeys() {
    return skips.stream().map(s -> s.entryPath() + "|" + s.reason()).toList();
  }

  /** Units as "path|field|extracted" strings, in order. */
  List<String> unitKeys() {
    return units.stream().map(u -> u.entryPath() + "|" + u.field() + "|" + u.extracted()).toList();
  }

  private Unit only(String entryPath, String field) {
    List<Unit> found = units.stream()
        .filter(u -> Objects.equals(u.entryPath(), entryPath) && Objects.equals(u.field(), field)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one unit " + entryPath + "|" + field + " but got " + unitKeys());
    }
    return found.get(0);
  }
}
