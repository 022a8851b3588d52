/** Replies from handsets as received (whole, after reassembly) and where each was routed; deliver_sm PDUs stored until processed. */
package org.emailsms.gateway.inbound.entity;
