package dev.lagotto.agent.server.store;

import java.io.IOException;

/** Receives exposures streamed by {@link ExposureStore#export}; called from the exporting thread only. */
public interface ExposureSink {

  /** Called once, after the query was parsed and before the first exposure (e.g. to send headers). */
  default void begin() throws IOException {}

  /** Called once per matching exposure, in index order. */
  void accept(Exposure exposure) throws IOException;
}
