/*
 * Poll now, from the command line, against a running salesbot-sync on this machine:
 *
 *     java tools/PollNow.java            # finds the one local JVM serving salesbot-sync
 *     java tools/PollNow.java <pid>      # or names it
 *
 * It attaches to the server's JVM through the JDK's Attach API (local only, and only as the OS
 * user the server runs as: the operating system is the access check), starts its local JMX agent
 * if needed and calls dev.salesbot.sync:type=Poller pollNow(). Prints how many connections were
 * enqueued; exits 1 if no server (or more than one) was found.
 */

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.util.ArrayList;
import java.util.List;

public class PollNow {

    static final String POLLER = "dev.salesbot.sync:type=Poller";

    public static void main(String[] args) throws Exception {
        List<String> candidates = new ArrayList<>();
        if (args.length > 0) {
            candidates.add(args[0]);
        } else {
            String self = String.valueOf(ProcessHandle.current().pid());
            for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
                if (!vm.id().equals(self)) {
                    candidates.add(vm.id());
                }
            }
        }
        List<String> servers = new ArrayList<>();
        for (String pid : candidates) {
            if (withPoller(pid, connection -> null) != null) {
                servers.add(pid);
            }
        }
        if (servers.size() != 1) {
            System.err.println(servers.isEmpty() ? "No running salesbot-sync found on this machine (as this user)."
                    : "Several salesbot-sync servers are running (" + servers + "): name one, java tools/PollNow.java <pid>");
            System.exit(1);
        }
        Object enqueued = withPoller(servers.get(0), connection -> connection.invoke(new ObjectName(POLLER), "pollNow", null, null));
        System.out.println("Poll now: " + enqueued + " connection(s) enqueued on pid " + servers.get(0));
    }

    interface Call {
        Object apply(MBeanServerConnection connection) throws Exception;
    }

    /** The call's result, Boolean.TRUE for a null result, or null if the JVM has no poller (or cannot be attached). */
    static Object withPoller(String pid, Call call) {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (Exception e) {
            return null;
        }
        try {
            String address = vm.startLocalManagementAgent();
            try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection connection = jmx.getMBeanServerConnection();
                if (!connection.isRegistered(new ObjectName(POLLER))) {
                    return null;
                }
                Object result = call.apply(connection);
                return result == null ? Boolean.TRUE : result;
            }
        } catch (Exception e) {
            if (e instanceof javax.management.MBeanException || e instanceof javax.management.RuntimeMBeanException) {
                throw new IllegalStateException("pollNow failed on pid " + pid + ": " + e.getCause(), e);
            }
            return null;
        } finally {
            try {
                vm.detach();
            } catch (Exception ignored) {
                // detaching a JVM that went away
            }
        }
    }
}
