package dev.aiapiserver;

import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.KeyAlgorithm;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.CertsOptions;
import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.APIServiceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code ai-apiserver certs}: a new CA and a serving certificate for the Service behind the
 * APIService, written as PEM files and as the two manifests a kustomization (or kubectl) applies:
 * the TLS Secret the Deployment mounts and the APIService caBundle patch that lets kube-apiserver
 * trust the server.
 */
final class CertsCommand {
  static final String SECRET_NAME = "ai-apiserver-tls";
  static final String API_SERVICE_NAME = "v1alpha1.ai.k8s.io";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private CertsCommand() {}

  static int run(CertsOptions options, PrintStream out, PrintStream err) {
    // The CA outlives the serving certificate, so the next one can be issued under the same trust.
    Duration caValidity =
        options.validity().compareTo(CertificateAuthority.DEFAULT_VALIDITY) > 0
            ? options.validity().plusDays(1)
            : CertificateAuthority.DEFAULT_VALIDITY;
    CertificateAuthority ca =
        CertificateAuthority.generate(
            options.service() + "-ca@" + Instant.now().getEpochSecond(),
            KeyAlgorithm.EC_P256,
            caValidity);
    ServingNames names = ServingNames.forService(options.service(), options.namespace());
    IssuedCertificate serving = ca.issueServing(names, options.validity());

    Path dir = options.out();
    try {
      Files.createDirectories(dir);
      write(out, dir.resolve("ca.crt"), ca.certificatePem(), false, "CA certificate");
      write(
          out,
          dir.resolve("ca.key"),
          ca.privateKeyPem(),
          true,
          "CA private key; the cluster does not need it");
      write(
          out,
          dir.resolve("tls.crt"),
          serving.certificatePem(),
          false,
          "serving certificate for "
              + String.join(", ", names.dnsNames())
              + ", "
              + String.join(", ", names.ipAddresses()));
      write(out, dir.resolve("tls.key"), serving.privateKeyPem(), true, "serving private key");
      write(
          out,
          dir.resolve("secret.yaml"),
          SERIALIZATION.asYaml(secret(options.namespace(), serving)),
          true,
          "Secret " + options.namespace() + "/" + SECRET_NAME + " of type kubernetes.io/tls");
      write(
          out,
          dir.resolve("apiservice-patch.yaml"),
          SERIALIZATION.asYaml(apiServicePatch(serving.caPem())),
          false,
          "caBundle patch for APIService " + API_SERVICE_NAME);
    } catch (IOException e) {
      err.println("error: cannot write to " + dir + ": " + e.getMessage());
      return 1;
    }
    out.println(
        "Serving certificate valid until " + serving.certificate().getNotAfter().toInstant());
    out.println("Apply:");
    out.println("  kubectl apply -f " + dir.resolve("secret.yaml"));
    out.println(
        "  kubectl patch apiservice "
            + API_SERVICE_NAME
            + " --type=merge --patch-file "
            + dir.resolve("apiservice-patch.yaml"));
    return 0;
  }

  static Secret secret(String namespace, IssuedCertificate serving) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(SECRET_NAME)
        .withNamespace(namespace)
        .endMetadata()
        .withType("kubernetes.io/tls")
        .addToData("tls.crt", base64(serving.certificatePem()))
        .addToData("tls.key", base64(serving.privateKeyPem()))
        .addToData("ca.crt", base64(serving.caPem()))
        .build();
  }

  /** A merge patch that also works as a kustomize strategic-merge patch (it names its target). */
  static APIService apiServicePatch(String caPem) {
    return new APIServiceBuilder()
        .withNewMetadata()
        .withName(API_SERVICE_NAME)
        .endMetadata()
        .withNewSpec()
        .withCaBundle(base64(caPem))
        .endSpec()
        .build();
  }

  /**
   * Writes through a temporary file in the same directory, so a reader never sees half a file and a
   * private key is never readable by others, not even for a moment.
   */
  private static void write(PrintStream out, Path file, String content, boolean secret, String what)
      throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      boolean posix = Files.getFileStore(temporary).supportsFileAttributeView("posix");
      if (posix) {
        Files.setPosixFilePermissions(
            temporary, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
      }
      Files.writeString(temporary, content, StandardCharsets.US_ASCII);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    out.println("wrote " + file + " (" + what + ")");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
