package dev.aiapiserver.http;

import java.time.Duration;

/**
 * Watch limits: how far a watcher may fall behind before it is closed (it relists), how often
 * bookmarks go out, and the server-side timeout when the client gives none (kube-apiserver picks
 * a random one between the minimum and twice it, so clients do not reconnect in lockstep).
 */
public record WatchSettings(int maxPendingEvents, Duration bookmarkInterval, Duration minRequestTimeout) {
  public static final WatchSettings DEFAULTS = new WatchSettings(10_000, Duration.ofMinutes(1),
      Duration.ofMinutes(30));
}
