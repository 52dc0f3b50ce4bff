package dev.aiapiserver.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags one command accepts, for parsing and for its help text. Syntax follows Kubernetes
 * components: {@code --flag=value} or {@code --flag value}; switches as {@code --flag} or {@code
 * --flag=true|false}; a one-letter flag may also be written with one dash ({@code -v 2}). A list
 * flag takes comma-separated values and may be repeated; any other flag given twice keeps the last.
 */
public final class FlagSet {
  private static final Set<String> HELP = Set.of("-h", "--help", "--help=true");
  private static final int WIDTH = 100;
  private static final int HELP_INDENT = 6;
  private static final char NO_BREAK = '\u00a0';

  enum Kind {
    VALUE,
    LIST,
    SWITCH
  }

  record Flag(String name, Kind kind, String valueName, String defaultText, String help) {
    String display() {
      return (name.length() == 1 ? "-" : "--") + name;
    }
  }

  private final String usage;
  private final String description;
  private final Map<String, Flag> flags = new LinkedHashMap<>();
  private final Map<String, List<Flag>> sections = new LinkedHashMap<>();
  private List<Flag> section;

  public FlagSet(String usage, String description) {
    this.usage = usage;
    this.description = description;
  }

  /** Flags defined after this call are listed under this heading in the help. */
  public FlagSet section(String title) {
    section = sections.computeIfAbsent(title, t -> new ArrayList<>());
    return this;
  }

  /** A flag with one value; {@code defaultText} is null when the default is "not set". */
  public FlagSet value(String name, String valueName, String defaultText, String help) {
    return define(new Flag(name, Kind.VALUE, valueName, defaultText, help));
  }

  public FlagSet list(String name, String valueName, String defaultText, String help) {
    return define(new Flag(name, Kind.LIST, valueName, defaultText, help));
  }

  /** A boolean flag, false unless given. */
  public FlagSet toggle(String name, String help) {
    return define(new Flag(name, Kind.SWITCH, "", "false", help));
  }

  /** Every flag, in definition order. */
  List<Flag> flags() {
    return List.copyOf(flags.values());
  }

  public static boolean asksForHelp(List<String> args) {
    return args.stream().anyMatch(HELP::contains);
  }

  public ParsedFlags parse(List<String> args) {
    Map<String, List<String>> given = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        throw new UsageException("unexpected argument \"" + arg + "\" (flags start with --)");
      }
      boolean oneDash = !arg.startsWith("--");
      String body = arg.substring(oneDash ? 1 : 2);
      int equals = body.indexOf('=');
      String name = equals < 0 ? body : body.substring(0, equals);
      String inline = equals < 0 ? null : body.substring(equals + 1);
      Flag flag = flags.get(name);
      if (flag == null) {
        throw new UsageException("unknown flag " + (oneDash ? "-" : "--") + name);
      }
      if (oneDash && name.length() > 1) {
        throw new UsageException("unknown flag -" + name + " (did you mean --" + name + "?)");
      }
      String value;
      if (flag.kind() == Kind.SWITCH) {
        value = inline == null ? "true" : inline;
      } else if (inline != null) {
        value = inline;
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("flag " + flag.display() + " needs a value");
      }
      List<String> values = given.computeIfAbsent(name, n -> new ArrayList<>());
      if (flag.kind() != Kind.LIST) {
        values.clear();
      }
      values.add(value);
    }
    return new ParsedFlags(flags, given);
  }

  /** Flag by flag: the flag and its value on one line, what it does and its default below. */
  public String help() {
    StringBuilder text = new StringBuilder();
    text.append("Usage: ").append(usage).append("\n\n");
    text.append(wrap(description, 0, 0)).append("\n");
    for (Map.Entry<String, List<Flag>> entry : sections.entrySet()) {
      text.append("\n").append(entry.getKey()).append(" flags:\n");
      for (Flag flag : entry.getValue()) {
        String help = flag.help();
        if (flag.defaultText() != null && flag.kind() != Kind.SWITCH) {
          String shown = flag.defaultText().isEmpty() ? "\"\"" : flag.defaultText();
          help += " (default" + NO_BREAK + shown + ")"; // kept on one line by wrap()
        }
        text.append("  ").append(signature(flag)).append("\n");
        text.append(" ".repeat(HELP_INDENT));
        text.append(wrap(help, HELP_INDENT, HELP_INDENT).replace(NO_BREAK, ' '));
        text.append("\n");
      }
    }
    text.append("\n  -h, --help\n").append(" ".repeat(HELP_INDENT)).append("Show this help.\n");
    return text.toString();
  }

  private FlagSet define(Flag flag) {
    if (section == null) {
      throw new IllegalStateException("call section() before defining --" + flag.name());
    }
    if (flags.putIfAbsent(flag.name(), flag) != null) {
      throw new IllegalStateException("flag defined twice: " + flag.name());
    }
    section.add(flag);
    return this;
  }

  private static String signature(Flag flag) {
    return flag.kind() == Kind.SWITCH ? flag.display() : flag.display() + " " + flag.valueName();
  }

  /** Word-wraps to {@link #WIDTH} columns; continuation lines are indented by {@code indent}. */
  private static String wrap(String words, int startColumn, int indent) {
    StringBuilder out = new StringBuilder();
    int column = startColumn;
    boolean lineEmpty = true;
    for (String word : words.split(" ")) {
      if (!lineEmpty && column + 1 + word.length() > WIDTH) {
        out.append("\n").append(" ".repeat(indent));
        column = indent;
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
      lineEmpty = false;
    }
    return out.toString();
  }
}
