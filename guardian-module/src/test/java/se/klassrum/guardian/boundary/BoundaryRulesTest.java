package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.StudentData;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that web-module's ArchitectureTest enforces over the whole application, checked here already, where a
 * new guardian boundary method is written: every public method of a boundary bean carries {@code @StudentData} or
 * {@code @NoStudentData}, on itself or on its class. And every boundary bean starts the transaction.
 */
class BoundaryRulesTest {

    @Test
    void every_public_boundary_method_says_whether_it_touches_student_data() throws Exception {
        List<Class<?>> beans = boundaryBeans();
        assertThat(beans).contains(GuardianEmailLogin.class, GuardianLoginPolicies.class);

        List<String> unmarked = new ArrayList<>();
        for (Class<?> bean : beans) {
            boolean classMarked = bean.isAnnotationPresent(NoStudentData.class) || bean.isAnnotationPresent(StudentData.class);
            for (Method method : bean.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !classMarked
                        && !method.isAnnotationPresent(NoStudentData.class) && !method.isAnnotationPresent(StudentData.class)) {
                    unmarked.add(bean.getSimpleName() + "." + method.getName());
                }
            }
            assertThat(bean.isAnnotationPresent(Transactional.class)).as(bean.getSimpleName() + " is @Transactional").isTrue();
        }
        assertThat(unmarked).isEmpty();
    }

    private static List<Class<?>> boundaryBeans() throws Exception {
        String packageName = GuardianEmailLogin.class.getPackageName();
        Path classes = Path.of(GuardianEmailLogin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(packageName.replace('.', '/'));
        List<Class<?>> beans = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(classes)) {
            files = list.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList();
        }
        for (Path file : files) {
            Class<?> type = Class.forName(packageName + "." + file.getFileName().toString().replace(".class", ""));
            if (type.isAnnotationPresent(ApplicationScoped.class)) {
                beans.add(type);
            }
        }
        return beans;
    }
}
