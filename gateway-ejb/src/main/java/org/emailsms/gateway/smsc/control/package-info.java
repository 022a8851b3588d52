/** The SMPP connector (jsmpp): binds, submits, and the translation of SMPP failures into ours. */
package org.emailsms.gateway.smsc.control;
