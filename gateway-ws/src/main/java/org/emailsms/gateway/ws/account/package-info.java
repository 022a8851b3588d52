/** The add-in's account calls: activation with username and password, and what a serial stands for. */
@XmlSchema(namespace = Namespaces.V1, elementFormDefault = XmlNsForm.QUALIFIED)
package org.emailsms.gateway.ws.account;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;

import org.emailsms.gateway.ws.platform.Namespaces;
