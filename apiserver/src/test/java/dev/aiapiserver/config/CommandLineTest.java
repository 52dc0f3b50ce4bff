package dev.aiapiserver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

  @Test
  void givenNoFlagsWhenServeIsParsedThenEveryDocumentedDefaultApplies() {
    ServerOptions options = serve();

    assertEquals(
        new ServerOptions(
            new ServerOptions.Serving(
                8443, "0.0.0.0", Optional.empty(), Optional.empty(), Optional.empty(), 3145728),
            Optional.empty(),
            new ServerOptions.Authentication(
                Optional.empty(),
                Duration.ofSeconds(10),
                false,
                Optional.empty(),
                new ServerOptions.RequestHeader(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())),
            new ServerOptions.Authorization(
                Optional.empty(),
                List.of("/healthz", "/readyz", "/livez"),
                Duration.ofSeconds(10),
                Duration.ofSeconds(10)),
            new ServerOptions.Views(10000, Duration.ofMillis(20), Duration.ofSeconds(1)),
            0),
        options);
    assertEquals(List.of("X-Remote-User"), ServerOptions.RequestHeader.DEFAULT_USERNAME_HEADERS);
    assertEquals(List.of("X-Remote-Group"), ServerOptions.RequestHeader.DEFAULT_GROUP_HEADERS);
    assertEquals(List.of("X-Remote-Uid"), ServerOptions.RequestHeader.DEFAULT_UID_HEADERS);
    assertEquals(
        List.of("X-Remote-Extra-"), ServerOptions.RequestHeader.DEFAULT_EXTRA_HEADERS_PREFIXES);
  }

  @Test
  void givenEveryServeFlagWhenParsedThenEachLandsInItsField() {
    ServerOptions options =
        serve(
            "--secure-port=9443",
            "--bind-address",
            "::1",
            "--tls-cert-file=/certs/tls.crt",
            "--tls-private-key-file",
            "/certs/tls.key",
            "--cert-dir=/tmp/self",
            "--max-request-body-bytes=1024",
            "--kubeconfig=/home/me/.kube/config",
            "--authentication-kubeconfig=/authn.kubeconfig",
            "--authentication-token-webhook-cache-ttl=30s",
            "--authentication-skip-lookup",
            "--client-ca-file=/ca/client.crt",
            "--requestheader-client-ca-file=/ca/front-proxy.crt",
            "--requestheader-allowed-names=front-proxy-client,aggregator",
            "--requestheader-username-headers=X-User",
            "--requestheader-uid-headers=X-Uid",
            "--requestheader-group-headers=X-Group,X-Team",
            "--requestheader-extra-headers-prefix=X-Extra-",
            "--authorization-kubeconfig=/authz.kubeconfig",
            "--authorization-always-allow-paths=/healthz,/metrics",
            "--authorization-webhook-cache-authorized-ttl=5m",
            "--authorization-webhook-cache-unauthorized-ttl=500ms",
            "--watch-cache-history=500",
            "--view-coalesce-interval=0",
            "--cluster-context-min-interval=1m30s",
            "-v",
            "4");

    assertEquals(
        new ServerOptions(
            new ServerOptions.Serving(
                9443,
                "::1",
                Optional.of(Path.of("/certs/tls.crt")),
                Optional.of(Path.of("/certs/tls.key")),
                Optional.of(Path.of("/tmp/self")),
                1024),
            Optional.of(Path.of("/home/me/.kube/config")),
            new ServerOptions.Authentication(
                Optional.of(Path.of("/authn.kubeconfig")),
                Duration.ofSeconds(30),
                true,
                Optional.of(Path.of("/ca/client.crt")),
                new ServerOptions.RequestHeader(
                    Optional.of(Path.of("/ca/front-proxy.crt")),
                    Optional.of(List.of("front-proxy-client", "aggregator")),
                    Optional.of(List.of("X-User")),
                    Optional.of(List.of("X-Uid")),
                    Optional.of(List.of("X-Group", "X-Team")),
                    Optional.of(List.of("X-Extra-")))),
            new ServerOptions.Authorization(
                Optional.of(Path.of("/authz.kubeconfig")),
                List.of("/healthz", "/metrics"),
                Duration.ofMinutes(5),
                Duration.ofMillis(500)),
            new ServerOptions.Views(500, Duration.ZERO, Duration.ofSeconds(90)),
            4),
        options);
  }

  @Test
  void givenTheHelpOfEveryCommandWhenEachShownDefaultIsGivenExplicitlyThenNothingChanges() {
    for (String command : List.of("serve", "certs")) {
      FlagSet flags = CommandLine.flagsOf(command);
      Command defaults = CommandLine.parse(withOut(command));
      for (FlagSet.Flag flag : flags.flags()) {
        if (flag.defaultText() == null || flag.kind() == FlagSet.Kind.SWITCH) {
          continue;
        }
        String explicit = flag.display() + "=" + flag.defaultText();
        Command parsed = CommandLine.parse(withOut(command, explicit));
        if (flag.name().startsWith("requestheader-")) {
          // Given explicitly it is no longer "take it from the ConfigMap", by design.
          assertTrue(((Command.Serve) parsed).options().toString().contains(flag.defaultText()));
        } else {
          assertEquals(defaults, parsed, command + " " + explicit);
        }
      }
    }
  }

  @Test
  void givenListFlagsWhenRepeatedOrEmptyThenValuesAccumulateAndAnEmptyListIsKept() {
    ServerOptions.RequestHeader requestHeader =
        serve(
                "--requestheader-group-headers=X-A",
                "--requestheader-group-headers",
                " X-B , X-C",
                "--requestheader-allowed-names=")
            .authentication()
            .requestHeader();

    assertEquals(Optional.of(List.of("X-A", "X-B", "X-C")), requestHeader.groupHeaders());
    assertEquals(Optional.of(List.of()), requestHeader.allowedNames(), "explicitly none");
    assertEquals(Optional.empty(), requestHeader.usernameHeaders(), "not given");
  }

  @Test
  void givenAScalarFlagTwiceWhenParsedThenTheLastWins() {
    assertEquals(7443, serve("--secure-port=1", "--secure-port=7443").serving().securePort());
  }

  @ParameterizedTest
  @CsvSource({
    "--authentication-skip-lookup, true",
    "--authentication-skip-lookup=true, true",
    "--authentication-skip-lookup=false, false",
    "--authentication-skip-lookup=1, true",
    "--authentication-skip-lookup=F, false"
  })
  void givenASwitchWhenWrittenAnyGoWayThenItIsRead(String flag, boolean expected) {
    assertEquals(expected, serve(flag).authentication().skipLookup());
  }

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "10s, PT10S",
    "1m, PT1M",
    "1h, PT1H",
    "1h30m, PT1H30M",
    "1.5s, PT1.5S",
    "250us, PT0.00025S",
    "0, PT0S"
  })
  void givenAGoDurationWhenParsedThenItHasThatLength(String text, Duration expected) {
    assertEquals(
        expected, serve("--view-coalesce-interval=" + text).views().viewCoalesceInterval());
  }

  @Test
  void givenCertsWhenParsedThenServiceNamespaceAndValidityDefaultAndOutIsTaken() {
    assertEquals(
        new CertsOptions("ai-apiserver", "ai-system", Path.of("out"), Duration.ofHours(8760)),
        ((Command.Certs) CommandLine.parse("certs", "--out", "out")).options());
    assertEquals(
        new CertsOptions("views", "tools", Path.of("/tmp/c"), Duration.ofHours(720)),
        ((Command.Certs)
                CommandLine.parse(
                    "certs",
                    "--service=views",
                    "--namespace",
                    "tools",
                    "--out=/tmp/c",
                    "--validity=720h"))
            .options());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                              | no command given",
        "start                                           | unknown command \"start\"",
        "--secure-port=1                                 | expected a command before the flags",
        "serve --bogus                                   | unknown flag --bogus",
        "serve -secure-port=1                            | unknown flag -secure-port (did you mean"
            + " --secure-port?)",
        "serve extra                                     | unexpected argument \"extra\"",
        "serve --secure-port                             | flag --secure-port needs a value",
        "serve --secure-port --bind-address=::           | flag --secure-port needs a value",
        "serve -v                                        | flag -v needs a value",
        "serve --secure-port=https                       | invalid value \"https\" for flag"
            + " --secure-port: expected an integer from 0 to 65535",
        "serve --secure-port=70000                       | invalid value \"70000\" for flag"
            + " --secure-port",
        "serve --bind-address=localhost                  | invalid value \"localhost\" for flag"
            + " --bind-address: expected an IP address",
        "serve --max-request-body-bytes=0                | invalid value \"0\" for flag"
            + " --max-request-body-bytes",
        "serve --watch-cache-history=-5                  | invalid value \"-5\" for flag"
            + " --watch-cache-history",
        "serve --view-coalesce-interval=10               | invalid value \"10\" for flag"
            + " --view-coalesce-interval: expected a duration",
        "serve --authorization-webhook-cache-authorized-ttl=-1s | invalid value \"-1s\" for flag"
            + " --authorization-webhook-cache-authorized-ttl",
        "serve --authentication-skip-lookup=maybe        | invalid value \"maybe\" for flag"
            + " --authentication-skip-lookup: expected true or false",
        "serve --authorization-always-allow-paths=healthz | invalid value \"healthz\" for flag"
            + " --authorization-always-allow-paths",
        "serve --tls-cert-file=/a.crt                    | flags --tls-cert-file and"
            + " --tls-private-key-file must be given together",
        "serve --kubeconfig=                             | flag --kubeconfig needs a non-empty"
            + " value",
        "serve -v=11                                     | invalid value \"11\" for flag -v",
        "certs                                           | flag --out is required",
        "certs --out=o --service=AI_Server               | invalid value \"AI_Server\" for flag"
            + " --service: expected a DNS label",
        "certs --out=o --validity=0s                     | invalid value \"0s\" for flag"
            + " --validity: expected a positive duration",
        "help start                                      | unknown command \"start\""
      })
  void givenAnUnusableCommandLineWhenParsedThenOneLineSaysWhatIsWrong(
      String commandLine, String expected) {
    String[] args = commandLine.isBlank() ? new String[0] : commandLine.trim().split(" +");

    UsageException error = assertThrows(UsageException.class, () -> CommandLine.parse(args));

    assertTrue(
        error.getMessage().startsWith(expected) || error.getMessage().contains(expected),
        error.getMessage());
    assertFalse(error.getMessage().contains("\n"), error.getMessage());
  }

  @Test
  void givenHelpAnywhereWhenParsedThenTheHelpOfThatCommandListsEveryFlagWithItsDefault() {
    for (String command : List.of("serve", "certs")) {
      String help = help(command, "--secure-port=bad", "--help");
      assertEquals(help(command, "-h"), help);
      assertEquals(help("help", command), help);
      for (FlagSet.Flag flag : CommandLine.flagsOf(command).flags()) {
        String listed = "  " + flag.display();
        assertTrue(
            help.lines().anyMatch(line -> line.equals(listed) || line.startsWith(listed + " ")),
            command + " help lacks " + flag.display());
      }
      help.lines().forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
    }
    String serve = help("serve", "--help");
    assertTrue(serve.contains("(default 8443)"), serve);
    assertTrue(serve.contains("(default /healthz,/readyz,/livez)"), serve);
    assertTrue(serve.contains("(default X-Remote-User)"), serve);
    assertTrue(serve.contains("(default 20ms)"), serve);
    assertTrue(help("certs", "-h").contains("(default 8760h)"));
  }

  @Test
  void givenHelpAtTheTopWhenParsedThenItListsTheCommands() {
    for (String args : List.of("--help", "-h", "help")) {
      String help = help(args);
      assertTrue(help.contains("\n  serve ") && !help.contains("\n  demo "), help);
      assertTrue(help.contains("\n  certs "), help);
      help.lines().forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
    }
  }

  private static ServerOptions serve(String... flags) {
    String[] args = new String[flags.length + 1];
    args[0] = "serve";
    System.arraycopy(flags, 0, args, 1, flags.length);
    return assertInstanceOf(Command.Serve.class, CommandLine.parse(args)).options();
  }

  private static String help(String... args) {
    return assertInstanceOf(Command.Help.class, CommandLine.parse(args)).text();
  }

  /** The command with --out when it needs one, so only the flag under test varies. */
  private static String[] withOut(String command, String... flags) {
    List<String> args = new java.util.ArrayList<>(List.of(command));
    if (command.equals("certs")) {
      args.add("--out=out");
    }
    args.addAll(List.of(flags));
    return args.toArray(String[]::new);
  }
}
