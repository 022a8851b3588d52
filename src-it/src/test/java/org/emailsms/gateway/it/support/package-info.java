/** Helpers of the black-box tests: the SOAP client, fault assertions, polling, fresh tenants, the artifact under test. */
package org.emailsms.gateway.it.support;
