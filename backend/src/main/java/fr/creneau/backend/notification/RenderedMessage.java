package fr.creneau.backend.notification;

/**
 * One message in the forms the channels need: a title and a short text (push, SMS), and for email a subject,
 * text and HTML parts and an optional .ics.
 */
public record RenderedMessage(String title, String shortText, String subject, String text, String html, byte[] ics) {
}
