package dev.lagotto.core.extract;

import java.io.IOException;
import java.io.InputStream;

/** The fast path: text content is scanned as it is, without extraction. Stateless. */
public final class PlainTextHandler implements ContentHandler {
  public static final String NAME = "text";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(ContentType type) {
    return type.kind() == ContentType.Kind.TEXT;
  }

  @Override
  public void read(InputStream in, ContentType type, TextTarget target) throws IOException {
    target.text(in, null, false);
  }
}
