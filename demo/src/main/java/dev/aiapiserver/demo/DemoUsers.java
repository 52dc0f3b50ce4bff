package dev.aiapiserver.demo;

import dev.aiapiserver.auth.UserInfo;
import io.fabric8.kubernetes.api.model.authentication.UserInfoBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's two people and their bearer tokens, new random ones at every start: {@code admin}
 * may do anything (system:masters), {@code agent} may read only the namespace shop. Both the front door and the mock's
 * TokenReview answer from this table, as a cluster's token authenticator would.
 */
public record DemoUsers(String adminToken, String agentToken) {
  public static final String ADMIN = "admin";
  public static final String AGENT = "agent";

  /** kube-apiserver adds this group to every authenticated user. */
  static final String AUTHENTICATED = "system:authenticated";

  /** The group kube-apiserver's bootstrap policy binds to cluster-admin (kubeadm's admin is in it). */
  static final String MASTERS = "system:masters";

  private static final SecureRandom RANDOM = new SecureRandom();

  public static DemoUsers generate() {
    return new DemoUsers(newToken(), newToken());
  }

  /** Token to identity, as TokenReview answers it. */
  public Map<String, UserInfo> tokens() {
    return Map.of(adminToken, user(ADMIN, MASTERS, AUTHENTICATED),
        agentToken, user(AGENT, AUTHENTICATED));
  }

  /** The same table as the mock's TokenReview answers it. */
  public Map<String, io.fabric8.kubernetes.api.model.authentication.UserInfo> reviewedTokens() {
    return Map.of(adminToken, wire(tokens().get(adminToken)),
        agentToken, wire(tokens().get(agentToken)));
  }

  /** The user a bearer token stands for; empty for an unknown token. */
  public Optional<UserInfo> authenticate(String token) {
    return Optional.ofNullable(token).map(t -> tokens().get(t));
  }

  private static UserInfo user(String name, String... groups) {
    return new UserInfo(name, "demo-" + name, List.of(groups), Map.of());
  }

  private static io.fabric8.kubernetes.api.model.authentication.UserInfo wire(UserInfo user) {
    return new UserInfoBuilder().withUsername(user.name()).withUid(user.uid())
        .withGroups(user.groups()).withExtra(user.extra()).build();
  }

  /** 192 random bits, URL-safe: a bearer token nobody guesses. */
  static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "DemoUsers[admin, agent]"; // never print the tokens into logs
  }
}
