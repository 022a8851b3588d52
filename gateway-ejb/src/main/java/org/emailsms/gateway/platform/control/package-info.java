/** Cross-cutting helpers that join the caller's transaction: configuration-backed policies and clocks. */
package org.emailsms.gateway.platform.control;
