package dev.aiapiserver.config;

/** What the command line asks for, with its options parsed and checked. */
public sealed interface Command {
  /** Serve the views of a real cluster. */
  record Serve(ServerOptions options) implements Command {}

  /** Write a CA, a serving certificate and the manifests that carry them. */
  record Certs(CertsOptions options) implements Command {}

  /** Print this text to standard output and exit successfully. */
  record Help(String text) implements Command {}
}
