package dev.aiapiserver;

/** Entry point: subcommands serve, demo and certs. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("ai-apiserver: not yet wired");
  }
}
