/** The portal's landing page: where the gateway stands at a glance. */
package org.emailsms.gateway.admin.home;
