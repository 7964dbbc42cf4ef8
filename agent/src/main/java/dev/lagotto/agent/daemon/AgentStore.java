package dev.lagotto.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lagotto.agent.support.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The agent's checkpoints: tail offsets by file key and the last scan of every tree file. Persisted in
 * {@value #FILE_NAME} (atomic replace) stamped with the spool sequence of the last journal frame it
 * includes; journal frames above that sequence are replayed at start-up, so a crash between spooling and
 * saving loses nothing and replays nothing twice. Thread-safe (synchronized); persisting costs a rewrite
 * of the whole file, linear in the number of tracked files.
 */
public final class AgentStore {
  public static final String FILE_NAME = "state.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, TailCheckpoint> tails = new HashMap<>();
  private final Map<String, Map<String, TreeEntry>> trees = new HashMap<>();
  private long seq;
  private volatile long durableSeq;
  private boolean dirty;

  private AgentStore(Path file) {
    this.file = file;
  }

  /** The store saved in {@code stateDir}, or an empty one. */
  public static AgentStore open(Path stateDir) throws IOException {
    AgentStore s = new AgentStore(stateDir.resolve(FILE_NAME));
    if (Files.exists(s.file)) {
      JsonNode root = JSON.readTree(s.file.toFile());
      s.seq = root.path("seq").asLong();
      for (JsonNode t : root.path("tail")) {
        TailCheckpoint cp = tail(t);
        s.tails.put(cp.fileKey(), cp);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("trees").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> tree = it.next();
        Map<String, TreeEntry> files = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> f = tree.getValue().fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> e = f.next();
          files.put(e.getKey(), entry(e.getValue()));
        }
        s.trees.put(tree.getKey(), files);
      }
      s.durableSeq = s.seq;
    }
    return s;
  }

  /** The spool sequence the saved file covers. */
  public long durableSeq() {
    return durableSeq;
  }

  /** Applies {@code updates}, journalled in the spool frame {@code frameSeq}. */
  public synchronized void apply(List<StateUpdate> updates, long frameSeq) {
    for (StateUpdate u : updates) {
      if (u instanceof StateUpdate.Tail t) {
        tails.put(t.checkpoint().fileKey(), t.checkpoint());
      } else if (u instanceof StateUpdate.TailDone d) {
        tails.remove(d.fileKey());
      } else if (u instanceof StateUpdate.Tree t) {
        trees.computeIfAbsent(t.root(), r -> new HashMap<>()).put(t.path(), t.entry());
      } else if (u instanceof StateUpdate.TreeGone g) {
        Map<String, TreeEntry> files = trees.get(g.root());
        if (files != null) {
          files.remove(g.path());
        }
      }
    }
    seq = Math.max(seq, frameSeq);
    dirty = true;
  }

  /** Writes the file when anything changed since the last save. */
  public void save() throws IOException {
    byte[] content;
    long savedSeq;
    synchronized (this) {
      if (!dirty) {
        return;
      }
      ObjectNode root = JSON.createObjectNode();
      root.put("seq", seq);
      ArrayNode tail = root.putArray("tail");
      tails.values().forEach(cp -> tail.add(node(cp)));
      ObjectNode treesNode = root.putObject("trees");
      trees.forEach((r, files) -> {
        ObjectNode n = treesNode.putObject(r);
        files.forEach((p, e) -> n.set(p, node(e)));
      });
      content = JSON.writeValueAsBytes(root);
      savedSeq = seq;
      dirty = false;
    }
    DurableFiles.writeAtomically(file, content);
    durableSeq = savedSeq;
  }

  /** The checkpoint of the file with this key, or {@code null}. */
  public synchronized TailCheckpoint tail(String fileKey) {
    return tails.get(fileKey);
  }

  /** Every tail checkpoint. */
  public synchronized List<TailCheckpoint> tails() {
    return new ArrayList<>(tails.values());
  }

  /** A copy of the file entries of one tree. */
  public synchronized Map<String, TreeEntry> tree(String root) {
    return new HashMap<>(trees.getOrDefault(root, Map.of()));
  }

  /** The journal payload of {@code updates}. */
  public static byte[] encode(List<StateUpdate> updates) throws IOException {
    ArrayNode list = JSON.createArrayNode();
    for (StateUpdate u : updates) {
      ObjectNode n = list.addObject();
      if (u instanceof StateUpdate.Tail t) {
        n.put("op", "tail").set("cp", node(t.checkpoint()));
      } else if (u instanceof StateUpdate.TailDone d) {
        n.put("op", "tail_done").put("key", d.fileKey());
      } else if (u instanceof StateUpdate.Tree t) {
        n.put("op", "tree").put("root", t.root()).put("path", t.path()).set("entry", node(t.entry()));
      } else if (u instanceof StateUpdate.TreeGone g) {
        n.put("op", "tree_gone").put("root", g.root()).put("path", g.path());
      }
    }
    return JSON.writeValueAsBytes(list);
  }

  /** The updates of a journal payload. */
  public static List<StateUpdate> decode(byte[] payload) throws IOException {
    List<StateUpdate> out = new ArrayList<>();
    for (JsonNode n : JSON.readTree(payload)) {
      switch (n.path("op").asText()) {
        case "tail" -> out.add(new StateUpdate.Tail(tail(n.path("cp"))));
        case "tail_done" -> out.add(new StateUpdate.TailDone(n.path("key").asText()));
        case "tree" -> out.add(new StateUpdate.Tree(n.path("root").asText(), n.path("path").asText(), entry(n.path("entry"))));
        case "tree_gone" -> out.add(new StateUpdate.TreeGone(n.path("root").asText(), n.path("path").asText()));
        default -> throw new IOException("unknown journal operation");
      }
    }
    return out;
  }

  private static ObjectNode node(TailCheckpoint cp) {
    return JSON.createObjectNode().put("path", cp.path()).put("key", cp.fileKey()).put("offset", cp.offset())
        .put("line", cp.line()).put("head_crc", cp.headCrc()).put("head_length", cp.headLength());
  }

  private static TailCheckpoint tail(JsonNode n) {
    return new TailCheckpoint(n.path("path").asText(), n.path("key").asText(), n.path("offset").asLong(),
        n.path("line").asLong(1), n.path("head_crc").asLong(), n.path("head_length").asInt());
  }

  private static ObjectNode node(TreeEntry e) {
    ObjectNode n = JSON.createObjectNode().put("key", e.fileKey()).put("size", e.size()).put("mtime", e.mtimeMillis());
    ObjectNode counts = n.putObject("counts");
    e.counts().forEach(counts::put);
    if (e.contentHash() != null) {
      n.put("sha256", e.contentHash());
    }
    return n;
  }

  private static TreeEntry entry(JsonNode n) {
    Map<String, Long> counts = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("counts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> c = it.next();
      counts.put(c.getKey(), c.getValue().asLong());
    }
    return new TreeEntry(n.path("key").asText(), n.path("size").asLong(), n.path("mtime").asLong(), counts,
        n.hasNonNull("sha256") ? n.get("sha256").asText() : null);
  }
}
