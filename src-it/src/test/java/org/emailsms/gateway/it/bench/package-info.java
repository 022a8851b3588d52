/**
 * The benchmark and the fault drills: not part of the test run, each started by its own
 * command (see the README). They run the distribution as a process, with the test SMSC and GreenMail
 * in this JVM, and print their figures.
 */
package org.emailsms.gateway.it.bench;
