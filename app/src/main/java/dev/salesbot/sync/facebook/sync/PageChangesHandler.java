package dev.salesbot.sync.facebook.sync;

import dev.salesbot.sync.queue.control.SyncHandler;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.SyncTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link SyncKind#FACEBOOK_PAGE_CHANGES}: a Page whose fields webhooks said changed is read again,
 * once for all the changes of a quiet window (a Page node is one small Graph read, so there is
 * nothing to patch), and written only if it differs.
 */
@ApplicationScoped
public class PageChangesHandler implements SyncHandler {

    @Inject
    PageSyncHandler pages;

    @Override
    public SyncKind kind() {
        return SyncKind.FACEBOOK_PAGE_CHANGES;
    }

    @Override
    public SyncResult run(SyncTask task) {
        return pages.sync(task, true);
    }
}
