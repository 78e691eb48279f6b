package se.klassrum.roster.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.UUID;

/**
 * Passes a {@link UUID} through unchanged, and so replaces EclipseLink's own UUID conversion, which in
 * EclipseLink 4.0 (4.0.7 in Payara Micro 6.2025.10) fails with a NullPointerException when it reads a null
 * from the database. Every UUID attribute except the id uses it (JPA forbids converters on ids, and ids are
 * never null); UuidMappingTest checks both the rule and the round trip. Writing a null needs
 * {@link UuidColumns} as well.
 */
@Converter
public class UuidAttributeConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
