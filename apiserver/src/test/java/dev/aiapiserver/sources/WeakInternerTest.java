package dev.aiapiserver.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.aiapiserver.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakInternerTest {
  private final WeakInterner interner = new WeakInterner();

  @Test
  void givenEqualValues_whenInterned_thenTheFirstIsAnsweredForAll() {
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) { // enough to make the table grow several times
      first.add(interner.intern(new String("part-" + i)));
    }
    for (int i = 0; i < 5_000; i++) {
      String again = new String("part-" + i);
      assertSame(first.get(i), interner.intern(again));
    }
    assertEquals(5_000, interner.size());
    assertNotSame(first.get(0), interner.intern(new String("part-new")));
  }

  @Test
  void givenAValueNoLongerUsed_whenCollected_thenTheInternerForgetsIt() throws Exception {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String part = interner.intern(new String("part-" + i));
      if (i % 2 == 0) {
        kept.add(part);
      }
    }

    Await.until("the unused half is collected and dropped", Duration.ofSeconds(30), () -> {
      System.gc();
      return interner.size() == 50;
    });
    assertSame(kept.get(0), interner.intern(new String("part-0")));
  }
}
