package dev.lagotto.core.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The content handlers in the order they are asked: those registered by SPI, by name, then the built-in
 * {@link PlainTextHandler}. A handler that fails to load makes {@link #defaults()} throw (never skipped
 * silently).
 */
public final class ContentHandlers {
  private ContentHandlers() {}

  /** The SPI handlers of this class's class loader, by name, followed by {@link PlainTextHandler}. */
  public static List<ContentHandler> defaults() {
    List<ContentHandler> list = new ArrayList<>();
    for (ContentHandler h : ServiceLoader.load(ContentHandler.class, ContentHandlers.class.getClassLoader())) {
      list.add(h);
    }
    list.sort(Comparator.comparing(ContentHandler::name));
    list.add(new PlainTextHandler());
    return List.copyOf(list);
  }
}
