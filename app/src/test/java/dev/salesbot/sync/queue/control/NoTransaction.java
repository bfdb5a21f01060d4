package dev.salesbot.sync.queue.control;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.lang.reflect.Proxy;

/** The transaction registry of a caller outside any transaction, for unit tests of {@link Syncs}. */
final class NoTransaction {

    static final TransactionSynchronizationRegistry REGISTRY = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
            NoTransaction.class.getClassLoader(), new Class<?>[]{TransactionSynchronizationRegistry.class}, (proxy, method, args) -> {
                if (method.getName().equals("getTransactionStatus")) {
                    return Status.STATUS_NO_TRANSACTION;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private NoTransaction() {
    }
}
