package se.klassrum.guardian.entity;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test unit lists its classes, so an entity of this package that is not listed would be unknown to JPA in
 * the tests ("abstract schema type is unknown") while the WAR, which takes the whole jar, knows it.
 */
class PersistenceUnitListingTest {

    @Test
    void every_persistent_class_of_the_entity_package_is_listed_in_the_test_persistence_unit() throws Exception {
        Set<String> persistent = persistentClassesOf(GuardianLoginPolicy.class.getPackageName());
        Set<String> listed = listedClasses();

        assertThat(persistent).contains(GuardianLoginPolicy.class.getName(), EmailLoginCode.class.getName(),
                EmailCodeRequest.class.getName());
        assertThat(listed).containsAll(persistent);
    }

    private static Set<String> persistentClassesOf(String packageName) throws Exception {
        Path classes = Path.of(GuardianLoginPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(packageName.replace('.', '/'));
        Set<String> persistent = new HashSet<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(classes)) {
            files = list.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            Class<?> type = Class.forName(packageName + "." + file.getFileName().toString().replace(".class", ""));
            if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                    || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class)) {
                persistent.add(type.getName());
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
