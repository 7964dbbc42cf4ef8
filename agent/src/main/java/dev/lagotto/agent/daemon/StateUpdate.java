package dev.lagotto.agent.daemon;

/**
 * One change of the agent's checkpoints, journalled in the spool in the same fsync as the exposures it
 * covers, then applied to the {@link AgentStore}. A closed set.
 */
public sealed interface StateUpdate {
  /** A tailed file has been read and spooled up to the checkpoint. */
  record Tail(TailCheckpoint checkpoint) implements StateUpdate {}

  /** A tailed file is finished (rotated away and read to its end). */
  record TailDone(String fileKey) implements StateUpdate {}

  /** A file of a tree has been scanned and spooled. */
  record Tree(String root, String path, TreeEntry entry) implements StateUpdate {}

  /** A file of a tree is gone and was reported deleted. */
  record TreeGone(String root, String path) implements StateUpdate {}
}
