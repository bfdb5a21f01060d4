package dev.salesbot.sync.poll.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * "Poll now" and the poll's figures over JMX ({@link PollerMXBean}). A JMX call arrives on a
 * thread the container knows nothing of, so the MBean calls this EJB's business interface: the
 * container sets up the application's context (naming, transactions) for the call, as for any
 * other client. The admin console (POST /admin/poll and /admin/api/poll) calls {@link #pollNow()} directly.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PollControl {

    static final String OBJECT_NAME = "dev.salesbot.sync:type=Poller";
    private static final System.Logger LOGGER = System.getLogger(PollControl.class.getName());

    @Inject
    Polls polls;

    @Inject
    PollSlots slots;

    @Resource
    SessionContext context;

    private ObjectName registered;

    @PostConstruct
    void register() {
        PollControl self = context.getBusinessObject(PollControl.class);
        PollerMXBean bean = new PollerMXBean() {
            @Override
            public int pollNow() {
                return self.pollNow();
            }

            @Override
            public long getPolledConnections() {
                return self.polledConnections();
            }

            @Override
            public double getIntervalHours() {
                return self.intervalHours();
            }
        };
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            try {
                server.registerMBean(new javax.management.StandardMBean(bean, PollerMXBean.class, true), name);
            } catch (InstanceAlreadyExistsException e) {
                // A redeployment whose predecessor did not unregister: replace it.
                server.unregisterMBean(name);
                server.registerMBean(new javax.management.StandardMBean(bean, PollerMXBean.class, true), name);
            }
            registered = name;
        } catch (JMException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not register {0} over JMX: {1}", OBJECT_NAME, e.toString());
        }
    }

    @PreDestroy
    void unregister() {
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (JMException | RuntimeException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "Could not unregister {0}: {1}", OBJECT_NAME, e.toString());
            }
        }
    }

    public int pollNow() {
        return polls.pollNow();
    }

    public long polledConnections() {
        return slots.count();
    }

    public double intervalHours() {
        return polls.interval().toMillis() / 3_600_000d;
    }
}
