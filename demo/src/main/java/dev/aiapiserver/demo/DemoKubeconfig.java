package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The kubeconfig a demo user points kubectl at: one cluster (the front door, trusted through the
 * demo CA), the users admin and agent with their bearer tokens, and the contexts demo-admin
 * (current) and demo-agent. Written owner-only and atomically, so whoever waits for the file
 * never reads half of it.
 */
public final class DemoKubeconfig {
  public static final String CLUSTER = "ai-apiserver-demo";
  public static final String ADMIN_CONTEXT = "demo-admin";
  public static final String AGENT_CONTEXT = "demo-agent";

  private DemoKubeconfig() {}

  public static Config of(String server, String caPem, DemoUsers users) {
    String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
    return new ConfigBuilder().withApiVersion("v1").withKind("Config")
        .addNewCluster().withName(CLUSTER).withNewCluster().withServer(server)
        .withCertificateAuthorityData(ca).endCluster().endCluster()
        .addNewUser().withName(DemoUsers.ADMIN).withNewUser().withToken(users.adminToken())
        .endUser().endUser()
        .addNewUser().withName(DemoUsers.AGENT).withNewUser().withToken(users.agentToken())
        .endUser().endUser()
        .addNewContext().withName(ADMIN_CONTEXT).withNewContext().withCluster(CLUSTER)
        .withUser(DemoUsers.ADMIN).endContext().endContext()
        .addNewContext().withName(AGENT_CONTEXT).withNewContext().withCluster(CLUSTER)
        .withUser(DemoUsers.AGENT).withNamespace(ShopWorkloads.NAMESPACE).endContext().endContext()
        .withCurrentContext(ADMIN_CONTEXT)
        .build();
  }

  public static void write(Path file, Config config) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), ".kubeconfig", ".partial");
    try {
      try {
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: nothing more to restrict
      }
      Files.writeString(partial, Serialization.asYaml(config));
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
