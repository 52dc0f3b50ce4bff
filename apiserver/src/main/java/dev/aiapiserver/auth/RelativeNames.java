package dev.aiapiserver.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
      // The RFC 2253 string lists RDNs last-first; LdapName indexes them from the right, which
      // gives back the certificate's own order (Go's x509 keeps that order for O).
      List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
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
