package se.klassrum.roster.entity;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorCustomizer;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.OneToOneMapping;

import java.sql.Types;
import java.util.UUID;

/**
 * Lets EclipseLink write a null into a PostgreSQL uuid column.
 * <p>
 * EclipseLink 5.0 (5.0.1 in Payara Micro 7.2026.11, as 4.0 before it) binds a non-null {@link UUID} correctly,
 * as a uuid, but binds a null one as a null varchar, which PostgreSQL refuses for a uuid column ("column ... is of
 * type uuid but expression is of type character varying"; eclipse-ee4j/eclipselink#2717). That breaks a
 * person without an Entra account and a group without a syllabus. A JPA {@code AttributeConverter} cannot
 * help here, because EclipseLink chooses the null's type from the column's Java type and treats every type
 * it does not know as varchar. So every entity names this customizer ({@code @Customizer} is not
 * inherited), and it marks each uuid column, foreign keys included, as JDBC type OTHER, which the
 * PostgreSQL driver sends untyped and the server then reads as uuid. Reading a null back works since
 * EclipseLink 5.0 (4.0 needed a converter for it).
 * <p>
 * It sets the type on EclipseLink's internal {@code DatabaseField}; UuidMappingTest fails if that stops
 * working. Under another JPA provider the annotation is simply ignored.
 */
public final class UuidColumns implements DescriptorCustomizer {

    @Override
    public void customize(ClassDescriptor descriptor) {
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (mapping.isDirectToFieldMapping() && isUuidAttribute(descriptor.getJavaClass(), mapping.getAttributeName())) {
                mapping.getField().setSqlType(Types.OTHER);
            } else if (mapping.isOneToOneMapping()
                    && RosterEntity.class.isAssignableFrom(((OneToOneMapping) mapping).getReferenceClass())) {
                // Every roster entity has a uuid id, so every foreign key to one is a uuid.
                ((OneToOneMapping) mapping).getSourceToTargetKeyFields().keySet()
                        .forEach(foreignKey -> foreignKey.setSqlType(Types.OTHER));
            }
        }
    }

    private static boolean isUuidAttribute(Class<?> type, String attribute) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                return declaring.getDeclaredField(attribute).getType() == UUID.class;
            } catch (NoSuchFieldException notHere) {
                // declared further up, e.g. the id in RosterEntity
            }
        }
        return false;
    }
}
