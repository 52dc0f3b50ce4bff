package dev.aiapiserver.demo;

import dev.aiapiserver.mockcluster.KubeletLogs;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the demo's pods print, served through pods/{name}/log as the kubelet would: checkout's JVM
 * growing its heap until the kernel OOM-kills it (no error of its own: the log just stops), the
 * orders revision that fails its schema migration at start (a Spring Boot stack trace, the same in
 * the previous instance), and web's nginx whose upstream stops answering its readiness endpoint.
 * One checkout line quotes a database password, as real start-up logs do: it must come out of the
 * evidence redacted. Times are placed before the pods' own last termination.
 */
final class DemoLogs {
  static final String CHECKOUT_DB_PASSWORD = "Ch3ck0ut-Pg-2024!";
  private static final DateTimeFormatter NGINX = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter NGINX_ERROR = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private DemoLogs() {}

  static void serve(KubernetesClient client, KubeletLogs logs) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (Pod pod : pods(client, "checkout")) {
      String name = pod.getMetadata().getName();
      logs.put(ShopWorkloads.NAMESPACE, name, "checkout", true, checkout(name, now.minusSeconds(400)));
      logs.put(ShopWorkloads.NAMESPACE, name, "checkout", false, checkout(name, now.minusSeconds(150)));
    }
    for (Pod pod : pods(client, "orders")) {
      String name = pod.getMetadata().getName();
      boolean crashing = pod.getStatus().getContainerStatuses().stream()
          .anyMatch(cs -> cs.getRestartCount() != null && cs.getRestartCount() > 0);
      if (crashing) {
        logs.put(ShopWorkloads.NAMESPACE, name, "orders", true, ordersMigrationFails(now.minusSeconds(300)));
        logs.put(ShopWorkloads.NAMESPACE, name, "orders", false, ordersMigrationFails(now.minusSeconds(100)));
      } else {
        logs.put(ShopWorkloads.NAMESPACE, name, "orders", false, ordersServing(now.minusSeconds(3600)));
      }
    }
    List<Pod> web = pods(client, "web");
    for (int i = 0; i < web.size(); i++) {
      // the last one is the pod whose readiness flaps (ReadinessFlap picks it the same way)
      logs.put(ShopWorkloads.NAMESPACE, web.get(i).getMetadata().getName(), "web", false,
          nginx(now.minusSeconds(60), i == web.size() - 1));
    }
  }

  private static List<Pod> pods(KubernetesClient client, String app) {
    return client.pods().inNamespace(ShopWorkloads.NAMESPACE).withLabel("app", app).list().getItems().stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
  }

  /** A Spring Boot JVM sized by MaxRAMPercentage=90 in a 256Mi container: the heap fills, the kernel kills it. */
  static String checkout(String pod, Instant started) {
    String t = started.toString();
    return String.join("\n",
        "Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=90.0 -Xlog:gc:stdout",
        "[0.006s][info][gc] Using G1",
        t + "  INFO 1 --- [checkout] [           main] c.e.shop.checkout.CheckoutApplication    : Starting"
            + " CheckoutApplication v2.3.1 using Java 21.0.5 with PID 1 (/app/checkout.jar started by app in /app)",
        t + "  INFO 1 --- [checkout] [           main] c.e.shop.checkout.CheckoutApplication    : No active profile"
            + " set, falling back to 1 default profile: \"default\"",
        t + "  INFO 1 --- [checkout] [           main] com.zaxxer.hikari.HikariDataSource       : orders-pool -"
            + " Starting...",
        t + "  INFO 1 --- [checkout] [           main] c.e.shop.checkout.db.OrdersDataSource    : connecting to"
            + " jdbc:postgresql://orders-db.shop.svc:5432/orders?user=checkout&password=" + CHECKOUT_DB_PASSWORD,
        t + "  INFO 1 --- [checkout] [           main] com.zaxxer.hikari.HikariDataSource       : orders-pool -"
            + " Start completed.",
        t + "  INFO 1 --- [checkout] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on"
            + " port 8080 (http) with context path '/'",
        t + "  INFO 1 --- [checkout] [           main] c.e.shop.checkout.CheckoutApplication    : Started"
            + " CheckoutApplication in 7.912 seconds (process running for 8.604)",
        t + "  INFO 1 --- [checkout] [  price-warmer] c.e.shop.checkout.cache.PriceCache       : warming price cache"
            + " for " + pod + ": 1840000 entries",
        "[31.554s][info][gc] GC(35) Pause Young (Normal) (G1 Evacuation Pause) 188M->181M(230M) 22.184ms",
        "[37.019s][info][gc] GC(36) Pause Young (Normal) (G1 Evacuation Pause) 203M->197M(230M) 29.702ms",
        "[41.203s][info][gc] GC(37) Pause Young (Normal) (G1 Evacuation Pause) 214M->209M(230M) 38.511ms",
        "[43.880s][info][gc] GC(38) Pause Young (Concurrent Start) (G1 Evacuation Pause) 226M->223M(230M) 41.207ms",
        "[43.881s][info][gc] GC(39) Concurrent Mark Cycle",
        "[44.917s][info][gc] GC(40) Pause Full (G1 Compaction Pause) 229M->227M(230M) 412.730ms",
        "");
  }

  /** Revision 3's migration needs a privilege the database role does not have: Flyway fails, Spring exits 1. */
  static String ordersMigrationFails(Instant started) {
    String t = started.toString();
    String later = started.plusSeconds(6).toString();
    return String.join("\n",
        t + "  INFO 1 --- [orders] [main] c.e.shop.orders.OrdersApplication        : Starting OrdersApplication"
            + " v3.2.0 using Java 21.0.5 with PID 1",
        t + "  INFO 1 --- [orders] [main] o.f.c.i.database.base.BaseDatabaseType   : Database:"
            + " jdbc:postgresql://orders-db.shop.svc:5432/orders (PostgreSQL 16.4)",
        later + "  INFO 1 --- [orders] [main] o.f.core.internal.command.DbValidate      : Successfully validated"
            + " 42 migrations (execution time 00:00.061s)",
        later + "  INFO 1 --- [orders] [main] o.f.core.internal.command.DbMigrate       : Current version of schema"
            + " \"public\": 41",
        later + "  INFO 1 --- [orders] [main] o.f.core.internal.command.DbMigrate       : Migrating schema"
            + " \"public\" to version \"42 - add fulfillment channel\"",
        later + " ERROR 1 --- [orders] [main] o.f.core.internal.command.DbMigrate       : Migration of schema"
            + " \"public\" to version \"42 - add fulfillment channel\" failed! Changes successfully rolled back.",
        later + " ERROR 1 --- [orders] [main] o.s.boot.SpringApplication               : Application run failed",
        "",
        "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer'"
            + " defined in class path resource [org/springframework/boot/autoconfigure/flyway/"
            + "FlywayAutoConfiguration$FlywayConfiguration.class]: Migration V42__add_fulfillment_channel.sql failed",
        "\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean"
            + "(AbstractAutowireCapableBeanFactory.java:1806)",
        "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)",
        "\tat com.example.shop.orders.OrdersApplication.main(OrdersApplication.java:14)",
        "Caused by: org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException: Migration"
            + " V42__add_fulfillment_channel.sql failed",
        "---------------------------------------------------",
        "SQL State  : 42501",
        "Error Code : 0",
        "Message    : ERROR: must be owner of table orders",
        "Location   : db/migration/V42__add_fulfillment_channel.sql (/app/BOOT-INF/classes/db/migration/"
            + "V42__add_fulfillment_channel.sql)",
        "Line       : 1",
        "Statement  : ALTER TABLE orders ADD COLUMN fulfillment_channel text NOT NULL DEFAULT 'web'",
        "",
        "\tat org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor.handleException"
            + "(DefaultSqlScriptExecutor.java:253)",
        "\tat org.flywaydb.core.internal.command.DbMigrate.doMigrateGroup(DbMigrate.java:377)",
        "\t... 24 common frames omitted",
        "Caused by: org.postgresql.util.PSQLException: ERROR: must be owner of table orders",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)",
        "\tat org.postgresql.jdbc.PgStatement.execute(PgStatement.java:513)",
        "\t... 32 common frames omitted",
        "");
  }

  static String ordersServing(Instant started) {
    String t = started.toString();
    return String.join("\n",
        t + "  INFO 1 --- [orders] [main] c.e.shop.orders.OrdersApplication        : Started OrdersApplication in"
            + " 6.118 seconds (process running for 6.804)",
        t + "  INFO 1 --- [orders] [nio-8080-exec-3] c.e.shop.orders.api.OrderController      : POST /orders 201"
            + " 38ms",
        "");
  }

  /** nginx in front of the web app; when flapping, the app behind it refuses and /healthz answers 503. */
  static String nginx(Instant from, boolean flapping) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      Instant t = from.plusSeconds(10L * i);
      boolean failing = flapping && i >= 3;
      if (failing) {
        out.append(NGINX_ERROR.format(t)).append(" [error] 29#29: *").append(1840 + i).append(" connect() failed (111:"
            + " Connection refused) while connecting to upstream, client: 10.244.1.1, server: _, request: \"GET"
            + " /healthz HTTP/1.1\", upstream: \"http://127.0.0.1:9000/healthz\", host: \"10.244.2.14:8080\"\n");
      }
      out.append("10.244.1.1 - - [").append(NGINX.format(t)).append("] \"GET /healthz HTTP/1.1\" ")
          .append(failing ? "503 190" : "200 2").append(" \"-\" \"kube-probe/1.32\" \"-\"\n");
    }
    return out.toString();
  }
}
