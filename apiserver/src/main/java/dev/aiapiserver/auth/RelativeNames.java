package dev.aiapiserver.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The values of one attribute (CN, O) of a certificate's subject, in the order they appear. */
final class RelativeNames {
  private RelativeNames() {}

  static List<String> of(X509Certificate certificate, String type) {
    try {
      List<Rdn> rdns = new ArrayList<>(
          new LdapName(certificate.getSubjectX500Principal().getName()).getRdns());
      // LdapName lists RDNs right to left; reversed, they are in the certificate's order.
      Collections.reverse(rdns);
      List<String> values = new ArrayList<>();
      for (Rdn rdn : rdns) {
        Attribute attribute = rdn.toAttributes().get(type);
        for (int i = 0; attribute != null && i < attribute.size(); i++) {
          values.add(String.valueOf(attribute.get(i)));
        }
      }
      return values;
    } catch (NamingException e) {
      return List.of();
    }
  }
}
