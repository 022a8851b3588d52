/** The retention drill: old rows archived for the operator alone, then deleted, across a kill. */
package org.emailsms.gateway.it.retention;
