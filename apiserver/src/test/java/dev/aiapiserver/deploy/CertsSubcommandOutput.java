package dev.aiapiserver.deploy;

import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import io.fabric8.kubernetes.api.model.APIServiceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Writes, into a self-signed overlay's {@code generated/} folder, the files the certs subcommand
 * is specified to write there (ca.crt, tls.crt, tls.key, secret.yaml, apiservice-patch.yaml): a
 * throwaway CA and serving certificate from the certs module, so the manifest tests do not
 * depend on the subcommand's command-line wiring.
 */
final class CertsSubcommandOutput {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private CertsSubcommandOutput() {}

  static void writeTo(Path generated, String service, String namespace) throws IOException {
    CertificateAuthority ca = CertificateAuthority.generate(service + "-ca");
    IssuedCertificate serving = ca.issueServing(ServingNames.forService(service, namespace), Duration.ofDays(1));

    Files.createDirectories(generated);
    Files.writeString(generated.resolve("ca.crt"), serving.caPem());
    Files.writeString(generated.resolve("tls.crt"), serving.certificatePem());
    Files.writeString(generated.resolve("tls.key"), serving.privateKeyPem());
    Files.writeString(
        generated.resolve("secret.yaml"),
        SERIALIZATION.asYaml(
            new SecretBuilder()
                .withNewMetadata()
                .withName(service + "-tls")
                .withNamespace(namespace)
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of(
                    "tls.crt", base64(serving.certificatePem()),
                    "tls.key", base64(serving.privateKeyPem()),
                    "ca.crt", base64(serving.caPem())))
                .build()));
    Files.writeString(
        generated.resolve("apiservice-patch.yaml"),
        SERIALIZATION.asYaml(
            new APIServiceBuilder()
                .withNewMetadata()
                .withName("v1alpha1.ai.k8s.io")
                .endMetadata()
                .withNewSpec()
                .withCaBundle(base64(serving.caPem()))
                .endSpec()
                .build()));
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
