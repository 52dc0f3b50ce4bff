package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Secrets planted in the shop namespace where real clusters keep them: a Secret, a ConfigMap,
 * env values, command-line flags and the last-applied-configuration annotation — and where
 * components repeat them: a kubelet event quoting a lifecycle hook's URL. Each value is
 * unique and token-looking, so a test can search every answer of the server for it: none may
 * ever appear.
 */
final class SecretCanaries {
  static final String DATABASE_PASSWORD = "pw-DEMO-canary-7Hq2xV9kLm4R";
  static final String SESSION_SECRET = "sess-DEMO-canary-Zp81QwE5tY3u";
  static final String API_TOKEN_FLAG = "tok-DEMO-canary-Fa0c9B7d6E5f";
  static final String CONFIG_API_KEY = "key-DEMO-canary-Lr6Tn2Ws8Yx0";
  static final String PAYMENT_KEY = "pk-DEMO-canary-Jc3Vb5Nm7Qa9";
  /** In a message only: the caches never saw it in any spec, so only the redactor can cut it out. */
  static final String HOOK_TOKEN = "tok-DEMO-canary-Qm4Wz8Rt2Yp6";

  /** Every planted value; none may leave the server. */
  static final List<String> ALL =
      List.of(DATABASE_PASSWORD, SESSION_SECRET, API_TOKEN_FLAG, CONFIG_API_KEY, PAYMENT_KEY, HOOK_TOKEN);

  private SecretCanaries() {}

  static void seedShop(Seeding seeding) {
    seeding.create(new SecretBuilder().withNewMetadata().withName("shop-db")
        .withNamespace(ShopWorkloads.NAMESPACE).endMetadata().withType("Opaque")
        .addToData("username", base64("shop"))
        .addToData("password", base64(DATABASE_PASSWORD)).build());
    seeding.create(new SecretBuilder().withNewMetadata().withName("payment-keys")
        .withNamespace(ShopWorkloads.NAMESPACE).endMetadata().withType("Opaque")
        .addToData("stripe-key", base64(PAYMENT_KEY)).build());
    seeding.create(new ConfigMapBuilder().withNewMetadata().withName("web-config")
        .withNamespace(ShopWorkloads.NAMESPACE).endMetadata()
        .addToData("upstream", "http://cart.shop.svc:80")
        .addToData("recommendations-api-key", CONFIG_API_KEY).build());
  }

  /**
   * The kubelet's event when a container's preStop HTTP hook fails, in its own words
   * (pkg/kubelet/lifecycle): the hook's path is quoted, and with it a token in the query string.
   */
  static void preStopHookFailed(Seeding seeding, io.fabric8.kubernetes.api.model.Pod pod, String container) {
    String ip = pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "10.244.1.17"
        : pod.getStatus().getPodIP();
    String path = "/drain?token=" + HOOK_TOKEN;
    seeding.warning(pod, "spec.containers{" + container + "}", "FailedPreStopHook",
        "HTTP lifecycle hook (" + path + ") for Container \"" + container + "\" in Pod \""
            + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "("
            + pod.getMetadata().getUid() + ")\" failed - error: Get \"http://" + ip + ":8080" + path
            + "\": dial tcp " + ip + ":8080: connect: connection refused, message: \"\"",
        3, java.time.Duration.ofHours(3), java.time.Duration.ofMinutes(6), "kubelet", pod.getSpec().getNodeName());
  }

  /** The container with secrets in env values, env references, command and args. */
  static Container leakyContainer(Container container) {
    return new ContainerBuilder(container)
        .withCommand("/docker-entrypoint.sh", "--db-password=" + DATABASE_PASSWORD)
        .withArgs("nginx", "-g", "daemon off;", "--api-token=" + API_TOKEN_FLAG)
        .addNewEnv().withName("SESSION_SECRET").withValue(SESSION_SECRET).endEnv()
        .addNewEnv().withName("DATABASE_URL")
        .withValue("postgres://shop:" + DATABASE_PASSWORD + "@ledger-db.payments:5432/shop").endEnv()
        .addNewEnv().withName("STRIPE_KEY").withNewValueFrom().withNewSecretKeyRef()
        .withName("payment-keys").withKey("stripe-key").endSecretKeyRef().endValueFrom().endEnv()
        .addNewEnvFrom().withNewConfigMapRef().withName("web-config").endConfigMapRef().endEnvFrom()
        .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
        .withNewReadinessProbe().withNewHttpGet().withPath("/healthz")
        .withNewPort(8080).endHttpGet().withPeriodSeconds(10).endReadinessProbe()
        .build();
  }

  /** What kubectl apply stores: the whole applied object, secrets included. */
  static String lastApplied(String namespace, String name, PodTemplateSpec template) {
    return Serialization.asJson(new DeploymentBuilder().withNewMetadata().withName(name)
        .withNamespace(namespace).endMetadata()
        .withNewSpec().withReplicas(3).withNewSelector()
        .withMatchLabels(template.getMetadata().getLabels()).endSelector()
        .withTemplate(template).endSpec().build());
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
