package se.klassrum.roster.schema;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import se.klassrum.roster.entity.RosterEntity;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit lists its classes explicitly, so a new entity (or converter) that is not listed would be silently
 * unknown to JPA: "abstract schema type is unknown" at the first query. A WAR unit that lists classes
 * instead of naming the module jar must list the same ones.
 */
class PersistenceUnitListingTest {

    @Test
    void every_persistent_class_of_the_entity_package_is_listed_in_the_test_persistence_unit() throws Exception {
        Set<String> persistent = persistentClassesOf(RosterEntity.class.getPackageName());
        Set<String> listed = listedClasses();

        assertThat(persistent).contains("se.klassrum.roster.entity.Tenant", "se.klassrum.roster.entity.GuardianLink",
                "se.klassrum.roster.entity.Validity", "se.klassrum.roster.entity.RosterEntity");
        assertThat(listed).as("classes in META-INF/persistence.xml (test)").containsAll(persistent);
        assertThat(persistent).as("listed classes that are not persistent classes").containsAll(listed);
    }

    private static Set<String> persistentClassesOf(String packageName) throws Exception {
        Path classes = Path.of(RosterEntity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(packageName.replace('.', '/'));
        Set<String> persistent = new HashSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String className = packageName + "." + file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(className);
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                        || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class)) {
                    persistent.add(className);
                }
            }
        }
        return persistent;
    }

    private static Set<String> listedClasses() throws Exception {
        try (InputStream xml = PersistenceUnitListingTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(xml);
            NodeList classes = document.getElementsByTagNameNS("*", "class");
            Set<String> listed = new HashSet<>();
            for (int i = 0; i < classes.getLength(); i++) {
                listed.add(classes.item(i).getTextContent().strip());
            }
            return listed;
        }
    }
}
