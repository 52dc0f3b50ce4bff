package dev.aiapiserver.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Polls a condition until it holds or a deadline passes: the tests' one way to wait, never a sleep. */
public final class Await {
  private Await() {}

  /** A condition that may fail to check yet (e.g. a server not listening: IOException). */
  public interface Check {
    boolean holds() throws Exception;
  }

  /**
   * @param what what is awaited, for the failure message
   * @param diagnostics more to say when it times out (e.g. a process's stderr), or null
   */
  public static void until(String what, Duration timeout, Check check, Diagnostics diagnostics) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not reachable yet: keep polling
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what
            + (diagnostics == null ? "" : "\n" + diagnostics.describe()));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  public static void until(String what, Duration timeout, Check check) throws Exception {
    until(what, timeout, check, null);
  }

  /** Extra context for a timeout message. */
  public interface Diagnostics {
    String describe() throws Exception;
  }
}
