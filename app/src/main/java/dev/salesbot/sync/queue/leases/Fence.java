package dev.salesbot.sync.queue.leases;

/**
 * What a handler calls before each storage write of its task: it confirms, in the database, that
 * this server still holds the target's lease (and extends it by a whole lease, so the write has
 * that long), or throws {@link LeaseLost} — the task then stops, and the write does not happen.
 */
@FunctionalInterface
public interface Fence {

    void confirm();
}
