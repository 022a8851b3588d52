/** Replies from handsets as received (whole, after reassembly) and where each was routed. */
package org.emailsms.gateway.inbound.entity;
