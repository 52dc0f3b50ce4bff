package dev.aiapiserver.redact;

/**
 * PEM private-key blocks: the body between {@code -----BEGIN … PRIVATE KEY-----} and its END line is
 * marked, the header and footer stay so the reader knows what was there. A block cut short (a
 * termination message is capped at 4 KiB) is marked to the end of the text.
 */
final class PrivateKeyBlocks implements Detector {
  private static final String BEGIN = "-----begin";
  private static final String DASHES = "-----";

  @Override
  public void find(String text, String lower, Spans out) {
    int from = 0;
    while (true) {
      int begin = lower.indexOf(BEGIN, from);
      if (begin < 0) {
        return;
      }
      int headerEnd = lower.indexOf(DASHES, begin + BEGIN.length());
      if (headerEnd < 0 || headerEnd - begin > 120) {
        from = begin + BEGIN.length();
        continue;
      }
      String label = lower.substring(begin + BEGIN.length(), headerEnd);
      int bodyStart = headerEnd + DASHES.length();
      if (!label.contains("private key")) {
        from = bodyStart;
        continue;
      }
      int end = lower.indexOf("-----end", bodyStart);
      if (end < 0) {
        out.add(bodyStart, text.length());
        return;
      }
      out.add(bodyStart, end);
      from = end + 8;
    }
  }
}
