package dev.lagotto.agent.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock of a state directory ({@value #FILE_NAME}, an OS file lock held for the life of the
 * agent, released by the kernel if the process dies). The file holds the owner's pid for the message a
 * second instance prints. Not reentrant.
 */
public final class StateLock implements AutoCloseable {
  public static final String FILE_NAME = "agent.lock";
  private final FileChannel channel;
  private final FileLock lock;

  private StateLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code stateDir}; throws {@link ConfigException} naming the owner when it is held. */
  public static StateLock acquire(Path stateDir) throws IOException, ConfigException {
    Path file = stateDir.resolve(FILE_NAME);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
      ch.close();
      throw new ConfigException("another lagotto agent" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
          + " is running with state directory " + stateDir + "; stop it first or use another state_dir");
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(false);
    return new StateLock(ch, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
