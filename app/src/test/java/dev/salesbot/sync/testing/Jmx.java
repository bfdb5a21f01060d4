package dev.salesbot.sync.testing;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads MBean names of the Arquillian-managed Payara Micro over the Attach API, as JConsole or
 * VisualVM would; the servers the other lane starts ({@link ItLanes}) are told apart by its
 * {@code --port}.
 */
public final class Jmx {

    private Jmx() {
    }

    public static Set<String> names(String pattern) throws Exception {
        String port = "--port " + System.getProperty("it.http.port") + " ";
        List<VirtualMachineDescriptor> servers = VirtualMachine.list().stream()
                .filter(vm -> vm.displayName().contains("payara-micro") && (vm.displayName() + " ").contains(port)).toList();
        if (servers.size() != 1) {
            throw new AssertionError("expected one Payara Micro with " + port + ", found " + servers.size());
        }
        VirtualMachine vm = VirtualMachine.attach(servers.get(0));
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            Set<String> names = new TreeSet<>();
            jmx.getMBeanServerConnection().queryNames(new ObjectName(pattern), null).forEach(n -> names.add(n.toString()));
            return names;
        } finally {
            vm.detach();
        }
    }
}
