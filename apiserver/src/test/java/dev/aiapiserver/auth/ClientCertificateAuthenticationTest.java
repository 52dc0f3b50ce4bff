package dev.aiapiserver.auth;

import dev.aiapiserver.request.UserInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users with a client certificate from the cluster's client CA, as kubeadm's admin.conf has. */
class ClientCertificateAuthenticationTest {
  private SecuredServer server;

  @BeforeEach
  void start() throws Exception {
    server = new SecuredServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void givenACertificateFromTheClientCa_thenTheUserIsItsCnAndTheGroupsItsOrganizations() {
    TestPki.Issued admin = server.clientCa.client("kubernetes-admin", "system:masters", "ops");

    HttpResponse<String> response = server.get("/apis/ai.k8s.io/v1alpha1/workloadsummaries", admin);

    assertEquals(200, response.statusCode());
    UserInfo user = SecuredServer.identityIn(response);
    assertEquals("kubernetes-admin", user.name());
    assertEquals(List.of("system:masters", "ops", "system:authenticated"), user.groups());
  }

  @Test
  void givenAnExpiredCertificateFromTheClientCa_thenTheAnswerIs401() {
    TestPki.Issued expired = server.clientCa.expiredClient("kubernetes-admin");

    assertEquals(401, server.get("/healthz", expired).statusCode());
  }

  @Test
  void givenACertificateMeantForServersOnly_thenItDoesNotAuthenticateAClient() {
    TestPki.Issued serving = server.clientCa.serverOnly("kubernetes-admin");

    assertEquals(401, server.get("/healthz", serving).statusCode());
  }

  @Test
  void givenACertificateFromAnUnknownCa_thenTheAnswerIs401NotAnonymous() {
    TestPki.Issued stranger = server.rogueCa.client("kubernetes-admin", "system:masters");

    HttpResponse<String> response = server.get("/healthz", stranger);

    assertEquals(401, response.statusCode());
    assertEquals("Unauthorized", StatusBodies.reason(response));
  }
}
