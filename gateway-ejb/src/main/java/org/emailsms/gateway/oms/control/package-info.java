/** What the Outlook channel needs besides the boundaries: its configuration and passwords remembered for a short while per node. */
package org.emailsms.gateway.oms.control;
