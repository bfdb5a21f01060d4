package dev.salesbot.sync.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that ships, as built by {@code mvn package}, deployed at {@code /} (as ROOT.war). */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive shipped() {
        File war = new File(System.getProperty("it.war", "target/salesbot-sync.war"));
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    }
}
