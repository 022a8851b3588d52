/** What every endpoint shares: the namespace, the typed fault, the client address, reaching the EJBs. */
@XmlSchema(namespace = Namespaces.V1, elementFormDefault = XmlNsForm.QUALIFIED)
package org.emailsms.gateway.ws.platform;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
