package dev.lagotto.agent.cli;

import dev.lagotto.core.extract.ContentHandler;
import dev.lagotto.core.extract.ContentType;
import dev.lagotto.core.extract.SourceFault;
import dev.lagotto.core.extract.TextTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A document format made up for tests of the content-handler extension point, registered by SPI in the
 * test class path: a binary file starting with {@link #MAGIC}, then lines {@code entry|field|text} (empty
 * field: body text) or {@code !reason} (the document cannot be read).
 */
public final class FakeDocumentHandler implements ContentHandler {
  static final String MAGIC = "\0FAKEDOC\n";

  @Override
  public String name() {
    return "fake-document";
  }

  @Override
  public boolean accepts(ContentType type) {
    byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
    if (type.kind() != ContentType.Kind.BINARY || type.headLength() < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (type.head()[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void read(InputStream in, ContentType type, TextTarget target) throws IOException {
    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).substring(MAGIC.length());
    for (String line : body.split("\n")) {
      if (line.startsWith("!")) {
        throw new SourceFault(line.substring(1));
      }
      String[] parts = line.split("\\|", 3);
      target.text(new ByteArrayInputStream(parts[2].getBytes(StandardCharsets.UTF_8)), parts[0],
          parts[1].isEmpty() ? null : parts[1], true);
    }
  }
}
