package se.klassrum.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Payara Micro keeps the last deployment in its root folder's {@code domain.xml} and loads it again at the next
 * start, before it deploys the WAR named by {@code --deploy}: the application would start twice, seconds lost and
 * half-started requests answered with Payara's stack traces. The launcher removes that entry first, so the WAR as
 * built is deployed once.
 */
final class PreviousDeployment {

    private PreviousDeployment() {
    }

    /** Removes the application {@code name} from the root folder's configuration; true when there was one. */
    static boolean forget(Path root, String name) {
        Path domain = root.resolve("config").resolve("domain.xml");
        if (!Files.isRegularFile(domain)) {
            return false;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(domain.toFile());
            List<Node> stale = new ArrayList<>();
            NodeList applications = document.getElementsByTagName("application");
            for (int i = 0; i < applications.getLength(); i++) {
                Element application = (Element) applications.item(i);
                if (name.equals(application.getAttribute("name"))) {
                    stale.add(application);
                }
            }
            NodeList references = document.getElementsByTagName("application-ref");
            for (int i = 0; i < references.getLength(); i++) {
                Element reference = (Element) references.item(i);
                if (name.equals(reference.getAttribute("ref"))) {
                    stale.add(reference);
                }
            }
            if (stale.isEmpty()) {
                return false;
            }
            stale.forEach(node -> node.getParentNode().removeChild(node));
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            Path written = domain.resolveSibling("domain.xml.new");
            transformer.transform(new DOMSource(document), new StreamResult(written.toFile()));
            Files.move(written, domain, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (Exception e) {
            // A configuration the launcher cannot read is left to Payara Micro, which then deploys twice.
            System.err.println("klassrum: could not read " + domain + " (" + e.getMessage() + "); the application may start twice");
            return false;
        }
    }
}
