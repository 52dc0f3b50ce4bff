package dev.aiapiserver.auth;

import dev.aiapiserver.request.UserInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An operator reads who did what and what was decided — and never a credential. */
class AuditLogTest {
  private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
  private SecuredServer server;

  @BeforeEach
  void start() throws Exception {
    audit.start();
    ((Logger) LoggerFactory.getLogger("audit")).addAppender(audit);
    server = new SecuredServer();
  }

  @AfterEach
  void stop() throws Exception {
    ((Logger) LoggerFactory.getLogger("audit")).detachAppender(audit);
    server.close();
  }

  private String onlyLine() {
    Eventually.await(Duration.ofSeconds(5), "one audit line", () -> audit.list.size() == 1);
    return audit.list.get(0).getFormattedMessage();
  }

  @Test
  void givenADeniedTokenRequest_thenOneLineSaysWhoWhatDenyAnd403WithoutTheToken() {
    server.get("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/web", null,
        "Authorization", "Bearer alice-token");

    String line = onlyLine();
    assertTrue(line.startsWith("user=alice groups=dev,system:authenticated verb=get resource=workloadsummaries"
        + " namespace=shop name=web decision=deny code=403 latencyMs="), line);
    assertFalse(line.contains("alice-token"), line);
  }

  @Test
  void givenAForwardedRequest_thenTheLineHasTheIdentityButNoHeaderValue() {
    server.get("/openapi/v2", server.frontProxy, "X-Remote-User", "system:aggregator",
        "X-Remote-Extra-Reason", "rotate-credentials-now");

    String line = onlyLine();
    assertTrue(line.startsWith("user=system:aggregator groups=system:authenticated verb=get path=/openapi/v2"
        + " decision=allow code=200"), line);
    assertFalse(line.contains("rotate-credentials-now"), line);
  }

  @Test
  void givenARequestRefusedBeforeAuthorization_thenTheDecisionIsNotApplicable() {
    server.get("/openapi/v2", null, "Authorization", "Bearer not-a-token");

    String line = onlyLine();
    assertTrue(line.contains(" decision=n-a code=401 "), line);
    assertFalse(line.contains("not-a-token"), line);
  }

  @Test
  void givenAUserNameWithALineBreak_thenItCannotForgeASecondAuditLine() {
    server.reviews.putToken("mallory-token",
        new UserInfo("mallory\nuser=admin decision=allow", "", List.of(), java.util.Map.of()));

    server.get("/healthz", null, "Authorization", "Bearer mallory-token");

    String line = onlyLine();
    assertFalse(line.contains("\n"), line);
    assertEquals(1, audit.list.size());
  }
}
