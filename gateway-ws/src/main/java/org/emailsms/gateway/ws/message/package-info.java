/** Sending SMS and polling their status: the add-in's everyday calls, authenticated by the activation serial. */
@XmlSchema(namespace = Namespaces.V1, elementFormDefault = XmlNsForm.QUALIFIED)
package org.emailsms.gateway.ws.message;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;

import org.emailsms.gateway.ws.platform.Namespaces;
