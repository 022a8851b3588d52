/** Provisioning for scripts and operators: companies, departments and users, with an administrator's credentials. */
@XmlSchema(namespace = Namespaces.V1, elementFormDefault = XmlNsForm.QUALIFIED)
package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;

import org.emailsms.gateway.ws.platform.Namespaces;
