package se.klassrum.teaching.entity;

/** Draft content is seen by its authors only; published content by everyone the rules allow. */
public enum PublicationStatus { DRAFT, PUBLISHED }
