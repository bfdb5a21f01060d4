package dev.salesbot.sync.testing;

/**
 * The two lanes the local-storage ITs run in, side by side (JUnit's parallel classes, configured on
 * failsafe's {@code local-storage} execution): each IT class takes one lane's lock with
 * {@code @ResourceLock}, so that at most one class of each lane runs at a time. On two cores the
 * lanes mostly overlap one's waiting (quiet windows, retries, boots) with the other's work.
 */
public final class ItLanes {

    /** The Arquillian-managed server of {@code it.properties}: one port, one database file, one class at a time. */
    public static final String ARQUILLIAN = "it-lane-arquillian";
    /**
     * Classes that start their own servers ({@link MicroProcess}) on free ports other than the
     * Arquillian server's, in directories of their own; one at a time, as each starts one or two
     * servers and a database.
     */
    public static final String OWN_SERVERS = "it-lane-own-servers";

    private ItLanes() {
    }
}
