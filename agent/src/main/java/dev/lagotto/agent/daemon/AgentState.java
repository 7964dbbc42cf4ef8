package dev.lagotto.agent.daemon;

/** The life of an {@link Agent}: only ever moves forward, in this order. */
public enum AgentState {
  /** Lock taken, state recovered, threads starting; nothing read yet. */
  STARTING,
  /** Tailing, scanning, spooling and reporting. */
  RUNNING,
  /** Sources stopped; the last findings are being spooled and the reporter gets a bounded time to deliver. */
  DRAINING,
  /** Every thread stopped, state persisted, lock released. */
  STOPPED
}
