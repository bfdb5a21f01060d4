package dev.salesbot.sync;

import dev.salesbot.sync.facebook.FacebookWebhooksS3Tests;
import dev.salesbot.sync.poll.PollS3Tests;
import dev.salesbot.sync.shopify.ShopifyWebhooksS3Tests;
import dev.salesbot.sync.shopify.SnapshotS3Tests;
import dev.salesbot.sync.testing.Deployments;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.SpacesStandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every test against a real S3-protocol server (S3Proxy, SigV4 checked) standing in for Spaces,
 * in one server start: the failsafe execution {@code spaces-s3proxy} runs this class alone. The
 * tests live in the interfaces by feature; each uses its own shops, and the poll's tests take the
 * other tests' connections out of the poll.
 */
@ExtendWith({SpacesStandIn.class, ArquillianExtension.class})
@RunAsClient
@ItExecution(ItExecution.SPACES)
class SpacesS3IT implements SnapshotS3Tests, ShopifyWebhooksS3Tests, FacebookWebhooksS3Tests, PollS3Tests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shipped();
    }
}
