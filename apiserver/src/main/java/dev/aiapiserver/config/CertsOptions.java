package dev.aiapiserver.config;

import dev.aiapiserver.request.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What the certs command generates: a CA and a serving certificate for the Service that the
 * APIService points at.
 *
 * @param service the Service name (a DNS label)
 * @param namespace the Service's namespace (a DNS label)
 * @param out the directory the files are written to
 * @param validity how long the serving certificate is valid
 */
public record CertsOptions(String service, String namespace, Path out, Duration validity) {
  public static final String DEFAULT_SERVICE = "ai-apiserver";
  public static final String DEFAULT_NAMESPACE = "ai-system";
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  /** RFC 1123 label, as Kubernetes requires of Service and namespace names. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  static FlagSet define(FlagSet flags) {
    return flags
        .section("Certificates")
        .value("service", "name", DEFAULT_SERVICE, "Name of the Service in front of the server.")
        .value("namespace", "name", DEFAULT_NAMESPACE, "Namespace of that Service.")
        .value("out", "dir", null, "Directory to write the files to; created if missing. Required.")
        .value(
            "validity",
            "duration",
            GoDuration.format(DEFAULT_VALIDITY),
            "How long the serving certificate is valid (the CA: 10 years).");
  }

  static CertsOptions read(ParsedFlags flags) {
    return new CertsOptions(
        dnsLabel(flags, "service", DEFAULT_SERVICE),
        dnsLabel(flags, "namespace", DEFAULT_NAMESPACE),
        flags.path("out").orElseThrow(() -> new UsageException("flag --out is required")),
        flags.duration("validity", DEFAULT_VALIDITY, false));
  }

  private static String dnsLabel(ParsedFlags flags, String name, String defaultValue) {
    String value = flags.string(name, defaultValue);
    if (!DNS_LABEL.matcher(value).matches()) {
      throw flags.invalid(name, value, "a DNS label (lower-case letters, digits and -)");
    }
    return value;
  }
}
