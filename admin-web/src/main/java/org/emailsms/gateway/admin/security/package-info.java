/** Sign-in to the portal (Jakarta Security form login against the gateway's users) and who is signed in. */
package org.emailsms.gateway.admin.security;
