package org.emailsms.gateway.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The artifact the build really produced, for Arquillian to deploy as it is. */
public final class Artifacts {

    private Artifacts() {
    }

    /** gateway.ear on Payara Server; on Payara Micro the merged WAR, as ROOT.war so that it serves at /. */
    public static Archive<?> underTest() {
        File file = new File(System.getProperty("it.artifact"));
        if (!file.isFile()) {
            throw new IllegalStateException("Build the gateway first: " + file + " is missing");
        }
        if (file.getName().endsWith(".ear")) {
            return ShrinkWrap.create(ZipImporter.class, "gateway.ear").importFrom(file).as(EnterpriseArchive.class);
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(file).as(WebArchive.class);
    }
}
