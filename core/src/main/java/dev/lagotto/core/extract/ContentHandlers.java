package dev.lagotto.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The content handlers in the order they are asked: those registered by SPI, by name, then the built-in
 * {@link PlainTextHandler}. A handler that fails to load makes {@link #defaults()} throw (never skipped
 * silently).
 */
public final class ContentHandlers {
  private ContentHandlers() {}

  /** The SPI handlers of this class's class loader, by name, followed by {@link PlainTextHandler}. */
  public static List<ContentHandler> defaults() {
    return with(List.of());
  }

  /**
   * As {@link #defaults()}, with each SPI handler whose name is that of one of {@code configured} replaced by
   * it (e.g. the document handler built with the scan's limits); configured handlers of other names are added.
   */
  public static List<ContentHandler> with(List<ContentHandler> configured) {
    Map<String, ContentHandler> byName = new TreeMap<>();
    for (ContentHandler h : ServiceLoader.load(ContentHandler.class, ContentHandlers.class.getClassLoader())) {
      byName.put(h.name(), h);
    }
    for (ContentHandler h : configured) {
      byName.put(h.name(), h);
    }
    List<ContentHandler> list = new ArrayList<>(byName.values());
    list.add(new PlainTextHandler());
    return List.copyOf(list);
  }
}
