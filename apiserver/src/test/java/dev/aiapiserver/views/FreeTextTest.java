package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Long messages keep what was attempted (head) and why it failed (tail): the root cause of a Go error chain is last. */
class FreeTextTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      Failed to pull image "registry.example.com/shop/web:2.1": rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.com/shop/web:2.1": failed to resolve reference "registry.example.com/shop/web:2.1": unexpected status from HEAD request to https://registry.example.com/v2/shop/web/manifests/2.1: 401 Unauthorized | manifests/2.1: 401 Unauthorized
      Failed to pull image "docker.io/library/nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found | docker.io/library/nginx:1.999: not found
      Failed to pull image "nginx:1.27": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginx:1.27": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:0f04e4f646a3f14bf31d8bc8d885b6c951fdcf42589d06845f64d18aec6a3c4d: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit | 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit
      """)
  void givenAGoErrorChainWhenClippedThenItsHeadAndItsRootCauseSurvive(String message, String cause) {
    String clipped = FreeText.clip(message, FreeText.ITEM);
    assertTrue(clipped.length() <= FreeText.ITEM, clipped);
    assertTrue(clipped.startsWith("Failed to pull image \""), clipped);
    assertTrue(clipped.endsWith(cause), clipped);
    assertTrue(clipped.contains(FreeText.CUT), clipped);
  }

  @Test
  void givenAShortMessageWhenClippedThenOnlyItsWhitespaceIsFlattened() {
    assertEquals("0/3 nodes are available: 3 Insufficient cpu.",
        FreeText.clip("  0/3 nodes are available:\n  3 Insufficient cpu.  ", FreeText.ITEM));
    assertNull(FreeText.clip(" \n ", FreeText.ITEM));
    assertNull(FreeText.clip(null, FreeText.ITEM));
  }

  @Test
  void givenAMessageOfExactlyTheCapWhenClippedThenNothingIsCut() {
    String exact = "x".repeat(FreeText.ITEM);
    assertEquals(exact, FreeText.clip(exact, FreeText.ITEM));
    String longer = "x".repeat(FreeText.ITEM + 1);
    assertEquals(FreeText.ITEM, FreeText.clip(longer, FreeText.ITEM).length());
  }
}
